import type { FreshnessPolicy } from '../../../shared/contract/settings'
import type { MemoryItem } from '../../../shared/schema/current'

const HOUR_MS = 3_600_000
/** The latest instant a Date can hold; a policy of "practically never" must not overflow it. */
const MAX_TIME = 8.64e15

/**
 * Whether an item can be trusted as is. Only items that still hold go stale: superseded and retracted
 * ones, finished tasks and resolved issues are history. A stale item is never dropped: it is listed
 * as "unverified — confirm before acting".
 */
export function freshnessOf(
  item: MemoryItem,
  policy: FreshnessPolicy,
  now: Date,
): { freshness: 'fresh' | 'needs-reverify'; staleAt: string } {
  const staleAt = new Date(staleAtMs(item.confirmedAt, policy[item.kind]))
  const stale = holds(item) && staleAt.getTime() <= now.getTime()
  return { freshness: stale ? 'needs-reverify' : 'fresh', staleAt: staleAt.toISOString() }
}

/** When an item confirmed at `confirmedAt` goes stale under a policy of `hours` (ms since the epoch). */
export const staleAtMs = (confirmedAt: string, hours: number): number =>
  staleAtFromMs(Date.parse(confirmedAt), hours)

/** When an item confirmed at `confirmedMs` (ms since the epoch) goes stale under a policy of `hours`. */
export const staleAtFromMs = (confirmedMs: number, hours: number): number =>
  Math.min(confirmedMs + hours * HOUR_MS, MAX_TIME)

/** Whether an item still holds: current, and not a finished task or a resolved issue. */
export const holds = (item: MemoryItem): boolean =>
  item.status === 'active' &&
  !(item.kind === 'task' && item.taskStatus === 'done') &&
  !(item.kind === 'issue' && item.resolvedAt !== null)
