import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCorpus } from '../../support/understanding/corpus'
import { evaluate, summarize } from '../../support/understanding/evaluate'

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'understanding')

/**
 * Regression guard on the corpora the analyzer was tuned on: the whole of each is played through
 * the real offline assistant over a real Yjs memory document. Floors sit a little under today's
 * figures; the held-out and blind splits are reported by `npm run bench -- --only 8`, not asserted here.
 */
describe('offline understanding on its tuning corpora', () => {
  it.each([
    ['dev.json', { recall: 0.9, precision: 0.88, answers: 0.82 }],
    ['dev-b.json', { recall: 0.88, precision: 0.88, answers: 0.72 }],
    ['dev-c.json', { recall: 0.78, precision: 0.8, answers: 0.64 }],
  ])(
    '%s',
    async (file, floor) => {
      const { ratios } = summarize(await evaluate(readCorpus(resolve(FIXTURES, file))))
      expect(ratios.recall).toBeGreaterThanOrEqual(floor.recall)
      expect(ratios.precision).toBeGreaterThanOrEqual(floor.precision)
      expect(ratios.answers).toBeGreaterThanOrEqual(floor.answers)
    },
    60_000,
  )
})
