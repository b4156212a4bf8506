import { ok, type Result } from '../../../shared/errors'
import { openItem } from './envelope'
import { describe, type EngineContext } from './engine-context'
import type { LocalChanges } from './local-changes'
import { decodeSealed, isSealed, type SealedParts } from './sealed-item'

/** Applies items from other devices to their documents. */
export interface IncomingItems {
  /** Marks an envelope item as to be applied. */
  want(itemId: string): void
  /** Whether any item is waiting to be applied. */
  waiting(): boolean
  /**
   * Applies every waiting item; `afterDoc` runs once per document that changed, with `unheard` set
   * when other code changed it while an item applied (see LocalChanges.receive): compare and send.
   */
  apply(afterDoc: (docId: string, unheard: boolean) => Promise<void>): Promise<void>
}

const docIdIn = (raw: unknown): string | null =>
  typeof raw === 'object' && raw !== null && 'docId' in raw && typeof raw.docId === 'string'
    ? raw.docId
    : null

/**
 * Creates the applier of incoming items. Each item is decrypted, validated and applied with
 * SYNC_ORIGIN; an item that cannot be read is reported once and not retried, while a document that
 * fails to load locally is retried on the next sync.
 * @example const incoming = createIncomingItems(ctx, local); incoming.want(id); await incoming.apply(compact)
 */
export function createIncomingItems(ctx: EngineContext, local: LocalChanges): IncomingItems {
  const toApply = new Set<string>()
  return {
    want: (itemId) => void toApply.add(itemId),
    waiting: () => toApply.size > 0,
    async apply(afterDoc) {
      const { keys } = ctx.state
      if (keys === null) return
      const { ledger, problems } = ctx
      // Sealed items first: one is stored without decoding only while its document is not loaded,
      // and an update of the same document applied before it would load it (the order of Yjs
      // updates does not change what they merge to).
      const batch = [...toApply].sort(
        (x, y) => Number(isSealed(ctx.items.get(y))) - Number(isSealed(ctx.items.get(x))),
      )
      toApply.clear()
      const touched = new Map<string, boolean>()
      for (const itemId of batch) {
        const raw = ctx.items.get(itemId)
        if (raw === undefined || ledger.has(itemId) || ledger.isUnreadable(itemId)) continue
        const opened = await openItem(keys.itemKey, ctx.settings.spaceId, itemId, raw)
        if (!opened.ok) {
          ledger.markUnreadable(itemId)
          problems.report(itemId, docIdIn(raw), opened.error)
          continue
        }
        const { item } = opened.value
        let plaintext = opened.value.plaintext
        if (item.kind === 'sealed') {
          const parts = await decodeSealed(plaintext, `items.${itemId}`)
          if (!parts.ok) {
            ledger.markUnreadable(itemId)
            problems.report(itemId, item.docId, parts.error)
            continue
          }
          const stored = await storeSealed(ctx, local, itemId, item.docId, parts.value)
          // A local storage failure may pass; the item is retried on the next sync.
          if (!stored.ok) {
            problems.report(itemId, item.docId, stored.error)
            continue
          }
          if (stored.value) {
            problems.clear(itemId)
            ledger.remember(itemId, item.docId)
            touched.set(item.docId, touched.get(item.docId) === true)
            continue
          }
          plaintext = parts.value.state
        }
        const doc = await local.docFor(item.docId)
        // A local load failure may pass; the item is retried on the next sync.
        if (!doc.ok) {
          problems.report(itemId, item.docId, doc.error)
          continue
        }
        let unheard: boolean
        try {
          unheard = local.receive(item.docId, doc.value, plaintext, itemId)
        } catch (e) {
          ledger.markUnreadable(itemId)
          const message = `the item is not a valid document update: ${describe(e)}`
          problems.report(itemId, item.docId, {
            code: 'validation',
            message,
            path: `items.${itemId}`,
          })
          continue
        }
        problems.clear(itemId)
        ledger.remember(itemId, item.docId)
        touched.set(item.docId, unheard || touched.get(item.docId) === true)
      }
      for (const [docId, unheard] of touched) await afterDoc(docId, unheard)
      ctx.emit()
    },
  }
}

/**
 * Stores a `sealed` item through the target as it is, when the target can and this device has not
 * loaded the document; true once stored, false when its state is to be applied as any update.
 */
async function storeSealed(
  ctx: EngineContext,
  local: LocalChanges,
  itemId: string,
  docId: string,
  parts: SealedParts,
): Promise<Result<boolean>> {
  const { receiveSealed } = ctx.options.target
  if (!receiveSealed || local.isAttached(docId)) return ok(false)
  const stored = await receiveSealed(docId, parts, itemId)
  if (stored.ok && stored.value) local.storedFromRelay(docId, itemId)
  return stored
}
