import { Dexie } from 'dexie'
import { conversationDocId, segmentPrefix } from '../../../shared/docs'
import type { SpaceDb } from '../db/space-db'
import type { DeletedMessage } from '../docs/commit-updates'
import { deleteConversationMessages } from '../docs/message-store'

/** Shorter texts ("ok", "thanks") are too common to tell one message's copy from other words. */
const MIN_TEXT_CHARS = 4

/** A text as it appears inside a JSON-encoded record (quotes and newlines escaped). */
const asJson = (text: string): string => JSON.stringify(text).slice(1, -1)

/**
 * Removes what the side tables keep of messages deleted for good: the recorded context of their
 * replies and of any reply whose prompt quoted them ("What the assistant saw"), and their
 * quarantine rows. The read model's rows went in the commit that deleted them.
 */
export async function forgetMessages(
  db: SpaceDb,
  conversationId: string,
  deleted: readonly DeletedMessage[],
): Promise<void> {
  const ids = deleted.map((m) => m.id)
  const texts = deleted.map((m) => m.text.trim()).filter((t) => t.length >= MIN_TEXT_CHARS)
  const origin = conversationDocId(conversationId)
  await db.transaction('rw', db.turns, db.quarantine, async () => {
    await db.turns.bulkDelete(ids)
    if (texts.length > 0) {
      const quoted = texts.map(asJson)
      const stale: string[] = []
      await db.turns.each((row) => {
        const json = JSON.stringify(row.record)
        if (quoted.some((t) => json.includes(t))) stale.push(row.replyId)
      })
      await db.turns.bulkDelete(stale)
    }
    for (const id of ids)
      await db.quarantine.where('[origin+recordId]').equals([origin, id]).delete()
  })
}

/**
 * Removes everything the side tables keep of a conversation deleted for good: its message rows and
 * count, the recorded context of its replies, and its quarantine rows (its entry's and its messages').
 */
export async function forgetConversation(db: SpaceDb, conversationId: string): Promise<void> {
  await deleteConversationMessages(db, conversationId)
  const origin = conversationDocId(conversationId)
  await db.transaction('rw', db.turns, db.quarantine, async () => {
    await db.turns.where('conversationId').equals(conversationId).delete()
    await db.quarantine
      .where('[origin+recordId]')
      .between([origin, Dexie.minKey], [origin, Dexie.maxKey])
      .delete()
    await db.quarantine
      .where('[origin+recordId]')
      .equals(['conversations', conversationId])
      .delete()
    await db.quarantine.where('[origin+recordId]').equals(['meta', origin]).delete()
    // Its segments' metas, and anything quarantined from a segment document.
    const segments = segmentPrefix(conversationId)
    await db.quarantine
      .where('[origin+recordId]')
      .between(['meta', segments], ['meta', segments + '\uffff'])
      .delete()
    await db.quarantine
      .where('[origin+recordId]')
      .between([segments, Dexie.minKey], [segments + '\uffff', Dexie.maxKey])
      .delete()
  })
}
