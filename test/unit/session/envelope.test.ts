import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { loadSession } from '../../../shared/session/load-session'
import { describeProblem, toResult } from '../../../shared/session/problems'
import { toBase64Chunks } from '../../../shared/session/base64'

const good = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      new URL('../../fixtures/session/format-v1.keepsake.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>
type Envelope = {
  memory: Record<string, unknown>[]
  conversations: { messages: Record<string, unknown>[]; yjs: unknown }[]
  yjs: { space: unknown } | null
}
const problems = (raw: unknown): string[] => {
  const r = loadSession(raw)
  return r.ok ? [] : r.problems.map(describeProblem)
}

test('a valid export loads', () => {
  expect(problems(good())).toEqual([])
})

test('every problem of the frame and of each record is listed with its path', () => {
  const v = good() as unknown as Envelope & Record<string, unknown>
  delete v.exportedAt
  v.scope = 'galaxy'
  const first = v.memory[0]
  if (first) first.validFrom = 'soon'
  const m = v.conversations[1]?.messages[0]
  if (m) m.role = 'robot'
  expect(problems(v)).toEqual([
    'exportedAt: expected an ISO date',
    'scope: Invalid option: expected one of "space"|"conversation"',
  ])
  v.exportedAt = '2026-03-11T12:00:00.000Z'
  v.scope = 'space'
  expect(problems(v)).toEqual([
    'memory[0].validFrom: expected an ISO date',
    'conversations[1].messages[0].role: Invalid option: expected one of "user"|"assistant"|"system"',
  ])
})

test('files from a newer Keepsake are refused as unsupported, not as broken', () => {
  const newer = loadSession({ ...good(), formatVersion: 3 })
  expect(!newer.ok && newer.code).toBe('unsupported-version')
  const schema = toResult(loadSession({ ...good(), schemaVersion: 3 }))
  expect(!schema.ok && schema.error).toEqual({
    code: 'unsupported-version',
    path: 'schemaVersion',
    message:
      'schemaVersion: the file was written by a newer Keepsake (schema v3); this build reads up to schema v2. Update Keepsake to open it.',
  })
  const v = good() as unknown as Envelope
  const record = v.memory[2]
  if (record) record.schemaVersion = 9
  expect(problems(v)).toEqual([
    'memory[2].schemaVersion: written by a newer Keepsake (schema v9); this build reads up to schema v2',
  ])
})

test('unknown keys in the envelope are refused, loudly', () => {
  expect(problems({ ...good(), comment: 'hi' })).toEqual(['Unrecognized key: "comment"'])
})

test('records and the Yjs state must say the same thing', () => {
  const edited = good() as unknown as Envelope
  const item = edited.memory[1]
  if (item) item.text = 'I prefer Qdrant'
  expect(problems(edited)).toEqual([
    'memory[1]: differs from the same item in the space document (yjs.space)',
  ])

  const dropped = good() as unknown as Envelope
  dropped.conversations[0]?.messages.pop()
  expect(problems(dropped)).toEqual([
    'conversations[0].yjs: holds more messages than the file lists (5)',
  ])

  const garbage = good() as unknown as Envelope
  garbage.yjs = { space: toBase64Chunks(new Uint8Array([200, 1, 2, 3, 4])) }
  expect(problems(garbage)[0]).toMatch(/^yjs\.space: not a valid Yjs document state/)

  // An update that depends on changes the file does not carry.
  const a = new Y.Doc()
  a.getArray('messages').push(['x'])
  const before = Y.encodeStateVector(a)
  a.getArray('messages').push(['y'])
  const partial = good() as unknown as Envelope
  const c = partial.conversations[0]
  if (c) c.yjs = toBase64Chunks(Y.encodeStateAsUpdate(a, before))
  expect(problems(partial)).toEqual([
    'conversations[0].yjs: the Yjs state is incomplete: it depends on changes the file does not carry',
  ])
})

test('duplicate ids are refused', () => {
  const v = good() as unknown as Envelope
  v.yjs = null
  for (const c of v.conversations) c.yjs = null
  const m = v.conversations[0]?.messages[0]
  if (m) v.conversations[1]?.messages.push({ ...m })
  expect(problems(v)).toEqual([
    expect.stringMatching(
      /^conversations\[1\]\.messages\[2\]\.id: ".*" is already used by conversations\[0\]\.messages\[0\]$/,
    ),
  ])
})

test('what msgpack carries drops undefined like JSON, and copies only what holds an undefined', async () => {
  const { jsonData } = await import('../../../shared/session/session-data')
  const bytes = new Uint8Array([1, 2])
  const plain = {
    id: 'm1',
    text: 'hi',
    tool: { kind: 'search', name: null },
    parts: [1, 'a'],
    bytes,
  }
  expect(jsonData(plain)).toBe(plain)
  const list = [plain, { id: 'm2' }]
  expect(jsonData(list)).toBe(list)
  const holes = {
    id: 'm3',
    speaker: undefined,
    nested: { a: 1, b: undefined },
    list: [undefined, 2],
  }
  const carried = jsonData(holes)
  expect(carried).toEqual({ id: 'm3', nested: { a: 1 }, list: [null, 2] })
  expect(Object.keys(carried as object)).toEqual(['id', 'nested', 'list'])
  expect(holes.nested).toEqual({ a: 1, b: undefined })
  const mixed = [plain, holes]
  const out = jsonData(mixed) as unknown[]
  expect(out).not.toBe(mixed)
  expect(out[0]).toBe(plain)
  expect(out[1]).toEqual(carried)
})
