import type { DeviceRoster } from './device-roster'
import { foldUpdates } from './doc-delta'
import { openItem } from './envelope'
import type { EngineContext } from './engine-context'
import { updateOf } from './item-update'
import type { OutgoingItems } from './outgoing-items'
import { encodeSealed } from './sealed-item'

/**
 * Returns the compaction of one document: once it has more than `compactAfterItems` items in the
 * envelope, they are folded into one item that replaces them: a `sealed` item with the document's
 * pages when the target can make one and every device reads them (a conversation), else a snapshot. Only while synced, so the
 * items seen are the relay's.
 * @example const compact = createCompaction(ctx, outgoing, roster); await compact('space')
 */
export function createCompaction(
  ctx: EngineContext,
  outgoing: OutgoingItems,
  roster: DeviceRoster,
): (docId: string) => Promise<void> {
  return async (docId) => {
    const { keys } = ctx.state
    if (keys === null || !ctx.state.synced) return
    const ids = ctx.ledger.idsOf(docId).filter((id) => ctx.items.has(id))
    if (ids.length <= ctx.settings.compactAfterItems) return
    const parts: Uint8Array[] = []
    for (const id of ids) {
      const opened = await openItem(keys.itemKey, ctx.settings.spaceId, id, ctx.items.get(id))
      if (!opened.ok) return
      const update = await updateOf(opened.value, id)
      if (!update.ok) return
      parts.push(update.value)
    }
    // The snapshot holds the content of every item it deletes, so a concurrent compaction elsewhere
    // can only duplicate content, never lose it. Sealed, with its pages, while every device reads that.
    const { sealFold } = ctx.options.target
    const sealed = sealFold && (await roster.allRead('sealed')) ? sealFold(docId, parts) : null
    if (sealed) {
      const plaintext = await encodeSealed(sealed)
      await outgoing.add({ docId, kind: 'sealed', plaintext, covers: ids }, ids)
    } else
      await outgoing.add(
        { docId, kind: 'snapshot', plaintext: foldUpdates(parts), covers: ids },
        ids,
      )
  }
}
