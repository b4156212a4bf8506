import { describe, expect, it } from 'vitest'
import { parseIntents } from '../../../../renderer/runtime/agent/offline/intents'
import { toSecondPerson } from '../../../../renderer/runtime/agent/offline/voice'

describe('offline assistant intents', () => {
  it.each([
    [
      'Remember that I prefer pgvector over Pinecone',
      { type: 'remember', text: 'I prefer pgvector over Pinecone' },
    ],
    [
      'My timezone is America/New_York',
      { type: 'preference', key: 'timezone', value: 'America/New_York' },
    ],
    [
      'remember that my timezone is Europe/Berlin.',
      { type: 'preference', key: 'timezone', value: 'Europe/Berlin' },
    ],
    [
      'I prefer concise answers',
      { type: 'preference', key: 'answer style', value: 'concise answers' },
    ],
    ["I'm working on a RAG pipeline", { type: 'task-start', description: 'a RAG pipeline' }],
    [
      "I'm benchmarking hybrid search accuracy",
      { type: 'task-start', description: 'benchmarking hybrid search accuracy' },
    ],
    ['Done with the RAG pipeline', { type: 'task-done', description: 'the RAG pipeline' }],
    [
      'The last thing I did was ran evaluation script, results pending',
      { type: 'task-last-action', action: 'ran evaluation script, results pending' },
    ],
    ['The CI pipeline is broken', { type: 'issue-open' }],
    ['The CI pipeline is fixed', { type: 'issue-resolve', text: 'The CI pipeline' }],
    ['Forget that I prefer pgvector', { type: 'forget', text: 'I prefer pgvector' }],
    ['What do you know about me?', { type: 'ask-about-me' }],
    ['What was I doing?', { type: 'ask-doing' }],
    ['What did I say about Pinecone last week?', { type: 'ask-said', query: 'Pinecone last week' }],
    ['What do you know about pgvector?', { type: 'ask-about', topic: 'pgvector' }],
    ['Write me a poem about autumn', { type: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(parseIntents(text)[0]).toMatchObject(expected)
  })

  it('reads several sentences of one message', () => {
    const intents = parseIntents("My timezone is America/New_York. I'm working on a RAG pipeline.")
    expect(intents.map((i) => i.type)).toEqual(['preference', 'task-start'])
  })

  it('speaks back in the second person', () => {
    expect(toSecondPerson('I prefer pgvector over Pinecone')).toBe(
      'You prefer pgvector over Pinecone',
    )
    expect(toSecondPerson('My timezone is America/New_York')).toBe(
      'Your timezone is America/New_York',
    )
    expect(toSecondPerson("I'm working on my thesis")).toBe("You're working on your thesis")
  })
})
