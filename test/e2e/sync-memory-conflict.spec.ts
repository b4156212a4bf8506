import { test, expect } from '@playwright/test'
import type { Laptop } from './pages/sync-page'
import { syncRig } from './pages/sync-rig'
import { MemoryPanel } from './pages/memory-panel'

const { relayOn, open } = syncRig()

/** What `memory.list` says is current, by text. */
const currentTexts = async (laptop: Laptop): Promise<string[]> => {
  const r = await laptop.app.request<{ items: { item: { text: string; status: string } }[] }>(
    'memory.list',
    {},
  )
  if (!r.ok || !r.value) throw new Error(r.error?.message ?? 'memory.list failed')
  return r.value.items
    .filter((v) => v.item.status === 'active')
    .map((v) => v.item.text)
    .sort()
}

test('the same item edited on both laptops while offline ends as one current item on both, the other edit in its history', async () => {
  let relay = await relayOn()
  const a = await open('laptop A')
  const b = await open('laptop B')
  const memoryA = new MemoryPanel(a.app.page)
  const memoryB = new MemoryPanel(b.app.page)

  expect((await a.app.request('memory.remember', { text: 'My manager is Dana' })).ok).toBe(true)
  await expect(memoryA.item('My manager is Dana')).toHaveCount(1)
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expect(memoryB.item('My manager is Dana')).toHaveCount(1)

  // Both laptops lose the relay and each corrects the same item its own way, A first.
  await relay.stop()
  for (const laptop of [a, b]) {
    await laptop.sync.open()
    await expect(laptop.sync.status).toContainText('Offline')
    await laptop.sync.closeDialog()
  }
  await memoryA.edit('My manager is Dana', 'My manager is Dana Smith')
  await expect(memoryA.item('Dana Smith')).toHaveCount(1)
  await memoryB.edit('My manager is Dana', 'My manager is Dana Jones')
  await expect(memoryB.item('Dana Jones')).toHaveCount(1)

  relay = await relayOn(relay)
  await a.sync.expectConnected()
  await b.sync.expectConnected()
  for (const laptop of [a, b]) await laptop.sync.closeDialog()

  for (const [laptop, memory] of [
    [a, memoryA],
    [b, memoryB],
  ] as const) {
    // One current item, the later edit (B's), on both laptops, in the panel and in the runtime.
    await expect(memory.currentList.getByRole('listitem')).toHaveCount(1)
    const kept = memory.item('My manager is Dana Jones')
    await expect(kept).toHaveCount(1)
    await expect(memory.item('Dana Smith')).toHaveCount(0)
    await expect.poll(() => currentTexts(laptop)).toEqual(['My manager is Dana Jones'])
    // The conflict is said, and the other edit is in the history with its date and time.
    await expect(kept.getByRole('note')).toHaveText(
      'Edited on both laptops — kept the later one; see History.',
    )
    await kept.getByRole('button', { name: 'History' }).click()
    const history = kept.getByRole('group', { name: /History of/ })
    await expect(history).toContainText(
      /“My manager is Dana Smith” — edited on another device at the same time \([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/,
    )
    await expect(history).toContainText(/was “My manager is Dana” until .*\d{1,2}:\d{2}/)
    // A's edit is listed among replaced items, not as current, and its history leads to B's.
    await memory.pastToggle.click()
    const lost = memory.pastList.getByRole('listitem').filter({ hasText: 'Dana Smith' })
    await expect(lost).toContainText('Replaced — not current')
    await lost.getByRole('button', { name: 'History' }).click()
    await expect(lost.getByRole('group', { name: /History of/ })).toContainText(
      'now “My manager is Dana Jones” (current',
    )
    await memory.backToCurrent.click()
  }
  await a.app.page.setViewportSize({ width: 1400, height: 900 })
  await memoryA.item('Dana Jones').getByRole('button', { name: 'History' }).click()
  await a.app.screens('memory-conflict-1400')
  await a.app.page.setViewportSize({ width: 900, height: 650 })
  await a.app.screens('memory-conflict-900')
})
