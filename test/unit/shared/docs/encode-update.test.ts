import fc from 'fast-check'
import { afterEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { encodeUpdate } from '../../../../shared/docs'
import { freshConversationPlans } from '../../../../renderer/runtime/files/import-plans'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../../shared/schema/current'

afterEach(() => vi.restoreAllMocks())

// Strings with every kind of UTF-16: ASCII, two- and three-byte characters, pairs, lone surrogates.
const text = fc.string({ unit: 'binary', maxLength: 40 })
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double(),
    fc.float(),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(text, tie('any'), { maxKeys: 4 }),
  ),
})).any

test('an update is encoded byte for byte as Yjs encodes it: records, text, map keys, from a state vector', () => {
  fc.assert(
    fc.property(
      fc.array(value, { maxLength: 6 }),
      fc.array(value, { maxLength: 6 }),
      fc.dictionary(text, value, { maxKeys: 4 }),
      text,
      (first, second, entries, prose) => {
        const doc = new Y.Doc()
        // Wrapped: Yjs takes a bare bigint nowhere, and a bare byte array as binary content.
        doc.getArray('messages').push(first.map((v) => ({ v })))
        const before = Y.encodeStateVector(doc)
        doc.getArray('messages').push(second.map((v) => ({ v })))
        const map = doc.getMap('meta')
        for (const [k, v] of Object.entries(entries)) map.set(k, [v])
        const body = new Y.Text()
        map.set('body', body)
        body.insert(0, prose)
        body.format(0, Math.min(2, prose.length), { bold: true, note: prose })
        expect(encodeUpdate(doc)).toEqual(Y.encodeStateAsUpdate(doc))
        expect(encodeUpdate(doc, before)).toEqual(Y.encodeStateAsUpdate(doc, before))
        doc.destroy()
      },
    ),
    { numRuns: 300 },
  )
})

test('a document waiting for missing updates is encoded with what it holds pending, as Yjs does', () => {
  const source = new Y.Doc()
  source.getArray('messages').push(['first'])
  const sv = Y.encodeStateVector(source)
  source.getArray('messages').push(['second'])
  const later = Y.encodeStateAsUpdate(source, sv)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, later)
  expect(doc.store.pendingStructs).not.toBeNull()
  expect(encodeUpdate(doc)).toEqual(Y.encodeStateAsUpdate(doc))
})

test("planning an imported conversation never calls the platform's TextEncoder (one call per string left garbage in Chromium's Blink heap)", () => {
  const encodeInto = vi.spyOn(TextEncoder.prototype, 'encodeInto')
  const encode = vi.spyOn(TextEncoder.prototype, 'encode')
  const messages = Array.from({ length: 50 }, (_, i): Message => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `m${i}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: `message ${i}: ${'naïve café ☕ 😀 '.repeat(i === 7 ? 2000 : 3)}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    deviceId: 'import:chatgpt',
    speaker: null,
    replyTo: null,
    error: null,
  }))
  const conversation = {
    id: 'c1',
    title: 'Trip',
    createdAt: messages[0]!.createdAt,
    updatedAt: messages.at(-1)!.createdAt,
    deletedAt: null,
    messages,
    yjs: null,
  }
  const plan = [...freshConversationPlans(conversation, new Set())][0]
  expect(plan?.rows.messages).toHaveLength(50)
  expect(encodeInto).not.toHaveBeenCalled()
  expect(encode).not.toHaveBeenCalled()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, plan!.update)
  expect(doc.getArray('messages').toArray()).toEqual(messages)
})
