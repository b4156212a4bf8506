import { Dexie } from 'dexie'
import { z } from 'zod'
import type { MessageRow, SpaceDb } from '../db/space-db'

/**
 * Each conversation's message count, kept in `kv` beside the read model and changed in the same
 * transactions, so listing conversations never counts a long history row by row. A missing or bad
 * count is a cache miss: it is recounted from the index once and stored again.
 */
const countKey = (conversationId: string): string => `message-count:${conversationId}`
const Count = z.number().int().nonnegative()

const rangeOf = (db: SpaceDb, conversationId: string) =>
  db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])

/** Moves a stored count by `delta`, or recounts it if there is none yet. Call inside a rw transaction on `messages` and `kv`. */
async function adjust(db: SpaceDb, conversationId: string, delta: number): Promise<number> {
  const row = await db.kv.get(countKey(conversationId))
  const stored = Count.safeParse(row?.value)
  const value = stored.success
    ? Math.max(0, stored.data + delta)
    : await rangeOf(db, conversationId).count()
  await storeCount(db, conversationId, value)
  return value
}

/**
 * Above this many rows a write recounts its conversations from the index (one request each)
 * instead of looking every row up first (one request per row: seconds at 100k rows).
 */
const RECOUNT_ABOVE = 1000

async function storeCount(db: SpaceDb, conversationId: string, value: number): Promise<void> {
  await db.kv.put({ key: countKey(conversationId), value })
}

/** Writes message rows and counts the new ones. Call inside a rw transaction on `messages` and `kv`. */
export async function putMessageRows(db: SpaceDb, rows: MessageRow[]): Promise<void> {
  if (rows.length > RECOUNT_ABOVE) {
    await db.messages.bulkPut(rows)
    for (const conversationId of new Set(rows.map((r) => r.conversationId)))
      await storeCount(db, conversationId, await rangeOf(db, conversationId).count())
    return
  }
  const existing = await db.messages.bulkGet(rows.map((r) => r.id))
  const seen = new Set<string>()
  const added = new Map<string, number>()
  rows.forEach((row, i) => {
    if (existing[i] === undefined && !seen.has(row.id)) {
      added.set(row.conversationId, (added.get(row.conversationId) ?? 0) + 1)
    }
    seen.add(row.id)
  })
  await db.messages.bulkPut(rows)
  for (const [conversationId, n] of added) await adjust(db, conversationId, n)
}

/** Deletes one message row of the read model and its share of the count. */
export async function deleteMessageRow(db: SpaceDb, id: string): Promise<void> {
  await db.transaction('rw', db.messages, db.kv, () => deleteMessageRows(db, [id]))
}

/** Deletes message rows and their share of the counts. Call inside a rw transaction on `messages` and `kv`. */
export async function deleteMessageRows(db: SpaceDb, ids: string[]): Promise<void> {
  const rows = await db.messages.bulkGet(ids)
  const removed = new Map<string, number>()
  for (const row of rows)
    if (row) removed.set(row.conversationId, (removed.get(row.conversationId) ?? 0) + 1)
  await db.messages.bulkDelete(ids)
  for (const [conversationId, n] of removed) await adjust(db, conversationId, -n)
}

/** Deletes every message row of a conversation and its stored count (a conversation deleted for good). */
export async function deleteConversationRows(db: SpaceDb, conversationId: string): Promise<void> {
  await db.transaction('rw', db.messages, db.kv, async () => {
    await rangeOf(db, conversationId).delete()
    await db.kv.delete(countKey(conversationId))
  })
}

/** How many messages a conversation has in the read model; O(1) once the count is stored. */
export async function messageCount(db: SpaceDb, conversationId: string): Promise<number> {
  const row = await db.kv.get(countKey(conversationId))
  const stored = Count.safeParse(row?.value)
  if (stored.success) return stored.data
  return db.transaction('rw', db.messages, db.kv, () => adjust(db, conversationId, 0))
}

/** Counts of several conversations, reading stored counts in one go. */
export async function messageCounts(db: SpaceDb, conversationIds: string[]): Promise<number[]> {
  const rows = await db.kv.bulkGet(conversationIds.map(countKey))
  return Promise.all(
    conversationIds.map((id, i) => {
      const stored = Count.safeParse(rows[i]?.value)
      return stored.success ? stored.data : messageCount(db, id)
    }),
  )
}

/**
 * Where a message sits in its conversation: its index in the order `page()` reads (by time, then id),
 * found with two index counts instead of reading the messages before it.
 */
export async function messageIndex(db: SpaceDb, row: MessageRow): Promise<number> {
  const earlier = await db.messages
    .where('[conversationId+createdAt]')
    .between([row.conversationId, Dexie.minKey], [row.conversationId, row.createdAt], true, false)
    .count()
  const ties = await db.messages
    .where('[conversationId+createdAt]')
    .equals([row.conversationId, row.createdAt])
    .primaryKeys()
  return earlier + ties.filter((id) => id < row.id).length
}
