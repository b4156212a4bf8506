import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { readSessionFile } from '../../../shared/session/session-file'
import { readSpaceDoc } from '../../../shared/session/yjs-docs'
import { comparable } from './session-builders'
import { importBytes, profile } from './runtime-harness'

/** Every released format version has a frozen fixture here; each must keep importing. */
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/session/${name}`, import.meta.url)))

async function read(name: string) {
  const r = await readSessionFile(fixture(name), nodeGzip)
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return r.value
}

test('format v1 (JSON and msgpack) reads the same space', async () => {
  const json = await read('format-v1.keepsake.json')
  const msgpack = await read('format-v1.keepsake')
  expect([json.formatVersion, json.schemaVersion, json.encoding, msgpack.encoding]).toEqual([
    1,
    2,
    'json',
    'msgpack',
  ])
  expect(comparable(msgpack.data)).toBe(comparable(json.data))
  const { data } = json
  expect(data.memory.map((m) => [m.kind, m.status, m.text])).toEqual([
    ['preference', 'superseded', 'I prefer Pinecone for vector search'],
    ['preference', 'active', 'I prefer pgvector over Pinecone'],
    ['task', 'active', 'Benchmark hybrid search accuracy'],
    ['preference', 'active', 'My timezone is America/New_York'],
    ['fact', 'retracted', 'I drink green tea'],
    ['fact', 'superseded', 'My laptop is a ThinkPad'],
    ['fact', 'active', 'My laptop is a ThinkPad X1'],
    ['issue', 'active', 'Recall@10 drops on long conversations'],
  ])
  expect(data.conversations.map((c) => [c.title, c.messages.length, c.deletedAt !== null])).toEqual(
    [
      ['Vector stores', 6, false],
      ['Old notes', 2, true],
    ],
  )
  expect(data.quarantine.map((q) => q.recordId)).toEqual(['broken-1'])
  // Documents that hold exactly their messages can be stored as they are on import.
  expect(data.conversations.filter((c) => json.exactLogs.has(c.id)).length).toBe(2)
})

test.each(['format-v1.keepsake.json', 'format-v1.keepsake'])(
  '%s imports as a new space with its history, quarantine and logs',
  async (name) => {
    const p = await profile()
    const r = await importBytes(p.target(), name, fixture(name), 'new-space')
    if (!r.ok) throw new Error(r.error.message)
    const space = p.space()
    const memory = readSpaceDoc(space.state.doc).memory
    const active = [...memory.values()]
      .filter((m) => m.status === 'active')
      .map((m) => m.text)
      .sort()
    expect(active).toEqual([
      'Benchmark hybrid search accuracy',
      'I prefer pgvector over Pinecone',
      'My laptop is a ThinkPad X1',
      'My timezone is America/New_York',
      'Recall@10 drops on long conversations',
    ])
    const summaries = await space.summaries()
    expect(summaries.map((s) => [s.title, s.messageCount]).sort()).toEqual([
      ['Old notes', 2],
      ['Vector stores', 6],
    ])
    const vectors = summaries.find((s) => s.title === 'Vector stores')
    const page = vectors ? await space.page(vectors.id, 0, 10) : null
    expect(page?.ok && page.value[2]?.text).toBe('Actually I prefer pgvector over Pinecone')
    // The record that failed validation is still shown, never dropped.
    expect((await space.db.quarantine.toArray()).map((q) => q.recordId)).toContain('broken-1')
    expect(space.state.doc.getMap('memory').has('broken-1')).toBe(true)
  },
)

test('format v1 with schema v1 records migrates them through the memory model chain', async () => {
  const r = await read('format-v1-schema-v1.keepsake.json')
  expect([r.formatVersion, r.schemaVersion, r.migratedRecords]).toEqual([1, 1, 7])
  // It carries no Yjs states (the import builds the documents), so none is stored as it is.
  expect(r.exactLogs.size).toBe(0)
  const [fact, pref, task, issue] = r.data.memory
  expect(fact).toMatchObject({
    schemaVersion: 2,
    kind: 'fact',
    status: 'active',
    validFrom: '2025-10-01T09:05:00.000Z',
    source: { conversationId: null, messageId: 'msg-1' },
  })
  expect(pref).toMatchObject({
    kind: 'preference',
    key: 'vector store',
    value: 'pgvector',
    text: 'vector store: pgvector',
    note: 'a key this build does not know rides along',
  })
  expect(task).toMatchObject({
    kind: 'task',
    taskStatus: 'in_progress',
    lastAction: 'ran BM25 on the dev half',
    text: 'Compare BM25 with the dense retriever',
  })
  expect(issue).toMatchObject({
    kind: 'issue',
    resolvedAt: null,
    text: 'Recall drops on long conversations',
  })
  expect(
    r.data.conversations[0]?.messages.map((m) => [m.schemaVersion, m.speaker, m.replyTo, m.error]),
  ).toEqual([
    [2, null, null, null],
    [2, null, null, null],
    [2, null, null, null],
  ])
  const p = await profile()
  const imported = await importBytes(
    p.target(),
    'old.keepsake.json',
    fixture('format-v1-schema-v1.keepsake.json'),
    'merge',
  )
  expect(imported.ok && [imported.value.migratedRecords, imported.value.messagesAdded]).toEqual([
    7, 3,
  ])
  expect((await p.space().findMessage('msg-3'))?.message.text).toBe(
    'I prefer pgvector over Pinecone',
  )
})

test.each(['format-v2.keepsake.json', 'format-v2.keepsake'])(
  '%s (a conversation in segments) imports as a new space with each segment as it was',
  async (name) => {
    const file = await read(name)
    expect(file.formatVersion).toBe(2)
    const log = file.data.conversations.find((c) => c.title === 'Migration log')
    expect(log?.segments?.map((s) => [s.n, s.count])).toEqual([
      [0, 2],
      [1, 2],
    ])
    expect(file.exactLogs.has(log?.id ?? '')).toBe(true)
    const p = await profile()
    const r = await importBytes(p.target(), name, fixture(name), 'new-space')
    if (!r.ok) throw new Error(r.error.message)
    const space = p.space()
    const summaries = await space.summaries()
    const id = summaries.find((s) => s.title === 'Migration log')?.id ?? ''
    const page = await space.page(id, 0, 10)
    expect(page.ok && page.value.map((m) => m.text)).toEqual([
      'We start moving the search index to pgvector today',
      'Noted: pgvector migration started',
      'Half the embeddings are copied',
      'Noted: halfway',
      'The migration is done and recall held at 0.81',
      'Noted: migration done',
    ])
    expect(await space.segments(id)).toEqual([0, 1])
    const groceries = summaries.find((s) => s.title === 'Groceries')
    expect(groceries?.messageCount).toBe(1)
  },
)
