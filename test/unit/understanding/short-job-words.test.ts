import { describe, expect, it } from 'vitest'
import { isJob } from '../../../renderer/runtime/understanding/lexicon'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('jobs named by a word that does not end like one', () => {
  it.each([
    ["I'm Amara, midwife at the Royal", 'midwife'],
    ['Hi I am Ruth, GP in Leith', 'GP'],
    ["Kev here, mechanic at a garage in Hull", 'mechanic'],
  ])('"%s" is what the person does, and answers what they do for work', async (said, job) => {
    const corpus = scenario('job', [
      { say: said, expect: [{ kind: 'fact', words: [job] }] },
      { ask: 'what do I do for work?', answer: [job] },
    ])
    const failures = (await evaluate(corpus)).failures
    // The name is kept too; only the job and the answer matter here.
    expect(failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
  })

  it('not "physio", which names the treatment as often as the job', () => {
    expect(isJob('physio')).toBe(false)
    expect(isJob('midwife')).toBe(true)
    expect(isJob('vet')).toBe(true)
  })
})
