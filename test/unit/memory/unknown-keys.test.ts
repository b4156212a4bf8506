import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { memoryMap, readMemory } from '../../../renderer/runtime/memory/memory-doc'
import {
  confirmItem,
  editItem,
  retractItem,
  setPreference,
  type ChangeContext,
} from '../../../renderer/runtime/memory/memory-ops'
import { itemWithUnknownKeys } from '../schema/arbitraries'

const ctx = (iso: string): ChangeContext => ({
  now: new Date(iso),
  actor: 'user',
  source: { conversationId: 'c1', messageId: 'm9' },
})

/** Sends everything `from` has to a fresh document, as sync does. */
function synced(from: Y.Doc): Y.Doc {
  const to = new Y.Doc()
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from))
  return to
}

/** A record written by a newer v2 build: every known field, plus fields this build has never heard of. */
const future = {
  schemaVersion: 2,
  id: 'f-1',
  kind: 'fact',
  text: 'I prefer pgvector over Pinecone',
  category: 'general',
  createdAt: '2026-03-01T08:02:00.000Z',
  confirmedAt: '2026-03-01T08:02:00.000Z',
  source: { conversationId: 'c-1', messageId: 'm-2', quote: 'pgvector' },
  validFrom: '2026-03-01T08:02:00.000Z',
  validTo: null,
  status: 'active',
  supersedes: null,
  supersededBy: null,
  retractedAt: null,
  retractedBy: null,
  embedding: { model: 'bge-small-en', dims: 384 },
  tags: ['databases'],
}

const stored = (doc: Y.Doc, id: string): Record<string, unknown> =>
  memoryMap(doc).get(id) as Record<string, unknown>

describe('unknown keys written by a newer build are kept', () => {
  it('when the item is confirmed, then synced to another device', () => {
    const doc = new Y.Doc()
    memoryMap(doc).set('f-1', future)
    const r = doc.transact(() => confirmItem(doc, 'f-1', ctx('2026-11-01T00:00:00.000Z')))
    expect(r.ok).toBe(true)
    const other = synced(doc)
    expect(stored(other, 'f-1')).toEqual({ ...future, confirmedAt: '2026-11-01T00:00:00.000Z' })
  })

  it('when the item is edited: the superseded version keeps them, and so does its successor', () => {
    const doc = new Y.Doc()
    memoryMap(doc).set('f-1', future)
    const r = editItem(doc, 'f-1', 'I prefer pgvector', ctx('2026-11-01T00:00:00.000Z'))
    if (!r.ok) throw new Error(r.error.message)
    const other = synced(doc)
    expect(stored(other, 'f-1')).toMatchObject({
      embedding: future.embedding,
      tags: future.tags,
      source: future.source,
      status: 'superseded',
      supersededBy: r.value.id,
    })
    expect(stored(other, r.value.id)).toMatchObject({
      embedding: future.embedding,
      tags: future.tags,
    })
  })

  it('when the item is retracted', () => {
    const doc = new Y.Doc()
    memoryMap(doc).set('f-1', future)
    expect(retractItem(doc, 'f-1', ctx('2026-11-01T00:00:00.000Z')).ok).toBe(true)
    expect(stored(synced(doc), 'f-1')).toMatchObject({
      embedding: future.embedding,
      status: 'retracted',
      retractedBy: 'user',
    })
  })

  it('when a preference is superseded by a new statement', () => {
    const doc = new Y.Doc()
    const old = {
      ...future,
      id: 'p-1',
      kind: 'preference',
      key: 'timezone',
      value: 'America/New_York',
      text: 'My timezone is America/New_York',
    }
    memoryMap(doc).set('p-1', old)
    const next = setPreference(
      doc,
      'timezone',
      'Europe/Berlin',
      'My timezone is Europe/Berlin',
      ctx('2026-11-02T10:00:00.000Z'),
    )
    expect(stored(synced(doc), 'p-1')).toMatchObject({
      embedding: future.embedding,
      status: 'superseded',
      validTo: '2026-11-02T10:00:00.000Z',
      supersededBy: next.id,
    })
  })

  it('for any valid item with any extra keys, through confirm and a Yjs encode/apply', () => {
    fc.assert(
      fc.property(itemWithUnknownKeys, ({ item, extra }) => {
        const doc = new Y.Doc()
        memoryMap(doc).set(item.id, item)
        if (item.status === 'active') {
          const at = '2099-12-31T00:00:00.000Z'
          expect(confirmItem(doc, item.id, ctx(at)).ok).toBe(true)
          expect(stored(synced(doc), item.id)).toEqual({ ...item, confirmedAt: at })
        } else {
          expect(retractItem(doc, item.id, ctx('2099-12-31T00:00:00.000Z')).ok).toBe(true)
        }
        const other = synced(doc)
        const read = readMemory(other)
        expect(read.unreadable).toEqual([])
        const back = read.items.find((i) => i.id === item.id) as Record<string, unknown>
        for (const [k, v] of Object.entries(extra)) expect(back[k]).toEqual(v)
      }),
      { numRuns: 200 },
    )
  })

  it('a record from a newer schema version is left exactly as it was', () => {
    const v3 = {
      schemaVersion: 3,
      id: 'x',
      kind: 'fact',
      statement: { s: 'user', p: 'likes', o: 'tea' },
    }
    const doc = new Y.Doc()
    memoryMap(doc).set('x', v3)
    setPreference(doc, 'timezone', 'UTC', 'My timezone is UTC', ctx('2026-11-02T10:00:00.000Z'))
    const other = synced(doc)
    expect(readMemory(other).future).toEqual([{ id: 'x', schemaVersion: 3 }])
    expect(stored(other, 'x')).toEqual(v3)
    expect(confirmItem(other, 'x', ctx('2026-11-03T00:00:00.000Z')).ok).toBe(false)
    expect(stored(other, 'x')).toEqual(v3)
  })
})
