import { Dexie } from 'dexie'
import type { MessagePageRow, MessageRow, PageDirRow, SpaceDb } from '../db/space-db'
import {
  deleteLegacyConversation,
  deleteLegacyRows,
  hasLegacyRows,
  legacyCount,
  legacyIndex,
  putLegacyRows,
  readLegacyRange,
} from './legacy-messages'
import {
  deletePagedMessage,
  foldSmallPages,
  newConversationPages,
  pageMessages,
  pageOf,
  pagedIndex,
  putPagedRows,
  putPagesAfter,
  readDir,
  readPagedRange,
} from './message-pages'
import { appendAll } from '../../../shared/append-all'

/**
 * The messages read model, whichever way a conversation is stored: in pages (every conversation
 * written by this build), or still one row per message (a space from an older build, until
 * `convertLegacyMessages` has moved that conversation). Everything outside `docs/` reads and writes
 * messages through here.
 */

/** A stored message as the read model gives it back: its record is not yet validated. */
export interface StoredMessage {
  id: string
  conversationId: string
  record: unknown
}

export { foldSmallPages }

/** The tables a write of messages touches. */
export const messageTables = (db: SpaceDb) => [db.messages, db.messagePages, db.pageDirs, db.kv]

/**
 * Writes message rows (each stamped with the `seq` of the update that brought it); a message
 * already stored (by id) is replaced. Call inside a rw transaction on `messageTables`.
 */
export async function putMessageRows(db: SpaceDb, rows: readonly MessageRow[]): Promise<void> {
  for (const [conversationId, list] of byConversation(rows)) {
    const dir = await readDir(db, conversationId)
    // A conversation not converted yet keeps its one-row-per-message layout until it is.
    if (dir === undefined && (await hasLegacyRows(db, conversationId)))
      await putLegacyRows(db, list)
    else await putPagedRows(db, conversationId, list, dir)
  }
}

/**
 * Writes the rows of conversations new to `db` (a new space being imported): their pages and
 * directories are laid out in memory, nothing but the directories is read, and each table gets one
 * bulk write for all of them. A conversation whose earlier documents an earlier transaction of the
 * same import stored (a long conversation's own document before its segments) already has a
 * directory: its rows go in new pages after its last (`putPagesAfter`), or are placed among them when
 * they do not all come after it. Call inside a rw transaction on `messageTables`. `seqs`, when given,
 * is each conversation's `seq` (the rows' own are then not read): an import's rows are not copied to
 * be stamped.
 */
export async function putNewConversationRows(
  db: SpaceDb,
  rows: readonly MessageRow[],
  seqs?: ReadonlyMap<string, number>,
): Promise<void> {
  const grouped = byConversation(rows)
  const stored = await db.pageDirs.bulkGet([...grouped.keys()])
  const pages: MessagePageRow[] = []
  const dirs: PageDirRow[] = []
  let i = 0
  for (const [conversationId, list] of grouped) {
    const dir = stored[i++]
    const seq = seqs?.get(conversationId)
    if (dir !== undefined) {
      if (!(await putPagesAfter(db, list, dir, seq)))
        await putPagedRows(db, conversationId, seq === undefined ? list : stamp(list, seq), dir)
      continue
    }
    const laid = newConversationPages(conversationId, list, seq)
    appendAll(pages, laid.pages)
    dirs.push(laid.dir)
  }
  if (pages.length > 0) await db.messagePages.bulkPut(pages)
  if (dirs.length > 0) await db.pageDirs.bulkPut(dirs)
}

const stamp = (rows: readonly MessageRow[], seq: number): MessageRow[] =>
  rows.map((row) => ({ ...row, seq }))

/** Deletes stored messages by id (deleted for good). Call inside a rw transaction on `messageTables`. */
export async function deleteMessageRows(db: SpaceDb, ids: readonly string[]): Promise<void> {
  const legacy = await deleteLegacyRows(db, ids)
  for (const id of ids) if (!legacy.has(id)) await deletePagedMessage(db, id)
}

