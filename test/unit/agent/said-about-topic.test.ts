import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { docTools, evaluate } from '../../support/understanding/evaluate'
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

describe('"what did I say about X?" with a name typed in lower case', () => {
  it('finds what they said about a product they named with a capital', async () => {
    const corpus = scenario('lower-case name', [
      {
        say: "I'm a backend dev at a fintech in Lisbon, mostly Go and Postgres",
        expect: [{ kind: 'fact', words: ['backend'] }],
      },
      {
        say: 'we run Kubernetes on bare metal',
        expect: [{ kind: 'fact', words: ['Kubernetes'] }],
      },
      { ask: 'what did I say about postgres', answer: ['Postgres'], notAnswer: ['Kubernetes'] },
      { ask: 'what did i say about kubernetes?', answer: ['bare metal'] },
      { ask: 'what did I say about redis', unknown: true },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})

describe('"what did I say about X?" when the search finds only messages that do not name it', () => {
  it('says it found nothing instead of replying nothing', async () => {
    const now = new Date('2026-05-04T09:00:00Z')
    const doc = new Y.Doc()
    const reply = await respondOffline(
      {
        text: 'what did I say about the boiler?',
        now,
        earlier: [],
        firstTurn: false,
        change: { now, actor: 'assistant', source: { conversationId: 'c', messageId: 'q' } },
      },
      docTools(doc, now, async () => [
        { id: 'm1', text: 'the kitchen tap drips', createdAt: now.toISOString() },
      ]),
    )
    expect(reply.text).toBe("I couldn't find anything you said about “the boiler”.")
  })
})
