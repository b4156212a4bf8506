import type { DeviceRoster } from './device-roster'
import { openItem } from './envelope'
import type { EngineContext } from './engine-context'
import type { OutgoingItems } from './outgoing-items'
import { isSealed, sealedHalf } from './sealed-item'

/**
 * Returns the job that keeps the envelope readable by every device announced in it: while one of
 * them does not read `sealed` items (a build before them joined), each sealed item on the relay is
 * replaced by a `snapshot` of its state that covers it, as compaction replaces items. Nothing is
 * decoded: a sealed item's state is already a Yjs update. Only while synced, so the items seen are
 * the relay's. A device that sees two of these replace the same item keeps both (equal content).
 * @example const unseal = createUnseal(ctx, outgoing, roster); await unseal()
 */
export function createUnseal(
  ctx: EngineContext,
  outgoing: OutgoingItems,
  roster: DeviceRoster,
): () => Promise<void> {
  return async () => {
    const { keys } = ctx.state
    if (keys === null || !ctx.state.synced) return
    const sealed = [...ctx.items.entries()].filter(([, raw]) => isSealed(raw))
    if (sealed.length === 0 || (await roster.allRead('sealed'))) return
    for (const [id, raw] of sealed) {
      const opened = await openItem(keys.itemKey, ctx.settings.spaceId, id, raw)
      if (!opened.ok) continue
      const state = await sealedHalf(opened.value.plaintext, `items.${id}`, 'state')
      if (!state.ok || !ctx.items.has(id)) continue
      const { docId } = opened.value.item
      await outgoing.add({ docId, kind: 'snapshot', plaintext: state.value, covers: [id] }, [id])
    }
  }
}
