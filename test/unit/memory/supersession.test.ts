import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  editItem,
  forget,
  historyOf,
  retractItem,
  setPreference,
  rememberFact,
  type ChangeContext,
} from '../../../renderer/runtime/memory/memory-ops'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'

const ctx = (iso: string, actor = 'assistant', messageId = 'm'): ChangeContext => ({
  now: new Date(iso),
  actor,
  source: { conversationId: 'c1', messageId },
})

describe('supersession, not deletion', () => {
  it('a contradicting statement closes the old item and links its successor', () => {
    const doc = new Y.Doc()
    const ny = setPreference(
      doc,
      'timezone',
      'America/New_York',
      'My timezone is America/New_York',
      ctx('2026-03-01T08:00:00.000Z', 'assistant', 'm1'),
    )
    const berlin = setPreference(
      doc,
      'Timezone',
      'Europe/Berlin',
      'My timezone is Europe/Berlin',
      ctx('2026-11-02T10:00:00.000Z', 'assistant', 'm2'),
    )
    const items = new Map(readMemory(doc).items.map((i) => [i.id, i]))
    expect(items.size).toBe(2)
    expect(items.get(ny.id)).toMatchObject({
      status: 'superseded',
      validFrom: '2026-03-01T08:00:00.000Z',
      validTo: '2026-11-02T10:00:00.000Z',
      supersededBy: berlin.id,
      source: { conversationId: 'c1', messageId: 'm1' },
    })
    expect(items.get(berlin.id)).toMatchObject({
      status: 'active',
      value: 'Europe/Berlin',
      validFrom: '2026-11-02T10:00:00.000Z',
      validTo: null,
      supersedes: ny.id,
      source: { conversationId: 'c1', messageId: 'm2' },
    })
    // The chain the History button shows: newest first, each with its validity.
    expect(
      historyOf(doc, berlin.id).map((i) => [i.kind === 'preference' && i.value, i.validTo]),
    ).toEqual([
      ['Europe/Berlin', null],
      ['America/New_York', '2026-11-02T10:00:00.000Z'],
    ])
  })

  it('saying the same thing again re-confirms instead of superseding', () => {
    const doc = new Y.Doc()
    const a = setPreference(doc, 'timezone', 'Europe/Berlin', 'x', ctx('2026-01-01T00:00:00.000Z'))
    const b = setPreference(doc, 'timezone', 'europe/berlin', 'x', ctx('2026-02-01T00:00:00.000Z'))
    expect(b.id).toBe(a.id)
    expect(b.confirmedAt).toBe('2026-02-01T00:00:00.000Z')
    expect(readMemory(doc).items).toHaveLength(1)
  })

  it('an edit keeps the old wording as history', () => {
    const doc = new Y.Doc()
    const a = rememberFact(doc, 'I use pgvecter', 'general', ctx('2026-01-01T00:00:00.000Z'))
    const b = editItem(doc, a.id, 'I use pgvector', ctx('2026-01-02T00:00:00.000Z', 'user'))
    if (!b.ok) throw new Error(b.error.message)
    expect(historyOf(doc, b.value.id).map((i) => [i.text, i.status])).toEqual([
      ['I use pgvector', 'active'],
      ['I use pgvecter', 'superseded'],
    ])
  })

  it('a retracted item stays, with who retracted it and when', () => {
    const doc = new Y.Doc()
    const a = rememberFact(doc, 'I work at Initech', 'work', ctx('2026-01-01T00:00:00.000Z'))
    expect(retractItem(doc, a.id, ctx('2026-04-01T12:00:00.000Z', 'user')).ok).toBe(true)
    const b = rememberFact(doc, 'I work at Globex', 'work', ctx('2026-04-02T12:00:00.000Z'))
    expect(forget(doc, 'work at Globex', ctx('2026-04-03T12:00:00.000Z', 'assistant')).ok).toBe(
      true,
    )
    const items = new Map(readMemory(doc).items.map((i) => [i.id, i]))
    expect(items.get(a.id)).toMatchObject({
      status: 'retracted',
      retractedBy: 'user',
      retractedAt: '2026-04-01T12:00:00.000Z',
      validTo: '2026-04-01T12:00:00.000Z',
    })
    expect(items.get(b.id)).toMatchObject({ status: 'retracted', retractedBy: 'assistant' })
  })
})
