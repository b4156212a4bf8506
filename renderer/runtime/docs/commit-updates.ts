import type { KvRow, MemoryRow, MessageRow, QuarantineRow, SpaceDb } from '../db/space-db'
import {
  deleteMessageRows,
  messageTables,
  putMessageRows,
  putNewConversationRows,
} from './message-store'
import { appendAll } from '../../../shared/append-all'

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
 * How a commit may write. `newDocuments`: the database holds nothing yet of the documents written
 * (a new space being imported), so their messages' pages are laid out without reading any, and
 * every table gets one bulk write for the whole commit.
 */
export interface CommitOptions {
  newDocuments?: boolean
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
  { newDocuments = false }: CommitOptions = {},
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
    if (newDocuments) appendAll(seqs, await writeNewDocuments(db, writes, at))
    else for (const write of writes) seqs.push(await writeDocument(db, write, at))
    await writeExtras(db, extras)
  })
  return seqs
}

async function writeDocument(db: SpaceDb, write: DocWrite, at: string): Promise<number> {
  const seq = await db.updates.add({ docId: write.docId, update: write.update, at })
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
  return seq
}

/** Writes documents new to `db` (see `CommitOptions`); resolves to their `seq`s. */
async function writeNewDocuments(
  db: SpaceDb,
  writes: readonly DocWrite[],
  at: string,
): Promise<number[]> {
  const seqs = await db.updates.bulkAdd(
    writes.map((w) => ({ docId: w.docId, update: w.update, at })),
    { allKeys: true },
  )
  const messages: MessageRow[] = []
  const memory: MemoryRow[] = []
  // Each conversation's pages carry the highest seq of the writes with its messages: the rows are
  // not copied to be stamped one by one (100,000 copies for a large import).
  const conversationSeqs = new Map<string, number>()
  writes.forEach((write, i) => {
    const seq = seqs[i] ?? 0
    for (const m of write.rows.messages) {
      messages.push(m)
      conversationSeqs.set(
        m.conversationId,
        Math.max(conversationSeqs.get(m.conversationId) ?? 0, seq),
      )
    }
    appendAll(memory, write.rows.memoryPut)
  })
  if (messages.length > 0) await putNewConversationRows(db, messages, conversationSeqs)
  if (memory.length > 0) await db.memory.bulkPut(memory)
  // A state applied to an empty document can still carry deletions of what it added itself.
  const deleted = writes.flatMap((w) => w.rows.messagesDeleted.map((m) => m.id))
  if (deleted.length > 0) await deleteMessageRows(db, deleted)
  const forgotten = writes.flatMap((w) => w.rows.memoryDelete)
  if (forgotten.length > 0) await db.memory.bulkDelete(forgotten)
  return seqs
}

async function writeExtras(db: SpaceDb, extras: CommitExtras): Promise<void> {
  for (const row of extras.quarantine) {
    const seen = await db.quarantine
      .where('[origin+recordId]')
      .equals([row.origin, row.recordId])
      .count()
    if (seen === 0) await db.quarantine.add(row)
  }
  if (extras.kv.length > 0) await db.kv.bulkPut(extras.kv)
}
