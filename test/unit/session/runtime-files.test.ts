import 'fake-indexeddb/auto'
import { chatGptShardedZip, claudeZip } from '../../fixtures/imports/export-zips'
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { Dexie } from 'dexie'
import {
  editItem,
  rememberFact,
  retractItem,
  setPreference,
} from '../../../renderer/runtime/memory/memory-ops'
import { BACKUP_KEY } from '../../../renderer/runtime/files/import-session'
import { exportSession } from '../../../renderer/runtime/files/export-session'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import type { Space } from '../../../renderer/runtime/space/space'
import { exportBytes, importBytes, observe, openSpace, profile } from './runtime-harness'

const user = { now: new Date('2026-05-01T09:00:00.000Z'), actor: 'user', source: null }

let tick = Date.parse('2026-05-01T10:00:00.000Z')
function message(
  text: string,
  role: Message['role'] = 'user',
  speaker: string | null = null,
): Message {
  tick += 1000
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    role,
    text,
    createdAt: new Date(tick).toISOString(),
    deviceId: 'device-a',
    speaker,
    replyTo: null,
    error: null,
  }
}

/** A space with preferences (one superseded), a retracted fact, a trashed conversation and two logs. */
async function filledSpace(): Promise<Space> {
  const space = await openSpace()
  await space.changeMemory((doc) => ({
    ok: true,
    value: setPreference(doc, 'vector store', 'Pinecone', 'I prefer Pinecone', user),
  }))
  await space.changeMemory((doc) => ({
    ok: true,
    value: setPreference(doc, 'vector store', 'pgvector', 'I prefer pgvector over Pinecone', user),
  }))
  const fact = await space.changeMemory((doc) => ({
    ok: true,
    value: rememberFact(doc, 'My timezone is America/New_York', 'general', user),
  }))
  if (!fact.ok) throw new Error(fact.error.message)
  await space.changeMemory((doc) =>
    editItem(doc, fact.value.id, 'My timezone is Europe/Paris', user),
  )
  const gone = await space.changeMemory((doc) => ({
    ok: true,
    value: rememberFact(doc, 'I like tea', 'general', user),
  }))
  if (gone.ok) await space.changeMemory((doc) => retractItem(doc, gone.value.id, user))
  const a = await space.createConversation('Benchmarks', new Date(tick))
  const b = await space.createConversation('Old chat', new Date(tick))
  if (!a.ok || !b.ok) throw new Error('could not create conversations')
  await space.append(a.value.id, [
    message('I am benchmarking hybrid search'),
    message('Noted.', 'assistant'),
  ])
  await space.append(a.value.id, [message('Recall@10 is 61')])
  await space.append(b.value.id, [message('hello', 'user', 'Caroline')])
  await space.updateConversation(b.value.id, { deletedAt: new Date(tick).toISOString() })
  await space.settle()
  return space
}

describe.each(['json', 'msgpack'] as const)('export and import (%s)', (encoding) => {
  test('importing as a new space gives the same memory, history and conversations', async () => {
    const source = await filledSpace()
    const bytes = await exportBytes(source, encoding)
    const p = await profile()
    const r = await importBytes(
      p.target(),
      `a.${encoding === 'json' ? 'keepsake.json' : 'keepsake'}`,
      bytes,
      'new-space',
    )
    expect(r.ok && r.value.switched).toBe(true)
    expect(p.space().id).not.toBe(source.id)
    expect(await observe(p.space())).toBe(await observe(source))
  })

  test('merging the same file again adds nothing', async () => {
    const source = await filledSpace()
    const bytes = await exportBytes(source, encoding)
    const p = await profile()
    const first = await importBytes(p.target(), 'x', bytes, 'merge')
    expect(first.ok && first.value.messagesAdded).toBe(4)
    const once = await observe(p.space())
    const again = await importBytes(p.target(), 'x', bytes, 'merge')
    expect(again.ok && [again.value.messagesAdded, again.value.memoryWritten]).toEqual([0, 0])
    expect(await observe(p.space())).toBe(once)
    // Merging a space's export into that same space is a no-op too.
    const before = await observe(source)
    const self = await importBytes({ ...p.target(), space: source }, 'x', bytes, 'merge')
    expect(self.ok && self.value.messagesAdded).toBe(0)
    expect(await observe(source)).toBe(before)
  })
})

