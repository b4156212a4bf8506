import * as Y from 'yjs'
import type { Message } from '../../../shared/schema/current'
import type { KvRow, QuarantineRow, SpaceDb } from '../db/space-db'
import { putMessageRows } from '../docs/message-counts'
import type { Projector, RowChanges } from '../docs/persisted-doc'

/**
 * One document's share of an import: the Yjs update that brings it to the merged state and the
 * read-model rows that update implies, computed on a scratch copy so nothing live is touched.
 */
export interface DocPlan {
  docId: string
  update: Uint8Array
  rows: RowChanges
}

/**
 * Runs `change` on a scratch copy of `base` (or an empty document) and returns what it added: the
 * update and the rows the document's projector derives from it. Null when nothing new was added,
 * so importing the same file twice writes nothing.
 */
export function planDoc(
  docId: string,
  base: Y.Doc | null,
  projector: Projector,
  change: (scratch: Y.Doc) => void,
): DocPlan | null {
  const scratch = new Y.Doc()
  try {
    if (base) Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base))
    const before = Y.encodeStateVector(scratch)
    const rows: RowChanges = { messages: [], memoryPut: [], memoryDelete: [] }
    projector(scratch, () => rows)
    change(scratch)
    // No new items: nothing to store (the state vector moves with every item added).
    if (sameBytes(before, Y.encodeStateVector(scratch))) return null
    return { docId, update: Y.encodeStateAsUpdate(scratch, before), rows }
  } finally {
    scratch.destroy()
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * A conversation's plan when its document here is empty and the file's state holds exactly its
 * messages (`LoadedSession.exactLogs`): the state is stored as it is and the read model comes
 * from the messages, so a 100k-message import decodes and re-encodes no document.
 */
export function adoptedPlan(
  docId: string,
  conversationId: string,
  state: Uint8Array,
  messages: readonly Message[],
): DocPlan {
  return {
    docId,
    update: state,
    rows: {
      messages: messages.map((m) => ({
        id: m.id,
        conversationId,
        createdAt: m.createdAt,
        record: m,
      })),
      memoryPut: [],
      memoryDelete: [],
    },
  }
}

/** Extra rows an import writes in the same transaction as its documents. */
export interface CommitExtras {
  quarantine: Omit<QuarantineRow, 'id'>[]
  kv: KvRow[]
}

/**
 * Writes every plan (and the extras) in one strict transaction, the way PersistedDoc writes one
 * update: the update row first, then its read-model rows stamped with its `seq`. Either all of an
 * import is stored or none of it is.
 */
export async function commitPlans(
  db: SpaceDb,
  plans: readonly DocPlan[],
  extras: CommitExtras,
): Promise<void> {
  const at = new Date().toISOString()
  await db.transaction(
    'rw',
    [db.updates, db.messages, db.memory, db.quarantine, db.kv],
    async () => {
      for (const plan of plans) {
        const seq = await db.updates.add({ docId: plan.docId, update: plan.update, at })
        const { messages, memoryPut, memoryDelete } = plan.rows
        if (messages.length > 0)
          await putMessageRows(
            db,
            messages.map((m) => ({ ...m, seq })),
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
    },
  )
}
