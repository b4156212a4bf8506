/** Something that ran in the page, from `t0` to `t1` (performance.now(), ms); equal for a single write. */
export interface TracedSpan {
  what: string
  t0: number
  t1: number
}

/** What the append-trace page returns: each append's start and end, the spans, and the clock mark. */
export interface TraceResult {
  appends: { t0: number; t1: number }[]
  spans: TracedSpan[]
  /** performance.now() at the `append-trace-sync` mark, to put trace events on the page's clock. */
  syncNow: number
}
