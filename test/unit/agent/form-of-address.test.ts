import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('how the person wants to be called', () => {
  it.each([
    ['I prefer to be called Mrs Ellison', 'Mrs Ellison', 'what should you call me?'],
    ['please call me Jo, nobody uses Joanna', 'Jo', 'how do I want you to address me'],
  ])('"%s" answers before their full name', async (said, word, question) => {
    const corpus = scenario('address', [
      {
        say: 'my name is Joanna Margaret Ellison',
        expect: [{ kind: 'fact', words: ['Ellison'] }],
      },
      { say: said, expect: [{ kind: 'preference', words: [word] }] },
      { ask: question, answer: [word], notAnswer: ['Margaret'] },
    ])
    const failures = (await evaluate(corpus)).failures.filter((f) => f.problem.startsWith('answer'))
    expect(failures.map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)).toEqual([])
  })
})
