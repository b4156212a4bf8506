import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('a when/who/where question that no item answers in the form asked', () => {
  it('does not offer an item that only shares a word, and finds where in their own words', async () => {
    const corpus = scenario('mot', [
      {
        say: 'MOT due on the 19th, need to book it',
        expect: [{ kind: 'task', words: ['MOT'] }],
      },
      {
        say: 'booked the MOT in at Kwik Fit in Bedminster',
        expect: [{ kind: 'task', words: ['MOT'], action: 'update', status: 'done' }],
      },
      { ask: "where's my MOT booked", answer: ['Kwik Fit'] },
    ])
    const failures = (await evaluate(corpus)).failures.filter((f) => f.problem.startsWith('answer'))
    expect(failures.map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)).toEqual([])
  })
})
