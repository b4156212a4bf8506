import type { FreshnessPolicy } from '../../../shared/contract/settings'
import type { Space } from '../space/space'
import { toViews } from './memory-views'
import { orderedSource, viewsSource, type StateSource } from './state-source'

/**
 * The memory a prompt's state section reads: while the space runs on its stored view, the view's
 * open items in order, each read only if the section lists it; otherwise every item as a view.
 */
export async function promptState(
  space: Space,
  policy: FreshnessPolicy,
  now: Date,
): Promise<StateSource> {
  const ordered = await space.openMemoryInOrder()
  if (ordered) return orderedSource(ordered, policy, now)
  return viewsSource(toViews((await space.memory()).items, policy, now))
}
