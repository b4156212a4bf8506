import { Dexie } from 'dexie'
import type { MessageRow, PagedMessage, SpaceDb } from '../db/space-db'
import { hasLegacyRows } from './legacy-messages'
import { newConversationPages, putPagedRows, putPagesAfter } from './message-pages'
import { messageTables } from './message-store'

/** A conversation stored from a sealed item whose pages are still to be checked against its state. */
export interface SealedCheckMark {
  conversationId: string
  /** Where the pages came from (the envelope item), named when they disagree. */
  source: string
}

const MARK_PREFIX = 'sealed-unchecked:'

/** The kv key of a conversation's mark. */
export const sealedMarkKey = (conversationId: string): string => `${MARK_PREFIX}${conversationId}`

/** The marks still waiting for their check, oldest first. */
export async function sealedMarks(db: SpaceDb): Promise<SealedCheckMark[]> {
  const rows = await db.kv.where('key').startsWith(MARK_PREFIX).toArray()
  return rows.flatMap((row) => {
    const source =
      typeof row.value === 'object' &&
      row.value !== null &&
      'source' in row.value &&
      typeof row.value.source === 'string'
        ? row.value.source
        : 'an unknown item'
    return [{ conversationId: row.key.slice(MARK_PREFIX.length), source }]
  })
}

/**
 * Stores one document of a conversation that arrived whole from another device (a `sealed` sync
 * item: the conversation's own document or one of its segments) when this database holds nothing
 * of that document: its Yjs state as one update row, as the bytes arrived (never decoded here), and
 * its messages in the conversation's pages stamped with that row's `seq` (laid out anew when the
 * conversation has none yet, placed among its other documents' otherwise), with a mark that its
 * pages are to be checked against the states later (`checkSealed`). One strict transaction, so a
 * kill leaves either all of it or none. Resolves to the row's `seq`, or null, storing nothing, when
 * anything of the document is stored already or the conversation is still in an older build's rows.
 */
export async function commitSealed(
  db: SpaceDb,
  docId: string,
  conversationId: string,
  state: Uint8Array,
  messages: readonly PagedMessage[],
  source: string,
): Promise<number | null> {
  return db.transaction('rw', [db.updates, db.snapshots, ...messageTables(db)], async () => {
    const [snapshot, rows, dir, legacy] = await Promise.all([
      db.snapshots.get(docId),
      db.updates.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).count(),
      db.pageDirs.get(conversationId),
      hasLegacyRows(db, conversationId),
    ])
    if (snapshot !== undefined || rows > 0 || legacy) return null
    const pages =
      dir === undefined
        ? await db.messagePages
            .where('[conversationId+no]')
            .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
            .count()
        : 0
    // Pages without their directory are damaged: nothing is placed among them.
    if (pages > 0) return null
    const at = new Date().toISOString()
    const seq = await db.updates.add({ docId, update: state, at })
    const stamped: MessageRow[] = messages.map((m) => ({
      id: m.id,
      conversationId,
      createdAt: m.createdAt,
      seq,
      record: m.record,
    }))
    if (dir === undefined || dir.total === 0) {
      const laid = newConversationPages(conversationId, stamped)
      if (laid.pages.length > 0) await db.messagePages.bulkPut(laid.pages)
      await db.pageDirs.put(laid.dir)
    } else if (!(await putPagesAfter(db, stamped, dir)))
      await putPagedRows(db, conversationId, stamped, dir)
    await db.kv.put({ key: sealedMarkKey(conversationId), value: { source, at } })
    return seq
  })
}
