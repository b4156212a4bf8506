import { describe, expect, it } from 'vitest'
import { readQuestion } from '../../../renderer/runtime/understanding/question'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

const wordsOf = (question: string): string[] => {
  const q = readQuestion(question, new Date('2026-05-04T09:00:00Z'))
  return q?.type === 'lookup' ? q.words : []
}

describe('a short word typed in capitals in a question', () => {
  it('is what the question is about, not a function word ("my SO", "the OH referral")', () => {
    expect(wordsOf('name of my SO?')).toContain('so')
    expect(wordsOf('any news on the OH referral')).toContain('oh')
    // A question typed all in capitals says nothing by its capitals.
    expect(wordsOf('WHATS MY SO CALLED')).not.toContain('so')
  })

  it("is not answered by the person's own name", async () => {
    const corpus = scenario('so', [
      { say: 'My name is Mark', expect: [{ kind: 'fact', words: ['Mark'] }] },
      { say: 'I am a prison officer', expect: [{ kind: 'fact', words: ['prison officer'] }] },
      { ask: 'name of my SO?', unknown: true },
      { say: 'my SO is called Dave', expect: [{ kind: 'fact', words: ['Dave'] }] },
      { ask: "what's my SO called", answer: ['Dave'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })

  it('is an acronym, not the pet of the same name ("which CAT tool am I using?")', async () => {
    const corpus = scenario('cat-tool', [
      {
        say: 'I stopped using Trados, now everything in memoQ, much more light',
        expect: [{ kind: 'fact', words: ['memoQ'] }],
      },
      {
        say: 'my cat Pipoca walked on the keyboard and deleted a segment',
        expect: [{ kind: 'fact', words: ['Pipoca'] }],
      },
      { ask: 'which CAT tool am I using', answer: ['memoQ'] },
      // In two capitals, someone in the person's life is still that person.
      { say: 'my GP is Dr Okafor', expect: [{ kind: 'fact', words: ['Okafor'] }] },
      { ask: "what's my GP called?", answer: ['Okafor'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})

describe('a question about what the person uses', () => {
  it('is not answered by a wish about what I should use when I answer', async () => {
    const corpus = scenario('payroll', [
      {
        say: 'I want you to use rand, R, not dollars when we talk money',
        expect: [{ kind: 'preference', words: ['rand'] }],
      },
      {
        say: 'We changed from Pastel to Sage 300 in July, still learning it shame',
        expect: [{ kind: 'fact', words: ['Sage'] }],
      },
      { ask: 'what system do we use for payroll now', answer: ['Sage'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
