const HOUR_MS = 60 * 60 * 1000

/** Counts the spaces each connection and each client address registers. */
export interface NewSpaceLimit {
  /** Records a new space for `connection` from `address`; false (and nothing recorded) over a limit. */
  allow(connection: object, address: string): boolean
}

/**
 * At most `perConnection` new spaces per connection and `perHour` per client address in a sliding
 * hour, so one stranger cannot fill the relay's disk with empty spaces. `now` is injectable for tests.
 * @example const limit = createNewSpaceLimit(4, 30); limit.allow(request, '10.0.0.7')
 */
export function createNewSpaceLimit(
  perConnection: number,
  perHour: number,
  now: () => number = Date.now,
): NewSpaceLimit {
  const byConnection = new WeakMap<object, number>()
  const byAddress = new Map<string, number[]>()
  return {
    allow(connection, address) {
      const t = now()
      const recent = (byAddress.get(address) ?? []).filter((at) => t - at < HOUR_MS)
      const made = byConnection.get(connection) ?? 0
      if (made >= perConnection || recent.length >= perHour) {
        byAddress.set(address, recent)
        return false
      }
      byConnection.set(connection, made + 1)
      byAddress.set(address, [...recent, t])
      // Forget addresses with nothing in the last hour, so the map does not grow with every client.
      if (byAddress.size > 10_000) {
        for (const [key, times] of byAddress)
          if (times.every((at) => t - at >= HOUR_MS)) byAddress.delete(key)
      }
      return true
    },
  }
}