test('a merge keeps the space its own name and id, and the merged space survives reopening', async () => {
  const source = await filledSpace()
  const bytes = await exportBytes(source, 'msgpack')
  const p = await profile()
  const local = await p.space().createConversation('Mine', new Date(tick))
  expect(local.ok).toBe(true)
  const r = await importBytes(p.target(), 'x.keepsake', bytes, 'merge')
  expect(r.ok).toBe(true)
  expect(p.space().state.doc.getMap('meta').get('id')).toBe(p.space().id)
  expect(p.space().name).toBe('Test memory')
  const merged = await observe(p.space())
  const reopened = await openSpace(p.space().id)
  expect(await observe(reopened)).toBe(merged)
  expect((await reopened.summaries()).map((s) => s.title).sort()).toEqual([
    'Benchmarks',
    'Mine',
    'Old chat',
  ])
})

test('replace writes a backup of the replaced space first, then removes it', async () => {
  const source = await filledSpace()
  const bytes = await exportBytes(source, 'json')
  const p = await profile()
  const old = p.space()
  await old.createConversation('About to be replaced', new Date(tick))
  await old.settle()
  const oldState = await observe(old)
  const r = await importBytes(p.target(), 'x.keepsake.json', bytes, 'replace')
  if (!r.ok) throw new Error(r.error.message)
  expect(r.value.backup?.fileName).toMatch(/-backup\.keepsake$/)
  expect(await observe(p.space())).toBe(await observe(source))
  expect(await p.registry.spaces.get(old.id)).toBeUndefined()
  expect(await Dexie.exists(old.db.name)).toBe(false)
  // The backup restores the replaced space.
  const row = await p.space().db.kv.get(BACKUP_KEY)
  const backup = (row?.value as { bytes: Uint8Array }).bytes
  const q = await profile()
  expect((await importBytes(q.target(), 'b.keepsake', backup, 'new-space')).ok).toBe(true)
  expect(await observe(q.space())).toBe(oldState)
})

test('a file that fails validation changes nothing', async () => {
  const source = await filledSpace()
  const bytes = await exportBytes(source, 'json')
  const envelope = JSON.parse(new TextDecoder().decode(bytes)) as {
    conversations: { title: string; messages: { createdAt: string }[] }[]
  }
  const at = envelope.conversations.findIndex((c) => c.title === 'Benchmarks')
  const target = envelope.conversations[at]?.messages[1]
  if (!target) throw new Error('fixture changed')
  target.createdAt = 'yesterday'
  const text = JSON.stringify(envelope)
  const p = await profile()
  const before = await observe(p.space())
  const spaces = await p.registry.spaces.count()
  for (const mode of ['merge', 'new-space', 'replace'] as const) {
    const r = await importBytes(
      p.target(),
      'bad.keepsake.json',
      new TextEncoder().encode(text),
      mode,
    )
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.message).toContain(
        `conversations[${at}].messages[1].createdAt: expected an ISO date`,
      )
  }
  expect(await observe(p.space())).toBe(before)
  expect(await p.registry.spaces.count()).toBe(spaces)
})

test('one conversation exports with its memory and merges by id', async () => {
  const source = await filledSpace()
  const [conversation] = (await source.summaries()).filter((s) => s.title === 'Benchmarks')
  if (!conversation) throw new Error('missing conversation')
  const r = await exportSession(
    source,
    { scope: 'conversation', conversationId: conversation.id },
    'json',
    new Date(),
    () => undefined,
  )
  if (!r.ok) throw new Error(r.error.message)
  expect(r.value.conversations).toBe(1)
  const p = await profile()
  const first = await importBytes(p.target(), 'c.keepsake.json', r.value.bytes, 'merge')
  expect(first.ok && first.value.messagesAdded).toBe(3)
  const once = await observe(p.space())
  const again = await importBytes(p.target(), 'c.keepsake.json', r.value.bytes, 'merge')
  expect(again.ok && again.value.messagesAdded).toBe(0)
  expect(await observe(p.space())).toBe(once)
  const page = await p.space().page(conversation.id, 0, 100)
  expect(page.ok && page.value.map((m) => m.text)).toEqual([
    'I am benchmarking hybrid search',
    'Noted.',
    'Recall@10 is 61',
  ])
})

