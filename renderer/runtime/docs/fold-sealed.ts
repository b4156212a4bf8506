import * as Y from 'yjs'
import type { MessageRow, PagedMessage } from '../db/space-db'
import { emptyChanges, type RowChanges } from './commit-updates'
import { comesBefore } from './page-layout'
import { projectMessages } from './projectors'

/** Origin of a scratch replay that is projected (not LOAD_ORIGIN: the projection must run). */
const FOLD_ORIGIN = 'keepsake:sealed-fold'

/**
 * The messages a conversation's stored or synced parts hold, as the projection every stored change
 * goes through gives them for a fresh replay (each with its id, order key and record), and with
 * `fold` the state they fold into; `reason` when a part does not replay.
 */
export function projectParts(
  conversationId: string,
  parts: readonly unknown[],
  fold = false,
):
  | { ok: true; messages: Map<string, MessageRow>; state: Uint8Array | null }
  | { ok: false; reason: string } {
  const scratch = new Y.Doc()
  const changes: RowChanges = emptyChanges()
  projectMessages(conversationId)(scratch, () => changes)
  try {
    scratch.transact(() => {
      for (const part of parts) {
        if (!(part instanceof Uint8Array)) throw new Error('a part is not bytes')
        Y.applyUpdate(scratch, part, FOLD_ORIGIN)
      }
    }, FOLD_ORIGIN)
    const messages = new Map<string, MessageRow>()
    for (const row of changes.messages) messages.set(row.id, row)
    for (const gone of changes.messagesDeleted) messages.delete(gone.id)
    return { ok: true, messages, state: fold ? Y.encodeStateAsUpdate(scratch) : null }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  } finally {
    scratch.destroy()
  }
}

/**
 * Folds a conversation's updates into one state together with the messages a device that holds
 * nothing of it would build from that state, in read order: what a compaction sends as one sealed
 * item. Null when an update does not replay (the compaction then folds as before).
 */
export function foldWithPages(
  conversationId: string,
  updates: readonly Uint8Array[],
): { state: Uint8Array; messages: PagedMessage[] } | null {
  const projected = projectParts(conversationId, updates, true)
  if (!projected.ok || projected.state === null) return null
  const messages = [...projected.messages.values()]
    .map((row) => ({ id: row.id, createdAt: row.createdAt, record: row.record }))
    .sort((a, b) => (comesBefore(a, b) ? -1 : 1))
  return { state: projected.state, messages }
}
