import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { loadSearchIndexParts, type SearchIndex } from '../../retrieval'
import type { Result } from '../../shared/errors'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../shared/schema/current'
import type { SessionData } from '../../shared/session/session-data'
import { writeSessionFile } from '../../shared/session/session-file'
import { expect, test } from './fixtures'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'

// Several conversations of more than one catch-up page (1,000 rows) each: an import writes each
// conversation under one sequence number, which is where a catch-up that paged by sequence alone
// lost rows.
const CONVERSATIONS = 4
const PER_CONVERSATION = 1_700
const TOPICS = ['garden', 'budget', 'flight', 'piano', 'recipe', 'backup', 'deploy', 'dentist']

/** A word no other message has: letters only, ending in x so no stemmer rule folds two together. */
const uniqueWord = (n: number): string => {
  let letters = ''
  for (let rest = n, i = 0; i < 4; i++, rest = Math.floor(rest / 26))
    letters = String.fromCharCode(97 + (rest % 26)) + letters
  return `q${letters}x`
}

type Expected = { id: string; word: string }

function multiConversationSession(
  count: number,
  perConversation: number,
): { data: SessionData; expected: Expected[] } {
  const start = Date.parse('2025-03-01T09:00:00.000Z')
  const expected: Expected[] = []
  const conversations = Array.from({ length: count }, (_, c) => {
    const messages: Message[] = []
    for (let i = 0; i < perConversation; i++) {
      const n = c * perConversation + i
      const word = uniqueWord(n)
      const user = i % 2 === 0
      const id = `c${c}-m${i}`
      messages.push({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id,
        role: user ? 'user' : 'assistant',
        text: user
          ? `Note ${i} on the ${TOPICS[n % TOPICS.length]} plan, code ${word}.`
          : `Understood, the ${TOPICS[(n + 3) % TOPICS.length]} item is filed as ${word}.`,
        createdAt: new Date(start + c * 86_400_000 + i * 30_000).toISOString(),
        deviceId: 'search-test-device',
        speaker: null,
        replyTo: user ? null : `c${c}-m${i - 1}`,
        error: null,
      })
      expected.push({ id, word })
    }
    const createdAt = messages[0]?.createdAt ?? new Date(start).toISOString()
    return {
      id: `conversation-${c}`,
      title: `Project log ${c + 1}`,
      createdAt,
      updatedAt: messages.at(-1)?.createdAt ?? createdAt,
      deletedAt: null,
      messages,
      yjs: null,
    }
  })
  const data: SessionData = {
    exportedAt: new Date(start + 30 * 86_400_000).toISOString(),
    app: { name: 'Keepsake search test', version: '0.0.0' },
    scope: 'space',
    space: {
      id: 'search-test-space',
      name: 'Search test',
      createdAt: new Date(start).toISOString(),
    },
    memory: [],
    quarantine: [],
    conversations,
    yjs: null,
  }
  return { data, expected }
}

/** The expected messages that a search for their own word does not return, through the app's client. */
function notFound(page: Page, expected: readonly Expected[]): Promise<Expected[]> {
  return page.evaluate(async (wanted) => {
    type Client = {
      request(
        name: string,
        input: unknown,
      ): Promise<{ ok: boolean; value?: { id: string }[]; error?: { message: string } }>
    }
    const client = (window as unknown as { keepsakeClient: Client }).keepsakeClient
    const missing: Expected[] = []
    for (const e of wanted) {
      const r = await client.request('search.all', { query: e.word, limit: 5 })
      if (!r.ok) throw new Error(`search.all failed: ${r.error?.message ?? '?'}`)
      if (!(r.value ?? []).some((hit) => hit.id === e.id)) missing.push(e)
    }
    return missing
  }, expected)
}

/** Searches until every expected message is found or `ms` pass; returns those never found. */
async function findAll(page: Page, expected: readonly Expected[], ms: number): Promise<Expected[]> {
  const deadline = Date.now() + ms
  // An import into a new space reloads the window onto it, which can land after the list showed
  // the imported conversations: a search cut off by that reload is asked again once it is back.
  const ask = async (wanted: readonly Expected[]): Promise<Expected[]> => {
    for (;;) {
      try {
        return await notFound(page, wanted)
      } catch (e) {
        if (!/context was destroyed|navigation/iu.test(String(e)) || Date.now() > deadline) throw e
        await page.waitForLoadState('load')
        await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
      }
    }
  }
  let missing = await ask(expected)
  while (missing.length > 0 && Date.now() < deadline) {
    await page.waitForTimeout(1_000)
    missing = await ask(missing)
  }
  return missing
}

/** The saved search index snapshots in this profile's space databases, by database name. */
/** A saved index as stored: its header and its parts, in order. */
interface StoredIndex {
  header: string
  parts: string[]
}

