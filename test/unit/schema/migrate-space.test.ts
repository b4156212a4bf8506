import { describe, expect, it } from 'vitest'
import { migrateSpaceSnapshot, type MigratedSpace } from '../../support/schema/migrate-space'
import { loadConversationEntry, loadMemoryItem, loadMessage } from '../../../shared/schema/migrate'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { contentHash, readFixture } from './fixtures'

/** Each released version's fixture is frozen: changing one means a new version, not an edit. */
const FROZEN = {
  'space.v1.json': '179ffafc5b7a8a9f7de41583b09fb98149b9119c153164f8c91009165f88390d',
  'space.v2.json': 'd282dee56b8ba7cf3a24b9ec90caf2524db5ef0317accd976a03b2517d8ccc75',
}

function migrated(name: string): Extract<MigratedSpace, { type: 'current' }> {
  const r = migrateSpaceSnapshot(readFixture(name))
  if (!r.ok) throw new Error(r.error.message)
  if (r.value.type !== 'current') throw new Error('expected the current version')
  return r.value
}

describe('frozen fixtures', () => {
  it.each(Object.entries(FROZEN))('%s is unchanged', (name, hash) => {
    expect(contentHash(name)).toBe(hash)
  })
})

describe('space.v1.json migrated to the current version', () => {
  const m = migrated('space.v1.json')
  const { snapshot } = m

  it('reports where it came from and loses nothing', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2)
    expect(m.migratedFrom).toBe(1)
    expect(m.unreadable).toEqual([])
    expect(m.future).toEqual([])
  })

  it('space meta', () => {
    expect(snapshot.meta).toEqual({
      schemaVersion: 2,
      kind: 'space',
      id: 'fixture-space-v1',
      name: "Alex's memory",
      createdAt: '2026-01-05T09:00:00.000Z',
    })
  })

  it('fact: typed, with provenance and validity, unknown key kept', () => {
    expect(snapshot.memory['f-pgvector']).toEqual({
      schemaVersion: 2,
      id: 'f-pgvector',
      kind: 'fact',
      text: 'I prefer pgvector over Pinecone',
      category: 'general',
      createdAt: '2026-01-05T09:01:00.000Z',
      confirmedAt: '2026-01-05T09:01:00.000Z',
      source: { conversationId: null, messageId: 'm-1' },
      validFrom: '2026-01-05T09:01:00.000Z',
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
      pinned: true,
    })
  })

  it('preference: key and value kept, text and category derived', () => {
    expect(snapshot.memory['p-timezone']).toEqual({
      schemaVersion: 2,
      id: 'p-timezone',
      kind: 'preference',
      key: 'timezone',
      value: 'America/New_York',
      text: 'timezone: America/New_York',
      category: 'timezone',
      createdAt: '2026-01-05T09:02:00.000Z',
      confirmedAt: '2026-01-05T09:02:00.000Z',
      source: { conversationId: null, messageId: 'm-3' },
      validFrom: '2026-01-05T09:02:00.000Z',
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
    })
  })

  it('task: description becomes text, status becomes taskStatus', () => {
    expect(snapshot.memory['t-bench']).toEqual({
      schemaVersion: 2,
      id: 't-bench',
      kind: 'task',
      text: 'benchmarking hybrid search accuracy',
      category: 'task',
      taskStatus: 'in_progress',
      lastAction: 'ran the BM25 baseline',
      createdAt: '2026-01-06T17:30:00.000Z',
      confirmedAt: '2026-01-06T17:30:00.000Z',
      source: null,
      validFrom: '2026-01-06T17:30:00.000Z',
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
    })
  })

  it('issue: openedAt becomes the confirmation and validity start, unresolved', () => {
    expect(snapshot.memory['i-ci']).toEqual({
      schemaVersion: 2,
      id: 'i-ci',
      kind: 'issue',
      text: 'The CI runner keeps timing out',
      category: 'issue',
      createdAt: '2026-01-06T18:00:00.000Z',
      confirmedAt: '2026-01-06T18:00:00.000Z',
      source: null,
      validFrom: '2026-01-06T18:00:00.000Z',
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
      resolvedAt: null,
    })
  })

  it('conversation list: one entry per document, titled by its first user message', () => {
    expect(snapshot.conversations).toEqual({
      'c-setup': {
        schemaVersion: 2,
        id: 'c-setup',
        title: 'Remember that I prefer pgvector over Pinecone',
        createdAt: '2026-01-05T09:01:00.000Z',
        updatedAt: '2026-01-05T09:02:01.000Z',
        deletedAt: null,
      },
      'c-work': {
        schemaVersion: 2,
        id: 'c-work',
        title: "I'm benchmarking hybrid search accuracy",
        createdAt: '2026-01-06T17:29:00.000Z',
        updatedAt: '2026-01-06T17:29:01.000Z',
        deletedAt: null,
      },
    })
  })

  it('conversation documents get meta; messages get speaker, replyTo and error', () => {
    const setup = snapshot.conversationDocs['c-setup']!
    expect(setup.meta).toEqual({
      schemaVersion: 2,
      kind: 'conversation',
      id: 'c-setup',
      createdAt: '2026-01-05T09:01:00.000Z',
    })
    expect(setup.messages).toHaveLength(4)
    expect(setup.messages[1]).toEqual({
      schemaVersion: 2,
      id: 'm-2',
      role: 'assistant',
      text: "Got it — I'll remember that you prefer pgvector over Pinecone.",
      createdAt: '2026-01-05T09:01:01.000Z',
      deviceId: 'laptop-a',
      speaker: null,
      replyTo: null,
      error: null,
      model: 'offline',
    })
    expect(
      snapshot.conversationDocs['c-work']!.messages.map((m) => (m as { id: string }).id),
    ).toEqual(['m-5', 'm-6'])
  })

  it('every record of the result reads as current with no further migration', () => {
    for (const raw of Object.values(snapshot.memory)) {
      const r = loadMemoryItem(raw)
      expect(r.ok && r.value.type === 'current' && r.value.migratedFrom).toBe(null)
    }
    for (const raw of Object.values(snapshot.conversations)) {
      const r = loadConversationEntry(raw)
      expect(r.ok && r.value.type === 'current' && r.value.migratedFrom).toBe(null)
    }
    for (const doc of Object.values(snapshot.conversationDocs)) {
      for (const raw of doc.messages) {
        const r = loadMessage(raw)
        expect(r.ok && r.value.type === 'current' && r.value.migratedFrom).toBe(null)
      }
    }
  })

  it('is pure: migrating twice gives the same result, and the result migrates to itself', () => {
    expect(migrated('space.v1.json')).toEqual(m)
    const again = migrateSpaceSnapshot(structuredClone(snapshot))
    expect(again.ok && again.value.type === 'current' && again.value.snapshot).toEqual(snapshot)
  })
})

