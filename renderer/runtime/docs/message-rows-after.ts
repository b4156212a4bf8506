import type { MessageRow, SpaceDb } from '../db/space-db'

/**
 * A position in the read model's change order: every message row written by an update with a
 * sequence number at or below `seq` has been read. 0 is before everything.
 */
export type RowCursor = number

/** Rows read after a cursor, and the cursor that covers them. */
export interface RowsAfter {
  rows: MessageRow[]
  cursor: RowCursor
}

/**
 * The message rows written after `cursor`, in change order, in whole updates: rows share the
 * `seq` of the update that wrote them (an import writes a whole conversation under one), so a page
 * that would end inside an update takes the rest of that update too. Moving a cursor to the
 * returned `cursor` therefore never skips a row. Returns about `limit` rows (more when one update
 * holds more), none when nothing was written after `cursor`. The only reader of rows by change
 * order: the search index's catch-up.
 */
export async function messageRowsAfter(
  db: SpaceDb,
  cursor: RowCursor,
  limit: number,
): Promise<RowsAfter> {
  return db.transaction('r', db.messages, async () => {
    const page = await db.messages.where('seq').above(cursor).limit(limit).toArray()
    const last = page.at(-1)?.seq
    if (last === undefined) return { rows: [], cursor }
    if (page.length < limit) return { rows: page, cursor: last }
    // The page may end inside the last update's rows: take that update whole.
    const whole = page.filter((row) => row.seq !== last)
    const rest = await db.messages.where('seq').equals(last).toArray()
    return { rows: whole.concat(rest), cursor: last }
  })
}

/** How many message rows the read model holds; what a complete search index must account for. */
export function messageRowCount(db: SpaceDb): Promise<number> {
  return db.messages.count()
}