function byConversation(rows: readonly MessageRow[]): Map<string, MessageRow[]> {
  const grouped = new Map<string, MessageRow[]>()
  for (const row of rows) {
    const list = grouped.get(row.conversationId)
    if (list) list.push(row)
    else grouped.set(row.conversationId, [row])
  }
  return grouped
}

/** Deletes one stored message (a quarantined record the person discarded). */
export async function deleteMessage(db: SpaceDb, id: string): Promise<void> {
  await db.transaction('rw', messageTables(db), async () => {
    await deleteMessageRows(db, [id])
  })
}

/** Deletes every stored message of a conversation, its pages, directory and count (deleted for good). */
export async function deleteConversationMessages(
  db: SpaceDb,
  conversationId: string,
): Promise<void> {
  await db.transaction('rw', messageTables(db), async () => {
    await deleteLegacyConversation(db, conversationId)
    await db.messagePages
      .where('[conversationId+no]')
      .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
      .delete()
    await db.pageDirs.delete(conversationId)
  })
}

/** Whether anything of a conversation's messages is still stored (pages, a directory or old rows). */
export async function hasStoredMessages(db: SpaceDb, conversationId: string): Promise<boolean> {
  return db.transaction('r', messageTables(db), async () => {
    if ((await db.pageDirs.get(conversationId)) !== undefined) return true
    const pages = await db.messagePages
      .where('[conversationId+no]')
      .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
      .count()
    return pages > 0 || (await hasLegacyRows(db, conversationId))
  })
}

/** How many messages a conversation has: its directory's total, never a scan of its history. */
export async function messageCount(db: SpaceDb, conversationId: string): Promise<number> {
  return (await messageCounts(db, [conversationId]))[0] ?? 0
}

/** Counts of several conversations, reading their directories in one go. */
export async function messageCounts(db: SpaceDb, conversationIds: string[]): Promise<number[]> {
  return db.transaction('r', messageTables(db), async () => {
    const dirs = await db.pageDirs.bulkGet(conversationIds)
    return Promise.all(
      conversationIds.map((id, i) => {
        const dir = dirs[i]
        return dir ? dir.total : legacyCount(db, id)
      }),
    )
  })
}

/** Messages `offset` to `offset + limit` of a conversation, oldest first. */
export async function readMessages(
  db: SpaceDb,
  conversationId: string,
  offset: number,
  limit: number,
): Promise<StoredMessage[]> {
  return db.transaction('r', messageTables(db), async () => {
    const dir = await readDir(db, conversationId)
    const stored = dir
      ? await readPagedRange(db, dir, Math.max(0, offset), limit)
      : await readLegacyRange(db, conversationId, offset, limit)
    return stored.map((m) => ({ id: m.id, conversationId, record: m.record }))
  })
}

/** The last `limit` messages of a conversation, oldest first. */
export async function recentMessages(
  db: SpaceDb,
  conversationId: string,
  limit: number,
): Promise<StoredMessage[]> {
  return db.transaction('r', messageTables(db), async () => {
    const dir = await readDir(db, conversationId)
    const total = dir ? dir.total : await legacyCount(db, conversationId)
    const from = Math.max(0, total - limit)
    const stored = dir
      ? await readPagedRange(db, dir, from, limit)
      : await readLegacyRange(db, conversationId, from, limit)
    return stored.map((m) => ({ id: m.id, conversationId, record: m.record }))
  })
}

/** A message by id, with its conversation and its index there; null when this device does not have it. */
export async function locateMessage(
  db: SpaceDb,
  id: string,
): Promise<(StoredMessage & { offset: number }) | null> {
  return db.transaction('r', messageTables(db), async () => {
    const page = await pageOf(db, id)
    if (page) {
      const dir = await readDir(db, page.conversationId)
      const message = pageMessages(page).find((m) => m.id === id)
      if (dir && message)
        return {
          id,
          conversationId: page.conversationId,
          record: message.record,
          offset: pagedIndex(dir, page, id),
        }
    }
    const row = await db.messages.get(id)
    if (!row) return null
    return {
      id,
      conversationId: row.conversationId,
      record: row.record,
      offset: await legacyIndex(db, row),
    }
  })
}
