const WINDOW_MS = 60_000

/**
 * Passes each distinct warning on at most once a minute and says how many repeats it held back, so a
 * stranger sending junk cannot fill the relay's log. `now` is injectable for tests.
 * @example const warnOnce = throttledWarning(warn); warnOnce('closed a connection that sent a malformed message')
 */
export function throttledWarning(
  warn: (message: string) => void,
  now: () => number = Date.now,
): (message: string) => void {
  const seen = new Map<string, { since: number; held: number }>()
  return (message) => {
    const t = now()
    const entry = seen.get(message)
    if (entry && t - entry.since < WINDOW_MS) {
      entry.held += 1
      return
    }
    const held = entry?.held ?? 0
    seen.set(message, { since: t, held: 0 })
    warn(held > 0 ? `${message} (and ${held} more like it in the last minute)` : message)
  }
}