describe('space.v2.json (the current version) read back', () => {
  const m = migrated('space.v2.json')
  const fixture = readFixture('space.v2.json')

  it('is unchanged, record for record, with the newer record carried verbatim', () => {
    expect(m.migratedFrom).toBe(null)
    expect(m.unreadable).toEqual([])
    expect(m.future).toEqual([{ origin: 'memory', recordId: 'f-from-v3', schemaVersion: 3 }])
    expect(m.snapshot).toEqual(fixture)
  })

  it('supersession chain, retraction and resolution read field by field', () => {
    const ny = loadMemoryItem(m.snapshot.memory['p-tz-ny'])
    const berlin = loadMemoryItem(m.snapshot.memory['p-tz-berlin'])
    const retracted = loadMemoryItem(m.snapshot.memory['f-old-job'])
    const issue = loadMemoryItem(m.snapshot.memory['i-ci'])
    if (!ny.ok || ny.value.type !== 'current') throw new Error('ny unreadable')
    if (!berlin.ok || berlin.value.type !== 'current') throw new Error('berlin unreadable')
    if (!retracted.ok || retracted.value.type !== 'current') throw new Error('retracted unreadable')
    if (!issue.ok || issue.value.type !== 'current') throw new Error('issue unreadable')
    expect(ny.value.value.status).toBe('superseded')
    expect(ny.value.value.validTo).toBe('2026-11-02T10:00:00.000Z')
    expect(ny.value.value.supersededBy).toBe('p-tz-berlin')
    expect(berlin.value.value.supersedes).toBe('p-tz-ny')
    expect(berlin.value.value.validFrom).toBe(ny.value.value.validTo)
    expect(berlin.value.value.source).toEqual({ conversationId: 'c-2', messageId: 'm-5' })
    expect(retracted.value.value.status).toBe('retracted')
    expect(retracted.value.value.retractedBy).toBe('user')
    expect(retracted.value.value.retractedAt).toBe('2026-04-01T12:00:00.000Z')
    expect(issue.value.value.kind === 'issue' && issue.value.value.resolvedAt).toBe(
      '2026-10-03T09:00:00.000Z',
    )
  })

  it('unknown keys at every level survive: item, source, entry, message, error', () => {
    expect(m.snapshot.memory['f-pgvector']).toMatchObject({
      embeddingModel: 'bge-small-en',
      tags: ['databases', { weight: 0.5 }],
      source: { quote: 'pgvector over Pinecone' },
    })
    expect(m.snapshot.conversations['c-2']).toMatchObject({ pinned: true })
    const c1 = m.snapshot.conversationDocs['c-1']!.messages
    expect(c1[2]).toMatchObject({ tokens: 17 })
    const c2 = m.snapshot.conversationDocs['c-2']!.messages
    expect(c2[1]).toMatchObject({ error: { retryAfter: 30 } })
  })
})

