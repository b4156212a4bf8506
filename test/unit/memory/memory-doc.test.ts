import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { memoryMap, readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { confirmItem, rememberFact } from '../../../renderer/runtime/memory/memory-ops'

const ctx = (iso: string) => ({ now: new Date(iso), actor: 'user', source: null })

describe('reading memory', () => {
  it('loads each stored record once and sees every later change', () => {
    const doc = new Y.Doc()
    const a = rememberFact(doc, 'I use pgvector', 'general', ctx('2026-01-01T00:00:00.000Z'))
    const first = readMemory(doc).items[0]!
    expect(readMemory(doc).items[0]).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(confirmItem(doc, a.id, ctx('2026-02-01T00:00:00.000Z')).ok).toBe(true)
    const second = readMemory(doc).items[0]!
    expect(second).not.toBe(first)
    expect(second.confirmedAt).toBe('2026-02-01T00:00:00.000Z')
    expect(first.confirmedAt).toBe('2026-01-01T00:00:00.000Z')
  })

  it('reports every unreadable record with its path and keeps reading the rest', () => {
    const doc = new Y.Doc()
    rememberFact(doc, 'fine', 'general', ctx('2026-01-01T00:00:00.000Z'))
    memoryMap(doc).set('n', null)
    memoryMap(doc).set('t', { schemaVersion: 2, id: 't', kind: 'fact', text: 7 })
    const read = readMemory(doc)
    expect(read.items.map((i) => i.text)).toEqual(['fine'])
    expect(read.unreadable.map((u) => [u.recordId, u.path])).toEqual([
      ['n', '(root)'],
      ['t', 'text'],
    ])
  })
})
