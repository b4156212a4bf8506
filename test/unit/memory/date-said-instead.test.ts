import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (turns: Turn[]): Corpus => oneScenario('instead', turns, '2026-12-07T15:00:00Z')

const failuresOf = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)

describe('a date said to hold instead, naming nothing of its own', () => {
  it('"I\'ve got the 27th instead" days later replaces the one date held', async () => {
    const corpus = scenario([
      {
        say: "I think I'm working Boxing Day, the schedule isn't final",
        expect: [{ kind: 'fact', words: ['Boxing Day'] }],
      },
      { say: 'my sister lives in York', expect: [{ kind: 'fact', words: ['York'] }] },
      {
        say: "Aileen posted the final schedule, I've got the 27th instead",
        at: '2026-12-10T18:00:00Z',
        expect: [{ kind: 'fact', words: ['27th'], action: 'supersede', replaces: ['Boxing Day'] }],
      },
      { ask: 'where does my sister live?', answer: ['York'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })

  it('with two dates held, neither is guessed at', async () => {
    const corpus = scenario([
      { say: "I'm working Boxing Day", expect: [{ kind: 'fact', words: ['Boxing Day'] }] },
      {
        say: 'my dentist appointment is on the 3rd',
        expect: [{ kind: 'fact', words: ['dentist', '3rd'] }],
      },
      {
        say: "I've got the 27th instead",
        at: '2026-12-10T18:00:00Z',
        expect: [{ kind: 'fact', words: ['27th'] }],
      },
      { ask: 'when is my dentist appointment?', answer: ['3rd'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })
})
