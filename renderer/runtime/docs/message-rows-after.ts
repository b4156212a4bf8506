import type { MessagePageRow, MessageRow, SpaceDb } from '../db/space-db'
import { pageMessages } from './message-pages'
import { appendAll } from '../../../shared/append-all'

/**
 * A position in the read model's change order: every message written by an update with a
 * sequence number at or below it has been read. 0 is before everything.
 */
export type RowCursor = number

/** Messages read after a cursor, and the cursor that covers them. */
export interface RowsAfter {
  rows: MessageRow[]
  cursor: RowCursor
}

/**
 * The messages read model in change order (the `seq` of the update that last wrote a row), for the
 * search index: pages and unconverted one-row-per-message rows alike. A page carries the `seq` of
 * its last write, so each of its messages is given that `seq`.
 */

const pageRows = (rows: readonly MessagePageRow[]): MessageRow[] =>
  rows.flatMap((page) =>
    pageMessages(page).map((m) => ({
      id: m.id,
      conversationId: page.conversationId,
      createdAt: m.createdAt,
      seq: page.seq,
      record: m.record,
    })),
  )

/** About the `limit` most recently written messages (whole pages), newest writes first. */
export async function recentlyWritten(db: SpaceDb, limit: number): Promise<MessageRow[]> {
  return db.transaction('r', db.messages, db.messagePages, async () => {
    const legacy = await db.messages.orderBy('seq').reverse().limit(limit).toArray()
    const pages: MessageRow[] = []
    await db.messagePages
      .orderBy('seq')
      .reverse()
      .until(() => pages.length >= limit)
      .each((page) => void appendAll(pages, pageRows([page])))
    return [...legacy, ...pages]
      .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
      .slice(0, Math.max(limit, 0))
  })
}

/**
 * The messages written after `cursor` (an update's `seq`), in change order, in whole updates: rows
 * and pages carry the `seq` of the update that last wrote them (an import writes a whole
 * conversation under one), so a read that would end inside an update takes the rest of that update
 * too. Moving a cursor to the returned `cursor` therefore never skips a message. Returns about
 * `limit` messages (more when one update wrote more), none when nothing was written after `cursor`.
 * The only reader of messages by change order: the search index's catch-up.
 */
export async function messageRowsAfter(
  db: SpaceDb,
  seq: RowCursor,
  limit: number,
): Promise<RowsAfter> {
  return db.transaction('r', db.messages, db.messagePages, async () => {
    const legacy = await wholeUpdates(
      await db.messages.where('seq').above(seq).limit(limit).toArray(),
      limit,
      (last) => db.messages.where('seq').equals(last).toArray(),
    )
    const pages: MessageRow[] = []
    await db.messagePages
      .where('seq')
      .above(seq)
      .until(() => pages.length >= limit)
      .each((page) => void appendAll(pages, pageRows([page])))
    const paged = await wholeUpdates(pages, limit, async (last) =>
      pageRows(await db.messagePages.where('seq').equals(last).toArray()),
    )
    // Each side is complete up to the `seq` it reached; together, up to the lower of the two.
    const reach = Math.min(legacy.reach, paged.reach)
    const rows = [...legacy.rows, ...paged.rows].filter((r) => (r.seq ?? 0) <= reach)
    let top = seq
    for (const r of rows) top = Math.max(top, r.seq ?? 0)
    return { rows, cursor: Number.isFinite(reach) ? reach : top }
  })
}

/**
 * Rows read in `seq` order, cut to whole updates: when the read may have stopped inside the last
 * update (as many rows as asked for), that update is read whole. `reach` is how far the rows are complete (Infinity
 * when the read ran out: everything written is in).
 */
async function wholeUpdates(
  rows: MessageRow[],
  limit: number,
  readUpdate: (seq: number) => Promise<MessageRow[]>,
): Promise<{ rows: MessageRow[]; reach: number }> {
  const last = rows.at(-1)?.seq
  if (last === undefined) return { rows, reach: Number.POSITIVE_INFINITY }
  if (rows.length < limit) return { rows, reach: Number.POSITIVE_INFINITY }
  const whole = rows.filter((r) => r.seq !== last)
  return { rows: [...whole, ...(await readUpdate(last))], reach: last }
}

/** How many messages the read model holds, in pages and in unconverted rows; what a complete search index must account for. */
export async function messageRowCount(db: SpaceDb): Promise<number> {
  return db.transaction('r', db.messages, db.pageDirs, async () => {
    let total = await db.messages.count()
    await db.pageDirs.each((dir) => {
      total += dir.total
    })
    return total
  })
}
