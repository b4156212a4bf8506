/** Wall-clock time that never repeats or goes backwards within one runtime, so message order is stable. */
export function createClock(now: () => Date = () => new Date()): () => Date {
  let last = 0
  return () => {
    const t = Math.max(now().getTime(), last + 1)
    last = t
    return new Date(t)
  }
}
