import type { SpaceDb } from '../db/space-db'
import { countKey, rangeOf } from './legacy-messages'
import { putPagedRows } from './message-pages'
import { messageTables } from './message-store'

/**
 * Moves every conversation a space still keeps one row per message (written before pages) into
 * pages, in the background after the space opened. Each conversation moves in one strict
 * transaction: its rows are read, written as pages with the same records and the highest `seq`
 * among them (so the search index does not read them again), and deleted. A kill at any moment
 * leaves each conversation either all in rows or all in pages, and the next start goes on with
 * what is left. Reads and writes meanwhile use whichever layout a conversation has.
 * Resolves with how many conversations it converted.
 */
export async function convertLegacyMessages(
  db: SpaceDb,
  onConverted: (conversationId: string, messages: number) => void = () => undefined,
): Promise<number> {
  let converted = 0
  for (;;) {
    const next = await db.messages.limit(1).first()
    if (!next) return converted
    const conversationId = next.conversationId
    const moved = await db.transaction('rw', messageTables(db), async () => {
      const rows = await rangeOf(db, conversationId).toArray()
      if (rows.length === 0) return 0
      await putPagedRows(db, conversationId, rows)
      await db.messages.bulkDelete(rows.map((r) => r.id))
      await db.kv.delete(countKey(conversationId))
      return rows.length
    })
    converted++
    onConverted(conversationId, moved)
  }
}