describe('what migration does with bad and newer data', () => {
  it('a record that fails after migration is reported with its path and kept verbatim', () => {
    const space = readFixture('space.v1.json') as { memory: Record<string, unknown> }
    const broken = {
      schemaVersion: 1,
      id: 'bad',
      kind: 'fact',
      text: 'no date',
      sourceMessageId: 'x',
    }
    space.memory.bad = broken
    const r = migrateSpaceSnapshot(space)
    if (!r.ok || r.value.type !== 'current') throw new Error('expected a migrated space')
    expect(r.value.unreadable).toEqual([
      {
        origin: 'memory',
        recordId: 'bad',
        raw: broken,
        path: 'confirmedAt',
        reason: expect.stringContaining('as schema v1: confirmedAt'),
      },
    ])
    expect(r.value.snapshot.memory.bad).toEqual(broken)
    expect(Object.keys(r.value.snapshot.memory)).toHaveLength(5)
  })

  it('a message without an id is reported by its position', () => {
    const space = readFixture('space.v2.json') as {
      conversationDocs: Record<string, { messages: unknown[] }>
    }
    space.conversationDocs['c-1']!.messages.push({ schemaVersion: 2, text: 'lost id' })
    const r = migrateSpaceSnapshot(space)
    if (!r.ok || r.value.type !== 'current') throw new Error('expected a migrated space')
    expect(r.value.unreadable.map((u) => [u.origin, u.recordId, u.path])).toEqual([
      ['conversation:c-1', '#3', 'id'],
    ])
  })

  it('a space laid out by a newer build is returned untouched', () => {
    const raw = { meta: { schemaVersion: 7 }, whatever: true }
    const r = migrateSpaceSnapshot(raw)
    expect(r).toEqual({ ok: true, value: { type: 'future', schemaVersion: 7, raw } })
  })

  it('a broken layout is an error that names the path', () => {
    const r = migrateSpaceSnapshot({ meta: { schemaVersion: 1, id: 's', createdAt: 'yesterday' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.path).toBe('space.meta.createdAt')
    const none = migrateSpaceSnapshot('not a space')
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.error.path).toBe('space')
  })

  it('a v2 conversation document written before documents carried meta gets one', () => {
    const space = readFixture('space.v2.json') as {
      conversationDocs: Record<string, { meta?: unknown }>
    }
    delete space.conversationDocs['c-2']!.meta
    const r = migrateSpaceSnapshot(space)
    if (!r.ok || r.value.type !== 'current') throw new Error('expected a migrated space')
    expect(r.value.snapshot.conversationDocs['c-2']!.meta).toEqual({
      schemaVersion: 2,
      kind: 'conversation',
      id: 'c-2',
      createdAt: '2026-11-02T10:00:00.000Z',
    })
  })
})
