import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { CURRENT_SCHEMA_VERSION, type MemoryItem } from '../../shared/schema/current'
import type { SessionData } from '../../shared/session/session-data'
import { writeSessionFile } from '../../shared/session/session-file'
import { expect, test } from './fixtures'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'
import { MemoryPanel } from './pages/memory-panel'

/** Enough facts that a start reads them from the stored view, not one by one from the document. */
const FACTS = 3_000

/** A space of many remembered facts, three of which the test changes. */
function manyFacts(): SessionData {
  const start = Date.parse('2026-11-01T09:00:00.000Z')
  const fact = (id: string, text: string, at: number): MemoryItem => {
    const iso = new Date(at).toISOString()
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      kind: 'fact',
      id,
      text,
      category: 'general',
      createdAt: iso,
      confirmedAt: iso,
      source: null,
      validFrom: iso,
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
    }
  }
  const memory = Array.from({ length: FACTS }, (_, i) =>
    fact(`bulk-${i}`, `Note ${i}: the shelf in room ${i} holds box ${i * 7}`, start + i * 60_000),
  )
  memory.push(fact('home', 'I live in Leeds', start + FACTS * 60_000))
  memory.push(fact('car', 'I drive a Volvo', start + FACTS * 60_000 + 1))
  memory.push(fact('dentist', 'My dentist is Dr Okafor', start + FACTS * 60_000 + 2))
  const at = new Date(start).toISOString()
  return {
    exportedAt: new Date(start + 40 * 86_400_000).toISOString(),
    app: { name: 'Keepsake memory restore test', version: '0.0.0' },
    scope: 'space',
    space: { id: 'memory-restore-space', name: 'Many facts', createdAt: at },
    memory,
    quarantine: [],
    conversations: [
      {
        id: 'conversation-1',
        title: 'Notes',
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        messages: [],
        yjs: null,
      },
    ],
    yjs: null,
  }
}

/** The open space's stored view as IndexedDB holds it: whether it matches the stored log, and its text. */
function storedView(page: Page): Promise<{ current: boolean; text: string } | null> {
  return page.evaluate(async () => {
    const read = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('keepsake-space-')) continue
      const db = await read(indexedDB.open(name))
      try {
        if (!db.objectStoreNames.contains('caches')) continue
        const tx = db.transaction(['caches', 'snapshots', 'updates'])
        type Stamped = { seq: number; snapshotAt: string | null }
        const view = (await read(tx.objectStore('caches').get('space-view'))) as
          { value: Stamped } | undefined
        // Its memory is in a row of its own, written with it.
        const memory = (await read(tx.objectStore('caches').get('space-view-memory'))) as
          { value: Stamped & { memory: unknown[] } } | undefined
        const snapshot = (await read(tx.objectStore('snapshots').get('space'))) as
          { upToSeq: number; at: string } | undefined
        // The primary keys (seq) of the space document's update rows, in order.
        const rows = (await read(
          tx
            .objectStore('updates')
            .index('[docId+seq]')
            .getAllKeys(IDBKeyRange.bound(['space', 0], ['space', Infinity])),
        )) as number[]
        // Only the imported space has facts; the empty first space is skipped.
        if (!view || !memory || memory.value.memory.length < 10) continue
        const seq = Math.max(rows.at(-1) ?? 0, snapshot?.upToSeq ?? 0)
        const at = snapshot?.at ?? null
        return {
          current: [view.value, memory.value].every((v) => v.seq === seq && v.snapshotAt === at),
          text: JSON.stringify(memory.value.memory),
        }
      } finally {
        db.close()
      }
    }
    return null
  })
}

test('with thousands of facts, a restart shows the current items after edits and retractions, killed or not', async ({
  device,
}) => {
  test.setTimeout(240_000)
  let app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-memory-restore-'))
  const path = join(dir, 'many-facts.keepsake')
  writeFileSync(path, await writeSessionFile(manyFacts(), 'msgpack', nodeGzip))
  await new FilesDialog(app.page).importFrom(path, new FilesDialog(app.page).asNewSpace)
  let memory = new MemoryPanel(app.page)
  await expect(memory.item('I live in Leeds')).toHaveCount(1, { timeout: 60_000 })

  // Once changes pause the app stores its view of memory; the next start reads that view.
  await expect
    .poll(async () => (await storedView(app.page))?.current, { timeout: 30_000 })
    .toBe(true)
  await device.crashAndRestart()
  app = new KeepsakePage(device.browser.page)
  memory = new MemoryPanel(app.page)
  await app.openReady(device.host.url)
  await memory.search.fill('Leeds')
  await expect(memory.item('I live in Leeds')).toHaveCount(1)

  // An edit and a retraction, then a kill before the view is stored again: it still says Leeds.
  await memory.edit('I live in Leeds', 'I live in York')
  await memory.search.fill('York')
  await expect(memory.item('I live in York')).toHaveCount(1)
  await memory.search.fill('Volvo')
  await memory.item('I drive a Volvo').getByRole('button', { name: 'Retract' }).click()
  await expect(
    app.toasts.getByRole('status').filter({ hasText: 'Retracted “I drive a Volvo”' }),
  ).toBeVisible()
  const stale = await storedView(app.page)
  expect(stale?.current).toBe(false)
  expect(stale?.text).toContain('I live in Leeds')
  await device.crashAndRestart()

  // The stale view is not used: York is current, Leeds and the Volvo are history only.
  app = new KeepsakePage(device.browser.page)
  memory = new MemoryPanel(app.page)
  await app.openReady(device.host.url)
  const current = async (): Promise<void> => {
    await memory.search.fill('York')
    await expect(memory.item('I live in York')).toHaveCount(1)
    await memory.search.fill('Leeds')
    await expect(memory.currentList.getByRole('listitem')).toHaveCount(0)
    await memory.search.fill('Volvo')
    await expect(memory.currentList.getByRole('listitem')).toHaveCount(0)
    await memory.pastToggle.click()
    await expect(memory.pastList.getByRole('listitem').filter({ hasText: 'Volvo' })).toHaveCount(1)
    await memory.backToCurrent.click()
    await memory.search.fill('Okafor')
    await expect(memory.item('My dentist is Dr Okafor')).toHaveCount(1)
    await memory.search.fill('')
  }
  await current()
  // The assistant answers from the same memory.
  await app.say('Where do I live?')
  await expect(app.lastReply()).toContainText('York')
  await expect(app.lastReply()).not.toContainText('Leeds')

  // Stored again once changes pause, and read by the next start: the same current items.
  await expect
    .poll(
      async () => {
        const view = await storedView(app.page)
        return view?.current === true && view.text.includes('I live in York')
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  await app.page.reload()
  await app.openReady(device.host.url)
  await current()
  await memory.search.fill('live in')
  await expect(memory.item('I live in York')).toHaveCount(1)
  await app.page.screenshot({ path: test.info().outputPath('memory-after-reload.png') })
})
