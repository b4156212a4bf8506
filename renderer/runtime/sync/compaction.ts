import { foldUpdates } from './doc-delta'
import { openItem } from './envelope'
import type { EngineContext } from './engine-context'
import { updateOf } from './item-update'
import type { OutgoingItems } from './outgoing-items'

/**
 * Returns the compaction of one document: once it has more than `compactAfterItems` items in the
 * envelope, they are folded into one snapshot item that replaces them. Only while synced, so the
 * items seen are the relay's.
 * @example const compact = createCompaction(ctx, outgoing); await compact('space')
 */
export function createCompaction(
  ctx: EngineContext,
  outgoing: OutgoingItems,
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
    // can only duplicate content, never lose it.
    await outgoing.add({ docId, kind: 'snapshot', plaintext: foldUpdates(parts), covers: ids }, ids)
  }
}
