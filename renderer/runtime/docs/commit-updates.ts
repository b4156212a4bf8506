import type { KvRow, MemoryRow, MessageRow, QuarantineRow, SpaceDb } from '../db/space-db'
import { deleteMessageRows, messageTables, putMessageRows } from './message-store'

/** What one stored update changes in the read models beside the update log. */
export interface RowChanges {
  messages: MessageRow[]
  /** Messages deleted from the conversation (deleted for good); their rows go. */
  messagesDeleted: DeletedMessage[]
  memoryPut: MemoryRow[]
  memoryDelete: string[]
  /** Ids of conversation entries (in the space document's list) that were set or removed. */
  conversations: string[]
}

export const emptyChanges = (): RowChanges => ({
  messages: [],
  messagesDeleted: [],
  memoryPut: [],
  memoryDelete: [],
  conversations: [],
})

/** A message deleted for good: its id, and its text so every other copy of it can be found. */
export interface DeletedMessage {
  id: string
  text: string
}

/** One document's update and the read-model rows it implies. */
export interface DocWrite {
  docId: string
  update: Uint8Array
  rows: RowChanges
}

/** Extra rows written in the same transaction as the documents (an import's quarantine and kv rows). */
export interface CommitExtras {
  quarantine: Omit<QuarantineRow, 'id'>[]
  kv: KvRow[]
}

/**
 * The one write path of every document change, local, synced or imported: each update row is
 * appended with its read-model rows stamped with its `seq`, all in one strict Dexie transaction.
 * Resolves once that transaction has completed (is durable), to the `seq` each write was stored
 * under (in the order of `writes`); rejects and stores nothing otherwise.
 */
export async function commitUpdates(
  db: SpaceDb,
  writes: readonly DocWrite[],
  extras: CommitExtras = { quarantine: [], kv: [] },
): Promise<number[]> {
  const withMessages = writes.some(
    (w) => w.rows.messages.length > 0 || w.rows.messagesDeleted.length > 0,
  )
  // A write without messages leaves the message tables (and `kv`, where unconverted conversations
  // keep their counts) out of its scope, so it never waits behind an unrelated write.
  const scope = [
    db.updates,
    db.memory,
    ...(withMessages ? messageTables(db) : []),
    ...(extras.kv.length > 0 && !withMessages ? [db.kv] : []),
    ...(extras.quarantine.length > 0 ? [db.quarantine] : []),
  ]
  const at = new Date().toISOString()
  const seqs: number[] = []
  await db.transaction('rw', scope, async () => {
    for (const write of writes) {
      const seq = await db.updates.add({ docId: write.docId, update: write.update, at })
      seqs.push(seq)
      const { messages, messagesDeleted, memoryPut, memoryDelete } = write.rows
      if (messages.length > 0)
        await putMessageRows(
          db,
          messages.map((m) => ({ ...m, seq })),
        )
      if (messagesDeleted.length > 0)
        await deleteMessageRows(
          db,
          messagesDeleted.map((m) => m.id),
        )
      if (memoryPut.length > 0) await db.memory.bulkPut(memoryPut)
      if (memoryDelete.length > 0) await db.memory.bulkDelete(memoryDelete)
    }
    for (const row of extras.quarantine) {
      const seen = await db.quarantine
        .where('[origin+recordId]')
        .equals([row.origin, row.recordId])
        .count()
      if (seen === 0) await db.quarantine.add(row)
    }
    if (extras.kv.length > 0) await db.kv.bulkPut(extras.kv)
  })
  return seqs
}
