import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const problems = async (c: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(c)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a follow-up that names someone only by a pronoun', () => {
  it('answers a question about the dog from "he is allergic to chicken" told right after', async () => {
    const corpus = scenario('dog', [
      { say: 'we finally got a dog from the rescue!', expect: [{ kind: 'fact', words: ['dog'] }] },
      {
        say: 'he is allergic to chicken so his food has to be lamb',
        expect: [{ kind: 'fact', words: ['chicken'] }],
      },
      { ask: "what's my dog allergic to?", answer: ['chicken'] },
    ])
    expect(await problems(corpus)).toEqual([])
  })

  it('does not read a pronoun said long after as about the same one', async () => {
    const corpus = scenario('later', [
      { say: 'we finally got a dog from the rescue!', expect: [{ kind: 'fact', words: ['dog'] }] },
      {
        say: 'he is allergic to penicillin, my GP says',
        at: '2026-05-09T10:00:00Z',
        expect: [{ kind: 'fact', words: ['penicillin'] }],
      },
      { ask: "what's my dog allergic to?", answer: ['dog'], notAnswer: ['penicillin'] },
    ])
    expect(await problems(corpus)).toEqual([])
  })
})
