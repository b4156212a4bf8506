/** Summary statistics for bench figures: always a middle value and a spread, never one lone number. */

/** The value at quantile `q` (0..1) of `values`, by linear interpolation; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  const a = sorted[lo] ?? Number.NaN
  const b = sorted[hi] ?? Number.NaN
  return a + (b - a) * (at - lo)
}

export const median = (values: readonly number[]): number => quantile(values, 0.5)

/** Median and min–max over a few runs (for figures measured once per run). */
export interface RunSpread {
  median: number
  min: number
  max: number
  runs: number
}

export function overRuns(values: readonly number[]): RunSpread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  }
}

/** p50, p95 and p99 of a latency sample, with its min and max. */
export interface Distribution {
  p50: number
  p95: number
  p99: number
  min: number
  max: number
  samples: number
}

export function distribution(values: readonly number[]): Distribution {
  return {
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values.length,
  }
}
