import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('"what did I say about X?" quotes what they said about it, not their questions', () => {
  it('leaves out questions and messages that do not name the topic', async () => {
    const corpus = scenario('databases', [
      {
        say: "we're on Postgres with pgvector for embeddings",
        expect: [{ kind: 'fact', words: ['pgvector'] }],
      },
      {
        say: 'the release is stuck waiting for legal to sign off the new T&Cs',
        expect: [{ kind: 'issue', words: ['legal'] }],
      },
      { ask: 'why is the release stuck?', answer: ['legal'] },
      { ask: 'which database am I on?', answer: ['pgvector'] },
      {
        ask: 'what did I say about databases?',
        answer: ['pgvector'],
        notAnswer: ['release', 'which database'],
      },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
