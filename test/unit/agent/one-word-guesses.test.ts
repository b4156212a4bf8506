import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a fact that shares one word with a question about more things', () => {
  it('is not offered as the answer: "I don\'t know" is', async () => {
    const corpus = scenario('chicago', [
      {
        say: "I'm going to a conference in Chicago in September",
        expect: [{ kind: 'fact', words: ['Chicago'] }],
      },
      { say: 'I live in Leeds', expect: [{ kind: 'fact', words: ['Leeds'] }] },
      { ask: 'what hotel am I staying at in Chicago?', unknown: true },
      { ask: 'what colour is my front door in Leeds?', unknown: true },
      // What shares enough of the question is still the answer.
      { ask: 'what conference am I going to in Chicago?', answer: ['September'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})

describe('a question about medication', () => {
  it('is answered by an item that says a medicine is taken, in other words', async () => {
    const corpus = scenario('meds', [
      {
        say: 'we got a rescue greyhound called Bruno last spring',
        expect: [{ kind: 'fact', words: ['Bruno'] }],
      },
      {
        say: 'He is on Cytopoint injections once a month for his arthritis',
        expect: [{ kind: 'fact', words: ['Cytopoint'] }],
      },
      { ask: 'what meds is he on', answer: ['Cytopoint'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
