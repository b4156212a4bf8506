import type { PagedMessage, SpaceDb } from '../db/space-db'
import { pageMessages, readDir } from './message-pages'
import { messageTables } from './message-store'
import { storedPosition, type StoredPosition } from './stored-rows'

/**
 * Every message of a conversation stored in pages, in read order, read in one transaction with the
 * stored position of its document: what a sealed sync item sends beside the state taken at
 * `position`. Null when the document is no longer at `position` (something was stored since) or
 * the conversation is not in pages (an older build's rows, converted in the background).
 */
export async function readWholeConversation(
  db: SpaceDb,
  docId: string,
  conversationId: string,
  position: StoredPosition,
): Promise<PagedMessage[] | null> {
  return db.transaction('r', [db.updates, db.snapshots, ...messageTables(db)], async () => {
    const now = await storedPosition(db, docId)
    if (now.seq !== position.seq || now.snapshotAt !== position.snapshotAt) return null
    const dir = await readDir(db, conversationId)
    if (!dir) return null
    const pages = await db.messagePages.bulkGet(dir.pages.map((p) => [conversationId, p.no]))
    return pages.flatMap((page) => pageMessages(page))
  })
}
