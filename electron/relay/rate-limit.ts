/** Counts connection attempts per client address in fixed one-minute windows. */
export interface ConnectionRateLimit {
  /** Records an attempt from `address`; false once it has made more than the limit this minute. */
  allow(address: string): boolean
}

const WINDOW_MS = 60_000

/** A limiter allowing `maxPerMinute` attempts per address per minute. `now` is injectable for tests. */
export function createConnectionRateLimit(
  maxPerMinute: number,
  now: () => number = Date.now,
): ConnectionRateLimit {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = now()
  return {
    allow(address) {
      const t = now()
      if (t - lastSweep > WINDOW_MS) {
        // Forget addresses whose window is over, so the map does not grow with every client ever seen.
        for (const [key, w] of windows) if (t - w.start >= WINDOW_MS) windows.delete(key)
        lastSweep = t
      }
      const current = windows.get(address)
      if (!current || t - current.start >= WINDOW_MS) {
        windows.set(address, { start: t, count: 1 })
        return true
      }
      current.count += 1
      return current.count <= maxPerMinute
    },
  }
}
