import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { messagesOf } from '../../../shared/docs'
import { claimConversationMeta } from '../../../shared/docs/meta'
import { MESSAGES_ARRAY } from '../../../shared/docs/layout'
import type { Message } from '../../../shared/schema/current'
import { ProblemList } from '../../../shared/session/problems'
import type { SessionData } from '../../../shared/session/session-data'
import { checkYjsAgreement } from '../../../shared/session/yjs-agreement'
import { NotSimpleLog, simpleLogRecords } from '../../../shared/session/yjs-simple-log'
import { arbMessage } from './session-builders'

/** A conversation document as one device writes it: meta claimed, then `batches` appended in turn. */
const deviceDoc = (batches: readonly (readonly unknown[])[], clientID = 7, gc = true): Y.Doc => {
  const doc = new Y.Doc({ gc })
  doc.clientID = clientID
  claimConversationMeta(doc, 'c1', '2026-05-01T10:00:00.000Z')
  for (const batch of batches) messagesOf(doc).push([...batch])
  return doc
}

const read = (state: Uint8Array): { records: unknown[]; meta: Map<string, unknown> } => {
  const meta = new Map<string, unknown>()
  return { records: [...simpleLogRecords(state, meta)], meta }
}

describe('a conversation state read one record at a time', () => {
  test('property: gives the records and meta entries the built document holds', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      // No "__proto__" key: lib0 decodes one as the object's prototype, and a file's record that
      // holds one is refused before any comparison (`protoKeyPath`).
      fc.dictionary(
        fc.string().filter((k) => k !== '__proto__'),
        fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean()),
        { noNullPrototype: true },
      ),
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        (batches) => {
          const doc = deviceDoc(batches)
          const { records, meta } = read(Y.encodeStateAsUpdate(doc))
          expect(records).toEqual(messagesOf(doc).toArray())
          expect(Object.fromEntries(meta)).toEqual(doc.getMap('meta').toJSON())
        },
      ),
      { numRuns: 100 },
    )
  })

  test.each<[string, (doc: Y.Doc) => void]>([
    [
      'a second device wrote too',
      (doc) => {
        const other = deviceDoc([['from B']], 99)
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
      },
    ],
    ['a record was deleted', (doc) => messagesOf(doc).delete(1, 1)],
    ['a record was put before another', (doc) => messagesOf(doc).insert(0, ['first'])],
    ['a meta entry was written twice', (doc) => doc.getMap('meta').set('kind', 'other')],
    ['a root Keepsake does not use', (doc) => doc.getMap('hidden').set('x', 1)],
    ['a nested Yjs type', (doc) => messagesOf(doc).push([new Y.Map()])],
  ])('is not read this way when %s: the caller builds the document', (_, change) => {
    const doc = deviceDoc([['a', 'b', 'c']])
    change(doc)
    expect(() => read(Y.encodeStateAsUpdate(doc))).toThrow(NotSimpleLog)
  })
})

/** A session holding one conversation with `messages`, whose document state is `doc`'s. */
const sessionWith = (messages: Message[], doc: Y.Doc): SessionData => ({
  exportedAt: '2026-05-01T12:00:00.000Z',
  app: { name: 'Keepsake', version: 'test' },
  scope: 'space',
  space: { id: 's1', name: 'Test', createdAt: '2026-05-01T09:00:00.000Z' },
  memory: [],
  quarantine: [],
  conversations: [
    {
      id: 'c1',
      title: 'One',
      createdAt: '2026-05-01T10:00:00.000Z',
      updatedAt: '2026-05-01T10:00:00.000Z',
      deletedAt: null,
      messages,
      yjs: Y.encodeStateAsUpdate(doc),
    },
  ],
  yjs: null,
})

const agreement = (data: SessionData): { exact: string[]; problems: string[] } => {
  const problems = new ProblemList()
  const exact = [...checkYjsAgreement(data, problems)]
  return { exact, problems: problems.problems.map((p) => `${p.path}: ${p.message}`) }
}

describe('the agreement of a file’s messages with a simple conversation state', () => {
  const messages = fc.sample(arbMessage, { numRuns: 6, seed: 42 })

  test('is exact when the state holds the messages, record for record', () => {
    const doc = deviceDoc([messages.slice(0, 4), messages.slice(4)])
    expect(agreement(sessionWith(messages, doc))).toEqual({ exact: ['c1'], problems: [] })
  })

  test('names the first message that differs, and a state holding more or fewer', () => {
    const changed = { ...messages[2]!, text: 'something else' }
    const doc = deviceDoc([[...messages.slice(0, 2), changed, ...messages.slice(3)]])
    expect(agreement(sessionWith(messages, doc)).problems).toEqual([
      'conversations[0].messages[2]: differs from message 2 of the conversation document (conversations[0].yjs)',
    ])
    expect(agreement(sessionWith(messages.slice(0, 5), deviceDoc([messages]))).problems).toEqual([
      'conversations[0].yjs: holds more messages than the file lists (5)',
    ])
    expect(agreement(sessionWith(messages, deviceDoc([messages.slice(0, 5)]))).problems).toEqual([
      'conversations[0].yjs: holds 5 messages but the file lists 6',
    ])
  })

  test('still reads a state a comparison stopped early in: one with a deletion (kept, not collected) agrees when the file lacks the deleted message', () => {
    const doc = deviceDoc(
      [[...messages.slice(0, 2), { ...messages[2]!, text: 'gone' }, ...messages.slice(3)]],
      7,
      false,
    )
    messagesOf(doc).delete(2, 1)
    const without = [...messages.slice(0, 2), ...messages.slice(3)]
    expect(agreement(sessionWith(without, doc))).toEqual({ exact: ['c1'], problems: [] })
  })

  test('refuses values nested too deep and a newer schema, as when the document is built', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 80; i++) deep = { deep }
    const doc = deviceDoc([[...messages, deep]])
    expect(agreement(sessionWith(messages, doc)).problems[0]).toMatch(
      new RegExp(
        `^conversations\\[0\\]\\.yjs: ${MESSAGES_ARRAY}\\["6"\\] is nested deeper than the limit`,
      ),
    )
    const newer = new Y.Doc()
    newer.getMap('meta').set('schemaVersion', 99)
    messagesOf(newer).push(messages)
    expect(read(Y.encodeStateAsUpdate(newer)).meta.get('schemaVersion')).toBe(99)
    expect(agreement(sessionWith(messages, newer)).problems).toEqual([
      'conversations[0].yjs: the conversation document was written by a newer Keepsake (schema v99)',
    ])
  })
})
