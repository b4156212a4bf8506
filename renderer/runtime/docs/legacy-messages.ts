import { Dexie } from 'dexie'
import { z } from 'zod'
import type { MessageRow, SpaceDb } from '../db/space-db'

/**
 * The first read model, one row per message (`SpaceDb.messages`), as it is read and written until a
 * conversation is converted into pages (`convertLegacyMessages`). Each conversation's count is kept
 * in `kv` beside it and changed in the same transactions; a missing or bad count is a cache miss:
 * it is recounted from the index once and stored again.
 */
export const countKey = (conversationId: string): string => `message-count:${conversationId}`
const Count = z.number().int().nonnegative()

export const rangeOf = (db: SpaceDb, conversationId: string) =>
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
export async function putLegacyRows(db: SpaceDb, rows: MessageRow[]): Promise<void> {
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

/** Deletes the rows among `ids` and their share of the counts; returns the ids it found. Call inside a rw transaction on `messages` and `kv`. */
export async function deleteLegacyRows(db: SpaceDb, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.messages.bulkGet([...ids])
  const removed = new Map<string, number>()
  const found = new Set<string>()
  for (const row of rows) {
    if (!row) continue
    found.add(row.id)
    removed.set(row.conversationId, (removed.get(row.conversationId) ?? 0) + 1)
  }
  await db.messages.bulkDelete([...found])
  for (const [conversationId, n] of removed) await adjust(db, conversationId, -n)
  return found
}

/** Deletes every row of a conversation and its stored count. Call inside a rw transaction on `messages` and `kv`. */
export async function deleteLegacyConversation(db: SpaceDb, conversationId: string): Promise<void> {
  await rangeOf(db, conversationId).delete()
  await db.kv.delete(countKey(conversationId))
}

/** How many rows a conversation has in the first read model: its stored count, or a count of its index. */
export async function legacyCount(db: SpaceDb, conversationId: string): Promise<number> {
  const row = await db.kv.get(countKey(conversationId))
  const stored = Count.safeParse(row?.value)
  return stored.success ? stored.data : rangeOf(db, conversationId).count()
}

/** Whether a conversation still has rows of the first read model (it is not converted yet). */
export async function hasLegacyRows(db: SpaceDb, conversationId: string): Promise<boolean> {
  return (await rangeOf(db, conversationId).limit(1).primaryKeys()).length > 0
}

/** Rows `offset` to `offset + limit` of a conversation in the first read model, in read order. */
export async function readLegacyRange(
  db: SpaceDb,
  conversationId: string,
  offset: number,
  limit: number,
): Promise<MessageRow[]> {
  // Skipping rows walks the index one by one (about 1.5 s for 100k in Chromium), so a range in
  // the newer half is read backwards from the end, where a conversation opens.
  const total = await legacyCount(db, conversationId)
  const upTo = Math.min(total, offset + limit)
  if (offset <= total / 2 || upTo <= offset)
    return rangeOf(db, conversationId).offset(offset).limit(limit).toArray()
  const rows = await rangeOf(db, conversationId)
    .reverse()
    .offset(total - upTo)
    .limit(upTo - offset)
    .toArray()
  return rows.reverse()
}

/**
 * Where a message sits in its conversation: its index in the order `page()` reads (by time, then id),
 * found with two index counts instead of reading the messages before it.
 */
export async function legacyIndex(db: SpaceDb, row: MessageRow): Promise<number> {
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