/** Every space database's saved search index (header and parts), by database name. */
function savedSnapshots(page: Page): Promise<Record<string, StoredIndex>> {
  return page.evaluate(async () => {
    const out: Record<string, StoredIndex> = {}
    const get = (db: IDBDatabase, key: string): Promise<unknown> =>
      new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('caches').objectStore('caches').get(key)
        request.onsuccess = () =>
          resolve((request.result as { value?: unknown } | undefined)?.value)
        request.onerror = () => reject(request.error)
      })
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('keepsake-space-')) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      if (db.objectStoreNames.contains('caches')) {
        const head = (await get(db, 'search-index')) as
          { header?: unknown; generation?: unknown } | undefined
        if (typeof head?.header === 'string' && typeof head.generation === 'string') {
          const count = (JSON.parse(head.header) as { parts: number }).parts
          const parts: string[] = []
          for (let n = 0; n < count; n++)
            parts.push(String(await get(db, `search-index/${head.generation}/${n}`)))
          out[name] = { header: head.header, parts }
        }
      }
      db.close()
    }
    return out
  })
}

/** Loads a stored index in Node, with the runtime's own loader. */
function loadStored(stored: StoredIndex): Result<SearchIndex> {
  const loader = loadSearchIndexParts(stored.header)
  if (!loader.ok) return loader
  for (const part of stored.parts) {
    const pushed = loader.value.push(part)
    if (!pushed.ok) return pushed
  }
  return loader.value.finish()
}

/** Puts `stored` in place of the space database `name`'s saved index. */
function saveSnapshot(page: Page, name: string, stored: StoredIndex): Promise<void> {
  return page.evaluate(
    async ({ name, stored }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('caches', 'readwrite', { durability: 'strict' })
        const caches = tx.objectStore('caches')
        caches.delete(IDBKeyRange.bound('search-index/', 'search-index/\uffff'))
        stored.parts.forEach((value, n) => caches.put({ key: `search-index/test/${n}`, value }))
        caches.put({ key: 'search-index', value: { header: stored.header, generation: 'test' } })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { name, stored },
  )
}

/** Writes the session to a file, imports it as a new space and waits for its conversations. */
async function importSession(app: KeepsakePage, data: SessionData): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-search-'))
  const path = join(dir, 'projects.keepsake')
  writeFileSync(path, await writeSessionFile(data, 'msgpack', nodeGzip))
  const files = new FilesDialog(app.page)
  await files.importFrom(path, files.asNewSpace)
  await expect(app.conversationRows).toHaveCount(data.conversations.length)
  const first = data.conversations[0]?.messages.length ?? 0
  await expect(app.conversationRows.first()).toContainText(
    `${first.toLocaleString('en-US')} messages`,
  )
}

test('every message of a large multi-conversation import is found by a word only it has', async ({
  device,
}) => {
  test.setTimeout(240_000)
  const { data, expected } = multiConversationSession(CONVERSATIONS, PER_CONVERSATION)
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await importSession(app, data)

  // Every one of the 6,800 messages, by its own word.
  expect(await findAll(app.page, expected, 60_000)).toEqual([])

  // A person finds one from the middle of the second conversation in the search palette.
  const middle = expected[PER_CONVERSATION + 850]
  if (middle === undefined) throw new Error('no middle message')
  await app.page.keyboard.press('Control+K')
  await expect(app.palette).toBeVisible()
  await app.page.keyboard.type(middle.word, { delay: 20 })
  await expect(
    app.palette.getByRole('group', { name: 'Messages' }).getByRole('option').first(),
  ).toContainText(middle.word)
})

test('a saved search index that lost messages is rebuilt in the background after a restart', async ({
  device,
}) => {
  test.setTimeout(240_000)
  // Under one catch-up page, so even a catch-up that paged by sequence alone saved a whole index.
  const { data, expected } = multiConversationSession(3, 300)
  let app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await importSession(app, data)
  expect(await findAll(app.page, expected, 30_000)).toEqual([])

  // The app saves its index after a quiet moment; wait for the snapshot that holds every message.
  let saved: { name: string; stored: StoredIndex } | null = null
  await expect
    .poll(
      async () => {
        for (const [name, stored] of Object.entries(await savedSnapshots(app.page))) {
          const loaded = loadStored(stored)
          if (loaded.ok && expected.every((e) => loaded.value.has(e.id))) saved = { name, stored }
        }
        return saved !== null
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true)
  const { name, stored } = saved as unknown as { name: string; stored: StoredIndex }

  // Damage it: 30 messages spread over every conversation fall out of the saved index, which
  // still loads (it is well-formed) and still claims to be caught up.
  const index = loadStored(stored)
  if (!index.ok) throw new Error(index.error.message)
  const lost = expected.filter((_, i) => i % 30 === 7)
  for (const e of lost) expect(index.value.remove(e.id)).toBe(true)
  await saveSnapshot(app.page, name, index.value.toParts())

  // Restart on the damaged index: it is found incomplete and rebuilt in the background.
  await device.crashAndRestart()
  app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await expect(app.conversationRows).toHaveCount(3)
  expect(await findAll(app.page, lost, 60_000)).toEqual([])
  expect(await findAll(app.page, expected, 10_000)).toEqual([])
})
