import { test, expect } from '@playwright/test'
import { SEGMENT_SIZE } from '../../renderer/runtime/docs/segment-writes'
import type { Laptop } from './pages/sync-page'
import { syncRig } from './pages/sync-rig'

const { relayOn, open } = syncRig()

const TITLE = 'Research log'

/** Imports a JSONL transcript of `count` messages into one conversation, through the UI's client. */
async function importLongConversation(laptop: Laptop, count: number): Promise<void> {
  const error = await laptop.device.browser.page.evaluate(
    async ([title, n]) => {
      const start = Date.parse('2025-01-01T00:00:00.000Z')
      const lines: string[] = []
      for (let i = 0; i < n; i++)
        lines.push(
          JSON.stringify({
            conversation: title,
            role: i % 2 === 0 ? 'user' : 'assistant',
            text: `Logged note number ${i + 1}`,
            timestamp: new Date(start + i * 1000).toISOString(),
          }),
        )
      type Client = {
        request(name: string, input: unknown): Promise<{ ok: boolean; error?: { message: string } }>
      }
      const c = (window as unknown as { keepsakeClient: Client }).keepsakeClient
      const bytes = new TextEncoder().encode(lines.join('\n'))
      const r = await c.request('files.import', { fileName: 'log.jsonl', bytes, mode: 'merge' })
      return r.error?.message ?? null
    },
    [TITLE, count] as const,
  )
  expect(error).toBeNull()
}

/** The texts of a conversation's messages as the runtime pages them, oldest first. */
async function texts(laptop: Laptop): Promise<string[]> {
  const list = await laptop.app.request<{ id: string; title: string }[]>('conversations.list', {})
  const id = list.value?.find((c) => c.title === TITLE)?.id
  if (!id) throw new Error(`no "${TITLE}" on ${laptop.name}`)
  const all: string[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await laptop.app.request<{ messages: { text: string }[] }>(
      'conversations.messages',
      { id, offset, limit: 1000 },
    )
    if (!page.ok || !page.value) throw new Error(page.error?.message ?? 'no page')
    all.push(...page.value.messages.map((m) => m.text))
    if (page.value.messages.length < 1000) return all
  }
}

/** The segment documents the laptop stores (read from IndexedDB in its page). */
const storedSegments = (laptop: Laptop): Promise<string[]> =>
  laptop.device.browser.page.evaluate(async () => {
    const found = new Set<string>()
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('keepsake-space-')) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      // Every update row whose document id starts with "segment:" (";" sorts right after ":").
      const rows = await new Promise<{ docId: string }[]>((resolve, reject) => {
        const req = db
          .transaction('updates')
          .objectStore('updates')
          .index('[docId+seq]')
          .getAll(IDBKeyRange.bound(['segment:', 0], ['segment;', 0]))
        req.onsuccess = () => resolve(req.result as { docId: string }[])
        req.onerror = () => reject(req.error)
      })
      for (const row of rows) found.add(row.docId)
      db.close()
    }
    return [...found].sort()
  })

test('a long conversation goes on in a segment; messages written offline on both laptops across the boundary converge and survive a restart', async () => {
  test.setTimeout(240_000)
  let relay = await relayOn()
  const a = await open('laptop A')
  await importLongConversation(a, SEGMENT_SIZE)
  await expect(a.app.conversationRow(TITLE)).toContainText(
    `${SEGMENT_SIZE.toLocaleString('en-US')} messages`,
  )
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expect(b.app.conversationRow(TITLE)).toContainText(
    `${SEGMENT_SIZE.toLocaleString('en-US')} messages`,
    { timeout: 60_000 },
  )

  // Both laptops offline; each writes past the conversation's first segment boundary.
  await relay.stop()
  for (const [laptop, text] of [
    [a, 'Written on laptop A while offline'],
    [b, 'Written on laptop B while offline'],
  ] as const) {
    await laptop.app.openConversation(TITLE)
    await laptop.app.say(text)
    expect(await storedSegments(laptop)).toHaveLength(1)
  }

  relay = await relayOn(relay)
  const total = SEGMENT_SIZE + 4
  for (const laptop of [a, b])
    await expect(laptop.app.conversationRow(TITLE)).toContainText(
      `${total.toLocaleString('en-US')} messages`,
      { timeout: 60_000 },
    )
  const onA = await texts(a)
  expect(onA).toHaveLength(total)
  expect(onA).toContain('Written on laptop A while offline')
  expect(onA).toContain('Written on laptop B while offline')
  expect(onA.slice(0, 3)).toEqual([
    'Logged note number 1',
    'Logged note number 2',
    'Logged note number 3',
  ])
  expect(await texts(b)).toEqual(onA)

  // Killed and started again: B reads the same conversation from its own storage.
  await b.crashAndRestart()
  await expect(b.app.conversationRow(TITLE)).toContainText(
    `${total.toLocaleString('en-US')} messages`,
  )
  expect(await texts(b)).toEqual(onA)
  await b.app.openConversation(TITLE)
  await expect(b.app.conversation).toContainText('Written on laptop')
})
