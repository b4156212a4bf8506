import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('corrections made in a later message', () => {
  it('"switching to 3 swims a week" replaces the plan of 4', async () => {
    const corpus: Corpus = {
      description: 'later corrections',
      scenarios: [
        {
          id: 'later',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'my training plan is 4 swims a week, mostly mornings',
              expect: [{ kind: 'fact', words: ['4 swims'] }],
            },
            {
              say: 'switching to 3 swims a week until my shoulder settles',
              expect: [
                { kind: 'fact', words: ['3 swims'], action: 'supersede', replaces: ['4 swims'] },
              ],
            },
            {
              ask: 'how many swims a week am I doing?',
              answer: ['3 swims'],
              notAnswer: ['4 swims'],
            },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"scratch that, I do eat beef" replaces "I don\'t eat beef", whatever kind each was filed as', async () => {
    const corpus: Corpus = {
      description: 'the opposite said later',
      scenarios: [
        {
          id: 'opposite',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: "I don't eat beef", expect: [{ kind: 'fact', words: ['beef'] }] },
            { say: 'nice weather today', expect: [] },
            {
              say: "actually scratch that, I do eat beef, it's duck I can't stand",
              expect: [
                {
                  kind: 'preference',
                  words: ['duck'],
                  action: 'supersede',
                  replaces: ['not eat beef'],
                },
              ],
            },
            { ask: "what can't I eat?", answer: ['duck'], notAnswer: ['not eat beef'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
