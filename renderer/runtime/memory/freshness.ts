import type { FreshnessPolicy } from '../../../shared/contract/settings'
import type { MemoryItem } from '../../../shared/schema/current'

const HOUR_MS = 3_600_000

/**
 * Whether an item can be trusted as is. Only active items go stale; superseded and retracted ones are
 * history. A stale item is never dropped: it is listed as "unverified — confirm before acting".
 */
export function freshnessOf(
  item: MemoryItem,
  policy: FreshnessPolicy,
  now: Date,
): { freshness: 'fresh' | 'needs-reverify'; staleAt: string } {
  const hours = policy[item.kind]
  const staleAt = new Date(Date.parse(item.confirmedAt) + hours * HOUR_MS)
  const stale = item.status === 'active' && staleAt.getTime() <= now.getTime()
  return { freshness: stale ? 'needs-reverify' : 'fresh', staleAt: staleAt.toISOString() }
}
