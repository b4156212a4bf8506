import * as Y from 'yjs'
import { encodeUpdate } from '../../../shared/docs'
import type { Message } from '../../../shared/schema/current'
import { emptyChanges, type DocWrite } from '../docs/commit-updates'
import type { Projector } from '../docs/persisted-doc'
import { answerOrder } from '../docs/answer-order'

/**
 * One document's share of an import: the Yjs update that brings it to the merged state and the
 * read-model rows that update implies, computed on a scratch copy so nothing live is touched. It
 * is stored by `commitUpdates`, the write path of every document change.
 */
export type DocPlan = DocWrite

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
    if (base) Y.applyUpdate(scratch, encodeUpdate(base))
    const before = Y.encodeStateVector(scratch)
    const rows = emptyChanges()
    projector(scratch, () => rows)
    change(scratch)
    // No new items: nothing to store (the state vector moves with every item added).
    if (sameBytes(before, Y.encodeStateVector(scratch))) return null
    return { docId, update: encodeUpdate(scratch, before), rows }
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
  const times = new Map(messages.map((m) => [m.id, m.createdAt]))
  return {
    docId,
    update: state,
    rows: {
      ...emptyChanges(),
      messages: messages.map((m) => ({
        id: m.id,
        conversationId,
        createdAt: answerOrder(
          m.replyTo === null ? null : (times.get(m.replyTo) ?? null),
          m.createdAt,
        ),
        record: m,
      })),
    },
  }
}
