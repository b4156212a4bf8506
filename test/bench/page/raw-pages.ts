import { decodeSessionBytes, encodeSessionValue } from '../../../shared/session/codec'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import type { RawExportResult, RawImportInput, RawImportResult, RawWriteInput } from './bench-api'
import { MESSAGE_STEP_MS } from './seed'
import { synthMessages } from './synth'

/**
 * The baselines the app's import, export and first sync are held to (issue 17): the same messages
 * written with raw IndexedDB, no Dexie and no Yjs, in pages of many messages per row, each
 * transaction strict (durable before it completes). What the disk allows in this Chromium.
 */

const PAGES = 'pages'
const STATES = 'states'
/** Messages per transaction: a few large strict transactions, not one per page. */
const MESSAGES_PER_TRANSACTION = 20_000

interface PageRow {
  conversationId: string
  page: number
  messages: unknown[]
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'))
  })

/** Deletes and recreates a baseline database with its two stores. */
export async function openFresh(dbName: string): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(dbName))
  const open = indexedDB.open(dbName, 1)
  open.onupgradeneeded = () => {
    open.result.createObjectStore(PAGES, { keyPath: ['conversationId', 'page'] })
    open.result.createObjectStore(STATES, { keyPath: 'conversationId' })
  }
  return request(open)
}

/** Writes `messages` of each conversation as page rows, in strict transactions. */
export async function writePages(
  db: IDBDatabase,
  conversations: { id: string; messages: unknown[]; yjs: unknown }[],
  pageSize: number,
): Promise<number> {
  const rows: PageRow[] = []
  for (const c of conversations)
    for (let at = 0; at < c.messages.length; at += pageSize)
      rows.push({
        conversationId: c.id,
        page: at / pageSize,
        messages: c.messages.slice(at, at + pageSize),
      })
  const perTx = Math.max(1, Math.floor(MESSAGES_PER_TRANSACTION / pageSize))
  for (let at = 0; at < rows.length; at += perTx) {
    const tx = db.transaction([PAGES, STATES], 'readwrite', { durability: 'strict' })
    const pages = tx.objectStore(PAGES)
    for (const row of rows.slice(at, at + perTx)) pages.put(row)
    if (at === 0) {
      const states = tx.objectStore(STATES)
      for (const c of conversations)
        if (c.yjs instanceof Uint8Array) states.put({ conversationId: c.id, state: c.yjs })
    }
    await done(tx)
  }
  return rows.length
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** Import baseline: the file's bytes decoded with the app's own decoder, then written as pages. */
export async function rawImport(input: RawImportInput): Promise<RawImportResult> {
  const bytes = (window as unknown as { benchFiles?: Record<string, Uint8Array> }).benchFiles?.[
    input.key
  ]
  if (!bytes) throw new Error(`no bench file ${input.key}`)
  const t = performance.now()
  const decoded = await decodeSessionBytes(bytes, webGzip)
  if (!decoded.ok) throw new Error(`decode: ${decoded.problems[0]?.message}`)
  const decodeMs = performance.now() - t
  const value = decoded.value.value
  const list = isRecord(value) && Array.isArray(value.conversations) ? value.conversations : []
  const conversations = list.filter(isRecord).map((c) => ({
    id: String(c.id),
    messages: Array.isArray(c.messages) ? (c.messages as unknown[]) : [],
    yjs: c.yjs,
  }))
  const db = await openFresh(input.dbName)
  try {
    const pages = await writePages(db, conversations, input.pageSize)
    return {
      ms: performance.now() - t,
      decodeMs,
      messages: conversations.reduce((n, c) => n + c.messages.length, 0),
      pages,
    }
  } finally {
    db.close()
  }
}

/** Export baseline: the pages (and states) `rawImport` wrote, read back and encoded as `.keepsake`. */
export async function rawExport(dbName: string): Promise<RawExportResult> {
  const t = performance.now()
  const db = await request(indexedDB.open(dbName))
  try {
    const tx = db.transaction([PAGES, STATES], 'readonly')
    const pages = (await request(tx.objectStore(PAGES).getAll())) as PageRow[]
    const states = (await request(tx.objectStore(STATES).getAll())) as {
      conversationId: string
      state: Uint8Array
    }[]
    const byConversation = new Map<string, unknown[]>()
    for (const p of pages) {
      const list = byConversation.get(p.conversationId) ?? []
      for (const m of p.messages) list.push(m)
      byConversation.set(p.conversationId, list)
    }
    const stateOf = new Map(states.map((s) => [s.conversationId, s.state]))
    const encoded = await encodeSessionValue(
      {
        conversations: [...byConversation].map(([id, messages]) => ({
          id,
          messages,
          yjs: stateOf.get(id) ?? null,
        })),
      },
      'msgpack',
      webGzip,
    )
    return { ms: performance.now() - t, size: encoded.length }
  } finally {
    db.close()
  }
}

/** First-sync baseline: the same synthetic messages the sync row seeds, written as pages. */
export async function rawWrite(input: RawWriteInput): Promise<RawImportResult> {
  const messages = synthMessages({
    seed: input.seed,
    from: 0,
    count: input.messages,
    startMs: input.nowMs - input.messages * MESSAGE_STEP_MS,
    stepMs: MESSAGE_STEP_MS,
    deviceId: 'bench-device',
  })
  const db = await openFresh(input.dbName)
  try {
    const t = performance.now()
    const pages = await writePages(
      db,
      [{ id: 'bench-conversation', messages, yjs: null }],
      input.pageSize,
    )
    return { ms: performance.now() - t, decodeMs: 0, messages: messages.length, pages }
  } finally {
    db.close()
  }
}

/** Deletes a baseline database. */
export async function rawDrop(dbName: string): Promise<void> {
  await request(indexedDB.deleteDatabase(dbName))
}
