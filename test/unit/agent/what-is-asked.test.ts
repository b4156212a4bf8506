import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('what a question asks for', () => {
  it('reads "which platform am I on?" as asking a platform, not "I"', async () => {
    const corpus = scenario('platform', [
      {
        say: 'I am an offshore medic on the Tern Bravo platform, 3 on 3 off',
        expect: [{ kind: 'fact', words: ['Tern Bravo'] }],
      },
      { ask: 'which platform am I on', answer: ['Tern Bravo'], notAnswer: ["isn't filed"] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it('reads "what time format do I want?" as asking a format, not a time', async () => {
    const corpus = scenario('clock', [
      {
        say: 'I want you to use 24 hour clock',
        expect: [{ kind: 'preference', words: ['24'] }],
      },
      { ask: 'what time format do I want', answer: ['24'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
})
