import type * as Y from 'yjs'
import { ok, type Result } from '../../../shared/errors'
import type { EngineContext } from './engine-context'
import { SYNC_ORIGIN } from './sync-origin'

/**
 * The documents a sync listens to and the local edits made in them that are not yet sent. Every
 * update of an attached document that does not come from sync itself is an edit to send.
 */
export interface LocalChanges {
  /** Listens to a document's updates (replacing an earlier copy of the same id). */
  listen(docId: string, doc: Y.Doc): void
  /** The attached copy of a document, else the target's, which is then listened to. */
  docFor(docId: string): Promise<Result<Y.Doc>>
  /** The edits waiting to be sent, per document, merged in order; the list is emptied. */
  take(): [docId: string, updates: Uint8Array[]][]
  /** How many documents have edits waiting. */
  waiting(): number
  attachedIds(): string[]
  /** Stops listening to every document. */
  detachAll(): void
}

/**
 * Creates the listener of local edits; `onEdit` runs after each edit is queued (to schedule a send).
 * @example const local = createLocalChanges(ctx, scheduleFlush); local.listen('space', doc)
 */
export function createLocalChanges(ctx: EngineContext, onEdit: () => void): LocalChanges {
  const attached = new Map<string, { doc: Y.Doc; off(): void }>()
  const pending = new Map<string, Uint8Array[]>()

  const listen = (docId: string, doc: Y.Doc): void => {
    const current = attached.get(docId)
    if (current?.doc === doc) return
    current?.off()
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === SYNC_ORIGIN) return
      const list = pending.get(docId)
      if (list) list.push(update)
      else pending.set(docId, [update])
      onEdit()
      ctx.emit()
    }
    doc.on('update', onUpdate)
    attached.set(docId, { doc, off: () => doc.off('update', onUpdate) })
  }

  return {
    listen,
    async docFor(docId) {
      const current = attached.get(docId)
      if (current) return ok(current.doc)
      const loaded = await ctx.options.target.getDoc(docId)
      if (loaded.ok && ctx.state.phase === 'running') listen(docId, loaded.value)
      return loaded
    },
    take() {
      const batch = [...pending]
      pending.clear()
      return batch
    },
    waiting: () => pending.size,
    attachedIds: () => [...attached.keys()],
    detachAll() {
      for (const { off } of attached.values()) off()
      attached.clear()
    },
  }
}
