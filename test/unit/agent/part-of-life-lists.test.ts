import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('asking about the problems of one part of life when none is open', () => {
  it('gives what was told about that part of life, and the open problems that may be it', async () => {
    const corpus = scenario('health-facts', [
      { say: "I'm allergic to penicillin", expect: [{ kind: 'fact', words: ['penicillin'] }] },
      { say: 'the boiler keeps cutting out', expect: [{ kind: 'issue', words: ['boiler'] }] },
      { ask: 'any health problems I should know about?', answer: ['penicillin', 'boiler'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('says nothing is open when only facts of that part of life are known', async () => {
    const corpus = scenario('health-only', [
      { say: "I'm allergic to penicillin", expect: [{ kind: 'fact', words: ['penicillin'] }] },
      { ask: 'any health problems?', answer: ['nothing about that is open', 'penicillin'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('still says it knows of none when nothing of that part of life was told', async () => {
    const corpus = scenario('no-health', [
      { say: 'I live in Leith', expect: [{ kind: 'fact', words: ['Leith'] }] },
      { ask: 'any health problems?', unknown: true, notAnswer: ['Leith'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
