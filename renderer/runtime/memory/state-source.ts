import type { MemoryItemView } from '../../../shared/contract/models'
import type { MemoryItem } from '../../../shared/schema/current'
import { compareIso } from '../../../shared/iso-order'
import type { FreshnessPolicy } from '../../../shared/contract/settings'
import { freshnessOf, holds, staleAtFromMs } from './freshness'

export type Freshness = MemoryItemView['freshness']
export type MemoryKind = MemoryItem['kind']

/**
 * The open memory items (current, not a finished task or a resolved issue) as the prompt's state
 * section reads them: by freshness and kind, newest confirmed first, with how many there are in
 * all. A source may read and check each item only when it is taken, so a prompt that lists 200 of
 * 10,000 facts does not read the other 9,800.
 */
export interface StateSource {
  /** Open items with `freshness`, of `kind` (every kind when null), newest confirmed first. */
  newest(freshness: Freshness, kind: MemoryKind | null): Iterable<MemoryItemView>
  /** How many items `newest` gives in all. */
  count(freshness: Freshness, kind: MemoryKind | null): number
}

/** The state section's order: newest confirmed first, then by id, so equal times list alike everywhere. */
export const stateOrder = (
  a: { id: string; confirmedAt: string },
  b: { id: string; confirmedAt: string },
): number => compareIso(b.confirmedAt, a.confirmedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A source over memory already read as views (every item read and checked). */
export function viewsSource(memory: readonly MemoryItemView[]): StateSource {
  const open = memory.filter((m) => holds(m.item)).sort((a, b) => stateOrder(a.item, b.item))
  const pick = (freshness: Freshness, kind: MemoryKind | null): MemoryItemView[] =>
    open.filter((m) => m.freshness === freshness && (kind === null || m.item.kind === kind))
  return {
    newest: pick,
    count: (freshness, kind) => pick(freshness, kind).length,
  }
}

/** Open items in the state section's order, as a stored view keeps them: id, kind, confirmedAt (ms). */
export interface MemoryOrder {
  ids: readonly string[]
  kinds: readonly MemoryKind[]
  times: Float64Array
}

/** Open items in order, and a way to read each. */
export type OrderedMemory = {
  order: MemoryOrder
  /** The item `id` read and checked now; null when it cannot be used (unreadable, newer, gone). */
  item(id: string): MemoryItem | null
}

/**
 * A source over memory kept in order (a stored view): which items are fresh or stale and how many
 * there are come from the order alone; an item is read and checked only when it is taken, and is
 * given only if, read, it is still open and as fresh as its place said (a view that disagrees with
 * its own records gives nothing it cannot show to be current).
 */
export function orderedSource(
  memory: OrderedMemory,
  policy: FreshnessPolicy,
  now: Date,
): StateSource {
  const nowMs = now.getTime()
  // Each place is sorted into its freshness and kind once, in order.
  const groups = new Map<string, string[]>()
  const group = (freshness: Freshness, kind: MemoryKind | null): string =>
    `${freshness}/${kind ?? '*'}`
  const { ids, kinds, times } = memory.order
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string
    const kind = kinds[i] as MemoryKind
    const freshness: Freshness =
      staleAtFromMs(times[i] ?? 0, policy[kind]) <= nowMs ? 'needs-reverify' : 'fresh'
    for (const key of [group(freshness, kind), group(freshness, null)]) {
      const list = groups.get(key)
      if (list) list.push(id)
      else groups.set(key, [id])
    }
  }
  return {
    *newest(freshness, kind) {
      for (const id of groups.get(group(freshness, kind)) ?? []) {
        const item = memory.item(id)
        if (item === null || !holds(item) || (kind !== null && item.kind !== kind)) continue
        const view = { item, ...freshnessOf(item, policy, now) }
        if (view.freshness === freshness) yield view
      }
    },
    count: (freshness, kind) => groups.get(group(freshness, kind))?.length ?? 0,
  }
}
