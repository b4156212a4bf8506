import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('asking what is in the way', () => {
  it('gives a fact that says something is held up', async () => {
    const corpus = scenario('held-up', [
      {
        say: "Our move date depends on the buyer's mortgage",
        expect: [{ kind: 'fact', words: ['mortgage'] }],
      },
      { say: 'I live in Leith', expect: [{ kind: 'fact', words: ['Leith'] }] },
      { ask: "what's blocking me?", answer: ['mortgage'], notAnswer: ['Leith'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('still says nothing is in the way when no fact says so', async () => {
    const corpus = scenario('nothing-held-up', [
      { say: 'I live in Leith', expect: [{ kind: 'fact', words: ['Leith'] }] },
      { ask: "what's blocking me?", answer: ['nothing is blocking'], notAnswer: ['Leith'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
