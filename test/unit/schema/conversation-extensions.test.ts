import { describe, expect, it } from 'vitest'
import { loadConversationEntry } from '../../../shared/schema/migrate'

const entry = {
  schemaVersion: 2,
  id: 'c1',
  title: 'Plan the trip',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:05:00.000Z',
  deletedAt: null,
}

describe('conversation entry extension keys', () => {
  it('reads an entry without a pin as it always did, and keeps a pin with its time', () => {
    const plain = loadConversationEntry(entry)
    expect(plain.ok && plain.value.type === 'current' && plain.value.value.pinnedAt).toBe(undefined)
    const pinned = loadConversationEntry({ ...entry, pinnedAt: '2026-03-02T10:00:00.000Z' })
    expect(pinned.ok && pinned.value.type === 'current' && pinned.value.value.pinnedAt).toBe(
      '2026-03-02T10:00:00.000Z',
    )
    const unpinned = loadConversationEntry({ ...entry, pinnedAt: null })
    expect(unpinned.ok && unpinned.value.type === 'current' && unpinned.value.value.pinnedAt).toBe(
      null,
    )
  })

  it('refuses a pin that is not a time, naming the field', () => {
    const r = loadConversationEntry({ ...entry, pinnedAt: 'yesterday' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.path).toBe('pinnedAt')
  })
})
