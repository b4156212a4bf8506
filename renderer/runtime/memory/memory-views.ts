import type { MemoryItemView, MemoryView } from '../../../shared/contract/models'
import type { FreshnessPolicy } from '../../../shared/contract/settings'
import type { MemoryItem } from '../../../shared/schema/current'
import type { Space } from '../space/space'
import { freshnessOf } from './freshness'
import { concurrentEditCounts } from './concurrent-edits'
import { compareIso } from '../../../shared/iso-order'

/** Memory items with their freshness under `policy` at `now`, most recently confirmed first. */
export function toViews(items: MemoryItem[], policy: FreshnessPolicy, now: Date): MemoryItemView[] {
  const concurrent = concurrentEditCounts(items)
  return items
    .map((item) => {
      const lost = concurrent.get(item.id)
      const view = { item, ...freshnessOf(item, policy, now) }
      return lost === undefined ? view : { ...view, concurrentEdits: lost }
    })
    .sort((a, b) => compareIso(b.item.confirmedAt, a.item.confirmedAt))
}

/** The memory panel's whole view: items with freshness, and counts of what could not be used. */
export async function memoryView(
  space: Space,
  policy: FreshnessPolicy,
  now: Date,
): Promise<MemoryView> {
  const read = await space.memory()
  return {
    items: toViews(read.items, policy, now),
    quarantineCount: await space.quarantineCount(),
    futureCount: read.future.length + space.futureRecordCount,
  }
}
