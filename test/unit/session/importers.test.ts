import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { transcriptToSession } from '../../../shared/session/import-transcript'
import { describeProblem } from '../../../shared/session/problems'
import { loadSession } from '../../../shared/session/load-session'
import { toEnvelopeValue } from '../../../shared/session/session-data'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/session/${name}`, import.meta.url)))
const options = {
  spaceName: 'Imported',
  spaceId: 'space-1',
  now: new Date('2026-01-01T00:00:00Z'),
  appVersion: '0.1.0',
}
const lines = (...rows: unknown[]): Uint8Array =>
  new TextEncoder().encode(
    rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'),
  )

test('a JSONL transcript becomes conversations in order, keeping given ids and speakers', () => {
  const r = transcriptToSession(fixture('transcript.jsonl'), options)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  const [first, second] = r.value.conversations
  expect(first?.id).toBe('session_1')
  expect(first?.messages.map((m) => [m.id, m.role, m.speaker])).toEqual([
    ['D1:1', 'user', 'Caroline'],
    ['D1:2', 'assistant', 'Melanie'],
    ['D1:3', 'user', 'Caroline'],
  ])
  expect(second?.title).toBe('Painting weekend')
  expect(second?.id).toMatch(/^transcript-[0-9a-f]{8}$/)
  // A line without an id gets one from its conversation and line number: the same every time.
  expect(second?.messages[1]?.id).toBe(`${second?.id}:6`)
  expect(second?.createdAt).toBe('2023-05-25T10:00:00+02:00')
  // What an importer makes is a valid session.
  expect(loadSession(JSON.parse(JSON.stringify(toEnvelopeValue(r.value)))).ok).toBe(true)
})

test('bad transcript lines are named by line number and field', () => {
  const r = transcriptToSession(
    lines(
      { conversation: 'c', role: 'user', text: 'ok', timestamp: '2024-01-01T00:00:00Z', id: 'a' },
      { conversation: 'c', role: 'robot', text: 'x', timestamp: '2024-01-01T00:00:00Z' },
      { conversation: 'c', role: 'user', timestamp: '2024-01-01T00:00:00Z' },
      { conversation: 'c', role: 'user', text: 'x', timestamp: '2024-01-01 10:00' },
      '{"conversation": "c", "role": "user", "text": "x"',
      {
        conversation: 'c',
        role: 'user',
        text: 'x',
        timestamp: '2024-01-01T00:00:00Z',
        mood: 'happy',
      },
      {
        conversation: 'c',
        role: 'user',
        text: 'again',
        timestamp: '2024-01-01T00:00:00Z',
        id: 'a',
      },
      '{"conversation": "c", "__proto__": {}, "role": "user", "text": "x", "timestamp": "2024-01-01T00:00:00Z"}',
    ),
    options,
  )
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.problems.map(describeProblem)).toEqual([
    expect.stringMatching(/^line 2: role: /),
    expect.stringMatching(/^line 3: text: /),
    'line 4: timestamp: expected an ISO date',
    expect.stringMatching(/^line 5: the JSON ends too early/),
    expect.stringMatching(/^line 6: .*mood/),
    'line 7: id: "a" is already used on line 1',
    'line 8: __proto__: the key "__proto__" is not allowed',
  ])
})

test('ChatGPT conversations keep the current branch and the visible messages', () => {
  const r = chatGptToSession(fixture('chatgpt-conversations.json'), options)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  const [vectors, tz] = r.value.data.conversations
  expect(vectors?.id).toBe('6b0f2a2e-0000-4000-8000-000000000001')
  expect(vectors?.title).toBe('Choosing a vector store')
  expect(vectors?.messages.map((m) => [m.id, m.role, m.text])).toEqual([
    ['msg-user-1', 'user', 'Should I use pgvector or Pinecone?'],
    ['msg-assistant-1', 'assistant', 'It depends on scale. pgvector keeps everything in Postgres.'],
    ['msg-user-2b', 'user', "[image]\nI'll go with pgvector then."],
    ['msg-tool', 'system', 'search results'],
    ['msg-assistant-2', 'assistant', 'Good choice.'],
  ])
  expect(vectors?.messages[0]?.createdAt).toBe('2024-03-02T10:00:01.100Z')
  expect(vectors?.createdAt).toBe('2024-03-02T10:00:00.250Z')
  expect(tz?.id).toBe('6b0f2a2e-0000-4000-8000-000000000002')
  expect(loadSession(JSON.parse(JSON.stringify(toEnvelopeValue(r.value.data)))).ok).toBe(true)
})

test('broken ChatGPT exports name where they break', () => {
  const bad = (value: unknown) => {
    const r = chatGptToSession(new TextEncoder().encode(JSON.stringify(value)), options)
    return r.ok ? [] : r.problems.map(describeProblem)
  }
  expect(bad({ conversations: [] })).toEqual(['expected a list of conversations'])
  expect(bad([{ title: 't', mapping: 'nope' }])).toEqual([
    expect.stringMatching(/^\[0\]\.mapping: /),
  ])
  const node = (id: string, parent: string | null) => ({
    message: {
      id,
      author: { role: 'user' },
      create_time: 1,
      content: { content_type: 'text', parts: ['x'] },
    },
    parent,
    children: [],
  })
  expect(bad([{ mapping: { a: node('a', 'ghost') }, current_node: 'a' }])).toEqual([
    '[0].mapping.a.parent: there is no node "ghost" in mapping',
  ])
  expect(bad([{ mapping: { a: node('a', 'b'), b: node('b', 'a') }, current_node: 'a' }])).toEqual([
    '[0].mapping.b.parent: the parents form a loop: a → b → a',
  ])
})
