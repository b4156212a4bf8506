import type { SearchDoc } from './search-doc'
import { largest } from '../shared/append-all'

/**
 * The ranking blend, in one place:
 *
 *   score = BM25+ (MiniSearch, with field boosts) × status factor × recency factor
 *
 * The status and recency factors are mild: they reorder near-ties and never hide a strong text
 * match. (MiniSearch itself sums BM25+ over matched terms and fields, then multiplies by the
 * number of distinct query terms the doc matched in any field.) The app uses DEFAULT_RANKING;
 * benchmarks pass variants to measure them.
 */
export type Ranking = {
  /** Per-field BM25 weights. MiniSearch reads 0 as 1: use a tiny weight to mute a field. */
  fieldBoosts: { text: number; speaker: number; tags: number; context: number }
  /** Multiplier per memory status; messages count as active. */
  status: Readonly<Record<NonNullable<SearchDoc['status']>, number>>
  /** Up to +recencyWeight for something from just now, halving every recencyHalfLifeDays. */
  recencyWeight: number
  recencyHalfLifeDays: number
  /** BM25+ term saturation (k1), length normalization (b) and the floor of a matched term (d). */
  bm25: { k1: number; b: number; d: number }
}

/**
 * Chosen on LoCoMo dev with test/bench/locomo-sweep.ts (recall@5/10/25):
 * - speaker 2: the sweep {1,2,3,5} is flat within ±0.5 from 2 to 3; 2 is the milder.
 * - context 0.5: {~0, 0.25, 0.5, 0.75, 1, 1.5} peaks at 0.5–0.75 (+3.4 at @10 over ~0).
 * - tags (a memory item's kind and category) do not occur in LoCoMo; they get the speaker's
 *   weight as a deliberate label.
 * - recency: LoCoMo asks about all of the past evenly, so it cannot reward recency; every weight
 *   swept ({0.05,0.1,0.2,0.4} × half-life {7,30,90,365} days) costs 0–0.8 points. We keep the
 *   strongest one-month setting that costs ≤ 0.3 at every k: +5%, halving every 30 days. It
 *   orders near-ties newest first, which LoCoMo cannot measure and people expect.
 * - status: not in LoCoMo; superseded and retracted memory stays findable, one step below what
 *   holds now (tests pin the order).
 */
export const DEFAULT_RANKING: Ranking = {
  fieldBoosts: { text: 1, speaker: 2, tags: 2, context: 0.5 },
  status: { active: 1, superseded: 0.5, retracted: 0.4 },
  recencyWeight: 0.05,
  recencyHalfLifeDays: 30,
  bm25: { k1: 1.2, b: 0.7, d: 0.5 },
}

const DAY_MS = 86_400_000

/**
 * The multiplier for a doc of `status` created `ageMs` ago (status × recency); 1 is neutral.
 * @example signalFactor('superseded', 0) === 0.5 * 1.1
 */
export function signalFactor(
  status: SearchDoc['status'],
  ageMs: number,
  ranking: Ranking = DEFAULT_RANKING,
): number {
  const ageDays = Math.max(0, ageMs) / DAY_MS
  const recency = 1 + ranking.recencyWeight * 0.5 ** (ageDays / ranking.recencyHalfLifeDays)
  return ranking.status[status ?? 'active'] * recency
}

/** The largest factor `signalFactor` can give under `ranking` (the best status, created just now). */
export function maxSignalFactor(ranking: Ranking = DEFAULT_RANKING): number {
  return largest(Object.values(ranking.status), 0) * (1 + Math.max(0, ranking.recencyWeight))
}
