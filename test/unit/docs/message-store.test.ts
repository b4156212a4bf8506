import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import type { MessageRow, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { convertLegacyMessages } from '../../../renderer/runtime/docs/convert-legacy'
import { putLegacyRows } from '../../../renderer/runtime/docs/legacy-messages'
import {
  messageRowCount,
  messageRowsAfter,
} from '../../../renderer/runtime/docs/message-rows-after'
import { PAGE_SIZE, TAIL_SIZE } from '../../../renderer/runtime/docs/page-layout'
import {
  deleteMessage,
  foldSmallPages,
  locateMessage,
  messageCount,
  messageTables,
  putMessageRows,
  readMessages,
  recentMessages,
} from '../../../renderer/runtime/docs/message-store'
import { newDb } from './space-harness'

const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString()

const row = (conversationId: string, id: string, n: number, seq: number): MessageRow => ({
  id,
  conversationId,
  createdAt: at(n),
  seq,
  record: { id, n },
})

const put = (db: SpaceDb, rows: MessageRow[]) =>
  db.transaction('rw', messageTables(db), async () => {
    await putMessageRows(db, rows)
  })

/** A small deterministic PRNG, so a failure replays. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0
    return a / 2 ** 32
  }
}

const order = (a: MessageRow, b: MessageRow): number =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id) ? -1 : 1

test('pages read back exactly the messages written, in order, through appends, late arrivals, rewrites and deletes', async () => {
  const db = newDb()
  const next = rng(7)
  const model = new Map<string, MessageRow>()
  let seq = 0
  let clock = 0
  for (let batch = 0; batch < 40; batch++) {
    seq++
    const rows: MessageRow[] = []
    const size = batch === 3 ? 3 * PAGE_SIZE : 1 + Math.floor(next() * 60)
    for (let i = 0; i < size; i++) {
      const kind = next()
      if (kind < 0.1 && model.size > 0) {
        // The same message again (a merge, a resend): replaced, never counted twice.
        const ids = [...model.keys()]
        const again = model.get(ids[Math.floor(next() * ids.length)]!)!
        rows.push({ ...again, seq, record: { ...(again.record as object), again: batch } })
      } else if (kind < 0.35) {
        // A message from another device's past: it belongs in the middle of the conversation.
        rows.push(row('c', `late-${batch}-${i}`, Math.floor(next() * clock), seq))
      } else {
        rows.push(row('c', `m-${batch}-${i}`, ++clock, seq))
      }
    }
    await put(db, rows)
    for (const r of rows) model.set(r.id, r)
    if (batch % 9 === 8) {
      const ids = [...model.keys()]
      const gone = ids[Math.floor(next() * ids.length)]!
      await deleteMessage(db, gone)
      model.delete(gone)
    }
  }
  const expected = [...model.values()].sort(order)
  expect(await messageCount(db, 'c')).toBe(expected.length)
  expect(expected.length).toBeGreaterThan(2 * PAGE_SIZE)
  const all = await readMessages(db, 'c', 0, expected.length + 10)
  expect(all.map((m) => m.id)).toEqual(expected.map((m) => m.id))
  expect(all.map((m) => m.record)).toEqual(expected.map((m) => m.record))
  for (const [offset, limit] of [
    [0, 1],
    [PAGE_SIZE - 3, 7],
    [expected.length - 5, 50],
    [Math.floor(expected.length / 2), 300],
  ] as const) {
    const part = await readMessages(db, 'c', offset, limit)
    expect(part.map((m) => m.id)).toEqual(expected.slice(offset, offset + limit).map((m) => m.id))
  }
  const recent = await recentMessages(db, 'c', 20)
  expect(recent.map((m) => m.id)).toEqual(expected.slice(-20).map((m) => m.id))
  for (const i of [0, 17, expected.length - 1, Math.floor(expected.length / 3)]) {
    const found = await locateMessage(db, expected[i]!.id)
    expect(found?.offset).toBe(i)
    expect(found?.conversationId).toBe('c')
  }
  expect(await locateMessage(db, 'nowhere')).toBeNull()
  // Bulk writes touch pages, not one row per message.
  expect(await db.messagePages.count()).toBeLessThan(expected.length / 100)
  expect(await db.messages.count()).toBe(0)
  db.close()
})

test('a space written before pages reads the same, converts a conversation per transaction, and loses nothing', async () => {
  const db = newDb()
  const legacy = Array.from({ length: 1200 }, (_, i) =>
    row(i % 3 === 0 ? 'a' : 'b', `old-${i}`, i, 1 + Math.floor(i / 100)),
  )
  await db.transaction('rw', messageTables(db), async () => {
    await putLegacyRows(db, legacy)
  })
  const before = await readMessages(db, 'b', 0, 2000)
  expect(before).toHaveLength(800)
  // Written while unconverted: stays in the old layout, so reads keep one order.
  await put(db, [row('b', 'while-old', 5000, 50)])
  expect(await messageCount(db, 'b')).toBe(801)
  expect(await db.messagePages.count()).toBe(0)
  // A conversation that is new in this build starts in pages.
  await put(db, [row('n', 'new-1', 1, 51)])
  expect(await db.pageDirs.get('n')).toMatchObject({ total: 1 })

  const heard: string[] = []
  expect(await convertLegacyMessages(db, (id) => heard.push(id))).toBe(2)
  expect(heard.sort()).toEqual(['a', 'b'])
  expect(await db.messages.count()).toBe(0)
  expect(await db.kv.get('message-count:a')).toBeUndefined()
  expect(await messageCount(db, 'a')).toBe(400)
  expect(await messageCount(db, 'b')).toBe(801)
  const after = await readMessages(db, 'b', 0, 2000)
  expect(after.map((m) => m.id)).toEqual([...before.map((m) => m.id), 'while-old'])
  expect(after.map((m) => m.record)).toEqual([
    ...before.map((m) => m.record),
    { id: 'while-old', n: 5000 },
  ])
  // Converted pages keep the highest seq of their rows: an index that read them all reads nothing again.
  expect((await messageRowsAfter(db, 51, 1000)).rows).toEqual([])
  // Nothing left: running again converts nothing.
  expect(await convertLegacyMessages(db)).toBe(0)
  db.close()
})

test('reading in change order never skips a message, however many share one update', async () => {
  const db = newDb()
  // An import: one update (seq 1) wrote 3,000 messages in 3 conversations; then appends.
  const imported = Array.from({ length: 3000 }, (_, i) => row(`c${i % 3}`, `i-${i}`, i, 1))
  await put(db, imported)
  for (let s = 2; s < 6; s++) await put(db, [row('c0', `a-${s}`, 10_000 + s, s)])
  await db.transaction('rw', messageTables(db), async () => {
    await putLegacyRows(db, [row('old', 'legacy-1', 1, 7), row('old', 'legacy-2', 2, 8)])
  })
  const seen = new Set<string>()
  let seq = 0
  for (let step = 0; step < 100; step++) {
    const read = await messageRowsAfter(db, seq, 100)
    if (read.rows.length === 0) break
    for (const r of read.rows) seen.add(r.id)
    expect(read.cursor).toBeGreaterThan(seq)
    seq = read.cursor
  }
  expect(seen.size).toBe(3000 + 4 + 2)
  expect(await messageRowCount(db)).toBe(3000 + 4 + 2)
  db.close()
})

test('single appends rewrite only a small newest page; folding then makes pages of about PAGE_SIZE, and misses no message by change order', async () => {
  const db = newDb()
  const total = 4 * PAGE_SIZE + 130
  // What each append wrote: its pages carry its seq.
  const written: number[] = []
  for (let i = 0; i < total; i++) {
    await put(db, [row('c', `a-${String(i).padStart(5, '0')}`, i, i + 1)])
    const pages = await db.messagePages
      .where('seq')
      .equals(i + 1)
      .toArray()
    written.push(pages.reduce((n, p) => n + p.messages.length, 0))
  }
  // Every append rewrites only a small page; nothing is folded inside an append.
  expect(written.every((n) => n >= 1 && n <= TAIL_SIZE)).toBe(true)
  const before = (await db.pageDirs.get('c'))?.pages.length ?? 0
  expect(before).toBe(Math.ceil(total / TAIL_SIZE))
  // A reader by change order that had read up to the middle of the run.
  const cursor = Math.floor(total / 2)
  const removed = await foldSmallPages(db, 'c')
  const dir = await db.pageDirs.get('c')
  expect(dir?.total).toBe(total)
  expect(removed).toBe(before - (dir?.pages.length ?? 0))
  const counts = dir?.pages.map((p) => p.count) ?? []
  // Folded pages, then the small pages since the last fold (together less than a page).
  const small = counts.findIndex((n) => n <= TAIL_SIZE)
  const folded = counts.slice(0, small)
  const recent = counts.slice(small)
  expect(folded.length).toBe(4)
  expect(folded.every((n) => n > PAGE_SIZE - TAIL_SIZE && n <= PAGE_SIZE)).toBe(true)
  expect(recent.every((n) => n <= TAIL_SIZE)).toBe(true)
  expect(recent.reduce((a, b) => a + b, 0) + TAIL_SIZE).toBeLessThanOrEqual(PAGE_SIZE)
  // Folding again finds nothing more to fold.
  expect(await foldSmallPages(db, 'c')).toBe(0)
  const all = await readMessages(db, 'c', 0, total)
  expect(all.map((m) => m.id)).toEqual(
    Array.from({ length: total }, (_, i) => `a-${String(i).padStart(5, '0')}`),
  )
  const recentRead = await recentMessages(db, 'c', 40)
  expect(recentRead.map((m) => m.id)).toEqual(all.slice(-40).map((m) => m.id))
  // Every message written after the reader's cursor is still read after it.
  const seen = new Set<string>()
  let seq = cursor
  for (let step = 0; step < 100; step++) {
    const read = await messageRowsAfter(db, seq, 100)
    if (read.rows.length === 0) break
    for (const r of read.rows) seen.add(r.id)
    seq = read.cursor
  }
  for (let i = cursor; i < total; i++)
    expect(seen.has(`a-${String(i).padStart(5, '0')}`)).toBe(true)
  db.close()
})

test('appends after a fold fill a new small page, and a second fold takes in the run that followed', async () => {
  const db = newDb()
  let seq = 0
  const append = (i: number) => put(db, [row('c', `a-${String(i).padStart(5, '0')}`, i, ++seq)])
  for (let i = 0; i < PAGE_SIZE + 40; i++) await append(i)
  await foldSmallPages(db, 'c')
  for (let i = PAGE_SIZE + 40; i < 3 * PAGE_SIZE; i++) await append(i)
  await foldSmallPages(db, 'c')
  const dir = await db.pageDirs.get('c')
  expect(dir?.total).toBe(3 * PAGE_SIZE)
  const counts = dir?.pages.map((p) => p.count) ?? []
  expect(counts.filter((n) => n > TAIL_SIZE).length).toBeGreaterThanOrEqual(2)
  expect(counts.every((n) => n <= PAGE_SIZE)).toBe(true)
  const all = await readMessages(db, 'c', 0, 3 * PAGE_SIZE)
  expect(all.map((m) => m.id)).toEqual(
    Array.from({ length: 3 * PAGE_SIZE }, (_, i) => `a-${String(i).padStart(5, '0')}`),
  )
  db.close()
})
