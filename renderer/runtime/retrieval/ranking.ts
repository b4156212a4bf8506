import type { SearchDoc } from './search-doc'

/**
 * The ranking blend, in one place:
 *
 *   score = BM25+ (MiniSearch, with field boosts) × status factor × recency factor
 *
 * Both factors are multiplicative and mild: they reorder near-ties and never hide a strong text
 * match. The app uses DEFAULT_RANKING; benchmarks pass variants to measure them.
 */
export type Ranking = {
  /** Per-field BM25 weights. */
  fieldBoosts: { text: number; speaker: number; tags: number; context: number }
  /** Multiplier per memory status; messages count as active. */
  status: Readonly<Record<NonNullable<SearchDoc['status']>, number>>
  /** Up to +recencyWeight for something from just now, halving every recencyHalfLifeDays. */
  recencyWeight: number
  recencyHalfLifeDays: number
}

/**
 * Chosen on LoCoMo dev (test/bench/locomo.ts):
 * - speaker 2 and context 0.5 from coarse sweeps (speaker {1,2,3,5}: 2–3 best; context
 *   {0.25,0.5,0.75,1,1.5}: 0.5–0.75 best). `tags` (a memory item's kind and category) does not
 *   occur in LoCoMo; it gets the speaker's weight as a deliberate label.
 * - recency: see RECENCY notes in the bench report; LoCoMo asks about any point of the past, so the
 *   boost is kept mild.
 * - status: superseded and retracted memory stays findable, one step below what holds now.
 */
export const DEFAULT_RANKING: Ranking = {
  fieldBoosts: { text: 1, speaker: 2, tags: 2, context: 0.5 },
  status: { active: 1, superseded: 0.5, retracted: 0.4 },
  recencyWeight: 0.1,
  recencyHalfLifeDays: 30,
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
