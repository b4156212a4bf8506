import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SPACE_DOC_ID,
  checkForWrite,
  conversationDocId,
  conversationOfDoc,
  memoryMap,
  parseDocId,
  segmentDocId,
  segmentPrefix,
  putMemoryItem,
  readRecord,
} from '../../../../shared/docs'
import type { MemoryItem } from '../../../../shared/schema/current'
import { message, newDb, openSpace } from '../../docs/space-harness'

const fact: MemoryItem = {
  schemaVersion: 2,
  id: 'fact-1',
  kind: 'fact',
  text: 'I use pgvector',
  category: 'general',
  createdAt: '2026-05-01T10:00:00.000Z',
  confirmedAt: '2026-05-01T10:00:00.000Z',
  validFrom: '2026-05-01T10:00:00.000Z',
  validTo: null,
  status: 'active',
  supersedes: null,
  supersededBy: null,
  retractedAt: null,
  retractedBy: null,
  source: null,
}

describe('document ids', () => {
  it('read back what they name', () => {
    expect(parseDocId(SPACE_DOC_ID)).toEqual({ kind: 'space' })
    expect(parseDocId(conversationDocId('d771'))).toEqual({
      kind: 'conversation',
      conversationId: 'd771',
    })
    expect(parseDocId('conversation:')).toBe(null)
    expect(parseDocId('settings')).toBe(null)
  })

  it('read a segment back one way only, whatever its conversation id holds', () => {
    for (const id of ['d771', 'a:b', '1:2:3', 'x/s0', 'é😀', 'segment:4:d771:3'])
      for (const n of [0, 7, 25]) {
        const docId = segmentDocId(id, n)
        expect(docId.startsWith(segmentPrefix(id))).toBe(true)
        expect(parseDocId(docId)).toEqual({ kind: 'segment', conversationId: id, n })
        expect(conversationOfDoc(docId)).toBe(id)
      }
    expect(segmentDocId('d771', 3)).toBe('segment:4:d771:3')
    expect(conversationOfDoc(conversationDocId('d771'))).toBe('d771')
    expect(conversationOfDoc(SPACE_DOC_ID)).toBe(null)
    // A length that does not match, a missing or padded number: not a document of a space.
    for (const bad of [
      'segment:4:d771',
      'segment:4:d771:',
      'segment:4:d771:01',
      'segment:4:d771:-1',
      'segment:0::3',
      'segment:5:d771:3',
      'segment:3:d771:3',
      'segment:x:d771:3',
    ])
      expect(parseDocId(bad)).toBe(null)
  })
})

describe('readRecord', () => {
  it('tells current, future and unreadable records apart, for every origin', () => {
    expect(readRecord('memory', fact.id, fact)).toMatchObject({ type: 'current', value: fact })
    expect(readRecord('memory', 'x', { ...fact, schemaVersion: 9 })).toMatchObject({
      type: 'future',
      schemaVersion: 9,
    })
    expect(readRecord('memory', 'broken', { ...fact, text: 42 })).toMatchObject({
      type: 'unreadable',
      record: { origin: 'memory', recordId: 'broken', path: 'text' },
    })
    const m = message('hello')
    expect(readRecord(conversationDocId('c1'), m.id, m).type).toBe('current')
    expect(readRecord(conversationDocId('c1'), m.id, { ...m, role: 'robot' })).toMatchObject({
      type: 'unreadable',
      record: { origin: 'conversation:c1', path: 'role' },
    })
    expect(readRecord('conversations', 'c1', { id: 'c1' }).type).toBe('unreadable')
  })
})

describe('validate on write', () => {
  it('refuses, with the path, what would be quarantined when read back', () => {
    const bad = { ...fact, confirmedAt: 'yesterday' }
    const checked = checkForWrite('memory', bad)
    expect(checked.ok).toBe(false)
    if (!checked.ok)
      expect(checked.error).toMatchObject({ code: 'validation', path: 'confirmedAt' })
    expect(checkForWrite('memory', fact).ok).toBe(true)
  })

  it('sets nothing when a memory item is invalid (a bug in the code that built it)', () => {
    const doc = new Y.Doc()
    expect(() => putMemoryItem(doc, { ...fact, category: 7 as unknown as string })).toThrow(
      /category/,
    )
    expect(memoryMap(doc).size).toBe(0)
    putMemoryItem(doc, fact)
    expect(memoryMap(doc).get(fact.id)).toEqual(fact)
  })

  it('a message that would not read back is refused by the space, and nothing is stored', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Checked', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const bad = { ...message('no time'), createdAt: 'not a date' }
    const r = await space.append(c.value.id, [bad])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'validation', path: 'createdAt' })
    await space.settle()
    expect(await db.messagePages.count()).toBe(0)
    expect(await db.quarantine.count()).toBe(0)
  })
})