test('a JSONL transcript imports with its ids, and importing it twice duplicates nothing', async () => {
  const lines = [
    {
      conversation: 'Trip planning',
      role: 'user',
      speaker: 'Caroline',
      text: 'We went to the lake',
      timestamp: '2023-05-08T13:56:00Z',
      id: 'D1:1',
    },
    {
      conversation: 'Trip planning',
      role: 'assistant',
      text: 'Nice!',
      timestamp: '2023-05-08T13:57:00Z',
      id: 'D1:2',
    },
    { conversation: 'other', role: 'user', text: 'hi', timestamp: '2023-05-09T10:00:00+02:00' },
  ]
  const bytes = new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n'))
  const p = await profile()
  const first = await importBytes(p.target(), 'talk.jsonl', bytes, 'merge')
  expect(first.ok && first.value.messagesAdded).toBe(3)
  const once = await observe(p.space())
  await importBytes(p.target(), 'talk.jsonl', bytes, 'merge')
  expect(await observe(p.space())).toBe(once)
  const found = await p.space().findMessage('D1:1')
  expect(found?.message.speaker).toBe('Caroline')
  // The ids survive an export and an import into another profile.
  const q = await profile()
  await importBytes(q.target(), 'x.keepsake', await exportBytes(p.space(), 'msgpack'), 'new-space')
  expect((await q.space().findMessage('D1:2'))?.message.text).toBe('Nice!')
})

test('property: any space round-trips through export and import in both encodings', async () => {
  const text = fc.string({ minLength: 1, maxLength: 40 })
  const spaceShape = fc.record({
    facts: fc.array(text, { maxLength: 4 }),
    prefs: fc.array(fc.tuple(fc.constantFrom('editor', 'store', 'tz'), text), { maxLength: 4 }),
    conversations: fc.array(
      fc.record({
        title: text,
        trashed: fc.boolean(),
        messages: fc.array(
          fc.tuple(
            text,
            fc.constantFrom('user', 'assistant', 'system') as fc.Arbitrary<Message['role']>,
            fc.option(text),
          ),
          { maxLength: 5 },
        ),
      }),
      { maxLength: 3 },
    ),
    encoding: fc.constantFrom('json' as const, 'msgpack' as const),
  })
  await fc.assert(
    fc.asyncProperty(spaceShape, async (shape) => {
      const space = await openSpace()
      for (const f of shape.facts)
        await space.changeMemory((doc) => ({
          ok: true,
          value: rememberFact(doc, f, 'general', user),
        }))
      for (const [key, value] of shape.prefs)
        await space.changeMemory((doc) => ({
          ok: true,
          value: setPreference(doc, key, value, `${key}: ${value}`, user),
        }))
      for (const c of shape.conversations) {
        const created = await space.createConversation(c.title, new Date(tick))
        if (!created.ok) throw new Error(created.error.message)
        if (c.messages.length > 0)
          await space.append(
            created.value.id,
            c.messages.map(([t, role, speaker]) => message(t, role, speaker)),
          )
        if (c.trashed)
          await space.updateConversation(created.value.id, {
            deletedAt: new Date(tick).toISOString(),
          })
      }
      const p = await profile()
      const r = await importBytes(
        p.target(),
        'x',
        await exportBytes(space, shape.encoding),
        'new-space',
      )
      expect(r.ok).toBe(true)
      expect(await observe(p.space())).toBe(await observe(space))
    }),
    { numRuns: 12 },
  )
})

test("ChatGPT's conversations.json imports from the Files dialog's path, and twice adds nothing", async () => {
  const { readFileSync } = await import('node:fs')
  const bytes = new Uint8Array(
    readFileSync(new URL('../../fixtures/session/chatgpt-conversations.json', import.meta.url)),
  )
  const p = await profile()
  const first = await importBytes(p.target(), 'conversations.json', bytes, 'merge')
  expect(first.ok && [first.value.kind, first.value.messagesAdded]).toEqual(['chatgpt', 7])
  const once = await observe(p.space())
  const again = await importBytes(p.target(), 'conversations.json', bytes, 'merge')
  expect(again.ok && again.value.messagesAdded).toBe(0)
  expect(await observe(p.space())).toBe(once)
  expect((await p.space().findMessage('msg-user-2b'))?.message.text).toBe(
    "[image]\nI'll go with pgvector then.",
  )
})

test('ChatGPT and Claude zips import through the runtime with their report, and again add nothing', async () => {
  const p = await profile()
  for (const [name, bytes, added] of [
    ['chatgpt-export.zip', chatGptShardedZip(), 27],
    ['claude-export.zip', claudeZip(), 8],
  ] as const) {
    const first = await importBytes(p.target(), name, bytes, 'merge')
    if (!first.ok) throw new Error(first.error.message)
    expect([first.value.messagesAdded, first.value.report.messages]).toEqual([added, added])
    const again = await importBytes(p.target(), name, bytes, 'merge')
    expect(again.ok && again.value.messagesAdded).toBe(0)
  }
  // A tool step is stored as one: its extension key survives the write and the read back.
  const step = await p.space().findMessage('gpt-c1')
  expect(step?.message.tool).toEqual({ kind: 'call', name: 'web.run' })
  expect(step?.message.sourceCreatedAt).toBe('2025-03-01T12:00:12.000Z')
})
