import * as Y from 'yjs'
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
  /**
   * Applies item `itemId`'s update to an attached document, through the target's `receive` when it
   * has one, with this listener off (it skips SYNC_ORIGIN anyway, and Yjs encodes a change again
   * only while someone listens). Returns whether other code changed the document meanwhile (an
   * observer), which the listener then missed. Throws what `Y.applyUpdate` throws.
   */
  receive(docId: string, doc: Y.Doc, update: Uint8Array, itemId: string): boolean
  /**
   * The items a document was built from, if it was empty before the first of them arrived and has
   * had no local edit since; else null. While those items are all on the relay, the relay holds
   * everything the document does.
   */
  onlyFromRelay(docId: string): ReadonlySet<string> | null
  /**
   * Notes that a document this device held nothing of was stored from item `itemId` alone, without
   * being loaded (a `sealed` item): it counts as built only from the relay, as `onlyFromRelay` says,
   * until an edit of it is heard.
   */
  storedFromRelay(docId: string, itemId: string): void
  /** Whether a loaded copy of the document is attached. */
  isAttached(docId: string): boolean
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
  const attached = new Map<string, { doc: Y.Doc; on(): void; off(): void }>()
  const pending = new Map<string, Uint8Array[]>()
  /** See `onlyFromRelay`: docId → the items applied to it. */
  const fromRelay = new Map<string, Set<string>>()

  const listen = (docId: string, doc: Y.Doc): void => {
    const current = attached.get(docId)
    if (current?.doc === doc) return
    current?.off()
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === SYNC_ORIGIN) return
      fromRelay.delete(docId)
      const list = pending.get(docId)
      if (list) list.push(update)
      else pending.set(docId, [update])
      onEdit()
      ctx.emit()
    }
    doc.on('update', onUpdate)
    attached.set(docId, {
      doc,
      on: () => doc.on('update', onUpdate),
      off: () => doc.off('update', onUpdate),
    })
  }

  const receive = (docId: string, doc: Y.Doc, update: Uint8Array, itemId: string): boolean => {
    const { store } = doc
    const empty =
      store.clients.size === 0 && store.pendingStructs === null && store.pendingDs === null
    if (empty && !pending.has(docId)) fromRelay.set(docId, new Set())
    const entry = attached.get(docId)
    let unheard = false
    const watch = (transaction: Y.Transaction): void => {
      if (transaction.origin !== SYNC_ORIGIN) unheard = true
    }
    entry?.off()
    doc.on('afterTransaction', watch)
    try {
      const { receive: targetReceive } = ctx.options.target
      if (targetReceive) targetReceive(doc, update)
      else Y.applyUpdate(doc, update, SYNC_ORIGIN)
    } catch (e) {
      fromRelay.delete(docId)
      throw e
    } finally {
      doc.off('afterTransaction', watch)
      entry?.on()
    }
    if (unheard) fromRelay.delete(docId)
    else fromRelay.get(docId)?.add(itemId)
    return unheard
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
    receive,
    storedFromRelay(docId, itemId) {
      if (pending.has(docId)) return
      const items = fromRelay.get(docId)
      if (items) items.add(itemId)
      else fromRelay.set(docId, new Set([itemId]))
    },
    isAttached: (docId) => attached.has(docId),
    onlyFromRelay: (docId) => {
      const items = fromRelay.get(docId)
      return items && items.size > 0 ? items : null
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
