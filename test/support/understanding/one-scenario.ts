import type { Corpus, Turn } from './corpus'

/** A corpus of one scenario `id` of `turns`, starting at `now` (a Monday morning by default). */
export const oneScenario = (id: string, turns: Turn[], now = '2026-05-04T09:00:00Z'): Corpus => ({
  description: id,
  scenarios: [{ id, now, turns }],
})
