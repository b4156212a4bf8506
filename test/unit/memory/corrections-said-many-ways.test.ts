import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

const failuresOf = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)

describe('corrections said the many ways people type them', () => {
  it.each([
    'sry, the 12th',
    'I tell a lie, the 12th',
    '12th*',
    "nah it's the 12th",
    'scrap that, the 12th',
  ])('"%s" corrects the day just said', async (fix) => {
    const corpus = scenario('opener', [
      {
        say: 'my dentist appointment is on the 10th',
        expect: [{ kind: 'fact', words: ['dentist', '10th'] }],
      },
      {
        say: fix,
        expect: [{ kind: 'fact', words: ['12th'], action: 'supersede', replaces: ['10th'] }],
      },
      { ask: 'when is my dentist appointment?', answer: ['12th'], notAnswer: ['10th'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })

  it('a new age told by name replaces the old one', async () => {
    const corpus = scenario('age', [
      { say: 'my son Arjun is 9', expect: [{ kind: 'fact', words: ['Arjun', '9'] }] },
      {
        say: 'Arjun is 10 now',
        expect: [{ kind: 'fact', words: ['Arjun', '10'], action: 'supersede', replaces: ['9'] }],
      },
      { ask: 'how old is Arjun?', answer: ['10'], notAnswer: ['9'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })

  it('a lesson said to move is the same lesson, named a little differently', async () => {
    const corpus = scenario('schedule', [
      {
        say: 'Lily has piano lessons on Wednesdays',
        expect: [{ kind: 'fact', words: ['piano', 'Wednesdays'] }],
      },
      {
        say: "piano's on Thursdays now",
        expect: [
          { kind: 'fact', words: ['Thursdays'], action: 'supersede', replaces: ['Wednesdays'] },
        ],
      },
      { ask: 'when is piano?', answer: ['Thursday'], notAnswer: ['Wednesday'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })
})
