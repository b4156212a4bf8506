import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('asking what is left to do when nothing is open', () => {
  it('says there is no open task, and which problems are still open, without listing what is done', async () => {
    const corpus = scenario('nothing-open', [
      {
        say: 'need to sort my uniform before monday',
        expect: [{ kind: 'task', words: ['uniform'], due: '2026-05-11' }],
      },
      {
        say: 'the printer keeps jamming',
        expect: [{ kind: 'issue', words: ['printer'] }],
      },
      {
        say: 'sorted the uniform',
        expect: [{ kind: 'task', words: ['uniform'], action: 'update', status: 'done' }],
      },
      {
        ask: 'anything I need to do?',
        answer: ['open tasks', 'everything', 'done', 'printer'],
        notAnswer: ['uniform'],
      },
      {
        ask: "what's on my plate this week?",
        answer: ['open tasks', 'printer'],
        notAnswer: ['uniform'],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('still says it knows of no task when none was ever told', async () => {
    const corpus = scenario('none', [
      { say: 'I live in Leith', expect: [{ kind: 'fact', words: ['Leith'] }] },
      { ask: 'anything I need to do?', unknown: true },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
