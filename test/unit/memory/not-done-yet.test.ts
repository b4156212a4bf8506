import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-04T09:00:00Z')

const failuresOf = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)

describe('"haven\'t started", "didn\'t send it": not done yet is not a value said again', () => {
  it('a new task due Friday leaves the placement that starts in January alone', async () => {
    const corpus = scenario('not-started', [
      {
        say: 'my placement on the cardiac ward starts 12 January',
        expect: [{ kind: 'fact', words: ['placement', '12 January'] }],
      },
      {
        say: "essay on patient safety due friday, haven't started lol",
        expect: [{ kind: 'task', words: ['essay'], due: '2026-05-08' }],
      },
      {
        say: 'finished the essay!!',
        expect: [{ kind: 'task', words: ['essay'], action: 'update', status: 'done' }],
      },
      { ask: 'when does my placement start?', answer: ['12 January'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })

  it('"the 19th, not the 12th" still says the day again', async () => {
    const corpus = scenario('not-the-12th', [
      {
        say: 'the school play is on the 12th',
        expect: [{ kind: 'fact', words: ['play', '12th'] }],
      },
      {
        say: 'sorry the play is the 19th, not the 12th',
        expect: [{ kind: 'fact', words: ['19th'], action: 'supersede', replaces: ['12th'] }],
      },
      { ask: 'when is the school play?', answer: ['19th'], notAnswer: ['12th'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })
})
