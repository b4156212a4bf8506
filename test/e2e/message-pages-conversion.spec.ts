import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import { claimConversationMeta, conversationsMap, messagesOf } from '../../shared/docs'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../shared/schema/current'
import { requestOk } from '../reliability/app-requests'
import { test, expect } from './fixtures'

/** A space as builds before pages wrote it: this many conversations of this many messages, one row each. */
const CONVERSATIONS = 40
const MESSAGES = 1500

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

interface LegacyConversation {
  id: string
  update: string
  rows: { id: string; conversationId: string; createdAt: string; record: Message }[]
}

/** The documents and one-row-per-message read model of an older build's space, built here in Node. */
function legacySpace(): { space: string; conversations: LegacyConversation[] } {
  const spaceDoc = new Y.Doc()
  const start = Date.parse('2025-01-01T00:00:00.000Z')
  const conversations: LegacyConversation[] = []
  for (let c = 0; c < CONVERSATIONS; c++) {
    const id = `legacy-${c}`
    const created = new Date(start + c * 86_400_000).toISOString()
    const messages: Message[] = Array.from({ length: MESSAGES }, (_, i) => ({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: `${id}-m${i}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      text: `conversation ${c} message ${i}: kept through the move to pages`,
      createdAt: new Date(start + c * 86_400_000 + i * 1000).toISOString(),
      deviceId: 'older-build',
      speaker: null,
      replyTo: null,
      error: null,
    }))
    const doc = new Y.Doc()
    claimConversationMeta(doc, id, created)
    messagesOf(doc).push(messages)
    conversationsMap(spaceDoc).set(id, {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id,
      title: `Legacy ${c}`,
      createdAt: created,
      updatedAt: messages.at(-1)!.createdAt,
      deletedAt: null,
    })
    conversations.push({
      id,
      update: toBase64(Y.encodeStateAsUpdate(doc)),
      rows: messages.map((m) => ({
        id: m.id,
        conversationId: id,
        createdAt: m.createdAt,
        record: m,
      })),
    })
  }
  return { space: toBase64(Y.encodeStateAsUpdate(spaceDoc)), conversations }
}

/** Writes the older build's rows into the space database, strictly, as that build would have. */
async function writeLegacy(page: Page, spaceId: string): Promise<void> {
  const { space, conversations } = legacySpace()
  for (const [i, batch] of [
    [{ id: 'space', update: space, rows: [] }],
    ...conversations.map((c) => [c]),
  ].entries())
    await page.evaluate(
      async ({ name, batch, first }) => {
        const bytes = (b64: string): Uint8Array =>
          Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name)
          r.onsuccess = () => resolve(r.result)
          r.onerror = () => reject(r.error)
        })
        const tx = db.transaction(['updates', 'messages', 'kv'], 'readwrite', {
          durability: 'strict',
        })
        for (const c of batch) {
          const docId = first ? 'space' : `conversation:${c.id}`
          const add = tx
            .objectStore('updates')
            .add({ docId, update: bytes(c.update), at: new Date().toISOString() })
          add.onsuccess = () => {
            const seq = add.result as number
            for (const row of c.rows) tx.objectStore('messages').put({ ...row, seq })
            if (!first)
              tx.objectStore('kv').put({ key: `message-count:${c.id}`, value: c.rows.length })
          }
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      },
      { name: `keepsake-space-${spaceId}`, batch, first: i === 0 },
    )
}

/** Per conversation: message ids in the old rows and in pages, read straight from IndexedDB. */
async function stored(
  page: Page,
  spaceId: string,
): Promise<{ legacy: string[]; paged: string[]; dirs: number }> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name)
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((resolve, reject) => {
        const r = db.transaction(store, 'readonly').objectStore(store).getAll()
        r.onsuccess = () => resolve(r.result as T[])
        r.onerror = () => reject(r.error)
      })
    const legacy = (await all<{ id: string }>('messages')).map((r) => r.id)
    const paged = (await all<{ messages: { id: string }[] }>('messagePages')).flatMap((p) =>
      p.messages.map((m) => m.id),
    )
    const dirs = (await all<unknown>('pageDirs')).length
    db.close()
    return { legacy, paged, dirs }
  }, `keepsake-space-${spaceId}`)
}

const expectedIds = (): string[] =>
  Array.from({ length: CONVERSATIONS }, (_, c) =>
    Array.from({ length: MESSAGES }, (_, i) => `legacy-${c}-m${i}`),
  ).flat()

test('a space from before pages is converted in the background, survives a SIGKILL mid-conversion, and keeps every message exactly once', async ({
  device,
}) => {
  test.setTimeout(300_000)
  let page = device.browser.page
  await page.goto(device.host.url)
  const { spaceId } = await requestOk<{ spaceId: string }>(page, 'app.status', {})
  await writeLegacy(page, spaceId)
  await device.crashAndRestart()

  // The next start converts in the background; the browser is killed while it is at it.
  page = device.browser.page
  await page.goto(device.host.url)
  await expect
    .poll(async () => (await stored(page, spaceId)).dirs, { timeout: 120_000, intervals: [20] })
    .toBeGreaterThan(2)
  // Still usable meanwhile: the list answers with every conversation's full count.
  const listed = await requestOk<{ id: string; messageCount: number }[]>(
    page,
    'conversations.list',
    {},
  )
  expect(listed.filter((c) => c.id.startsWith('legacy-')).map((c) => c.messageCount)).toEqual(
    Array.from({ length: CONVERSATIONS }, () => MESSAGES),
  )
  await device.crashAndRestart()

  // On disk, before this build runs again: some conversations moved, some not, none in both or neither.
  page = device.browser.page
  await page.goto(`${device.host.origin}not-the-app`)
  const mid = await stored(page, spaceId)
  expect(mid.legacy.length, 'the kill landed mid-conversion').toBeGreaterThan(0)
  expect(mid.paged.length, 'the kill landed mid-conversion').toBeGreaterThan(0)
  const both = [...mid.legacy, ...mid.paged.filter((id) => id.startsWith('legacy-'))]
  expect(both.length).toBe(new Set(both).size)
  expect(both.sort()).toEqual(expectedIds().sort())

  // Reopened, it goes on from where it was and finishes.
  await page.goto(device.host.url)
  await expect
    .poll(async () => (await stored(page, spaceId)).legacy.length, { timeout: 120_000 })
    .toBe(0)
  const done = await stored(page, spaceId)
  const paged = done.paged.filter((id) => id.startsWith('legacy-'))
  expect(paged.length).toBe(new Set(paged).size)
  expect(paged.sort()).toEqual(expectedIds().sort())

  // And the app reads each conversation whole, in order, by its pages.
  for (const c of [0, 17, CONVERSATIONS - 1]) {
    const ids: string[] = []
    for (let offset = 0; offset < MESSAGES; offset += 1000) {
      const got = await requestOk<{ messages: { id: string }[]; total: number }>(
        page,
        'conversations.messages',
        {
          id: `legacy-${c}`,
          offset,
          limit: 1000,
        },
      )
      expect(got.total).toBe(MESSAGES)
      ids.push(...got.messages.map((m) => m.id))
    }
    expect(ids).toEqual(Array.from({ length: MESSAGES }, (_, i) => `legacy-${c}-m${i}`))
  }
})
