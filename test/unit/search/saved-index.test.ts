import 'fake-indexeddb/auto'
import { expect, test, vi } from 'vitest'
import { createSearchIndex, type SearchIndex } from '../../../retrieval'
import { SEARCH_INDEX_KEY, type SpaceDb } from '../../../renderer/runtime/db/space-db'
import { loadSavedIndex, saveIndex } from '../../../renderer/runtime/docs/saved-index'
import { createSearchService } from '../../../renderer/runtime/search/search-service'
import { encodeCheckpoint } from '../../../renderer/runtime/search/checkpoint'
import { newDb, openSpace, message, settled } from '../docs/space-harness'
import { addItem } from '../../../renderer/runtime/memory/memory-ops'
import { putMemoryItem } from '../../../shared/docs'
import { ok } from '../../../shared/errors'
import type { MemoryItem } from '../../../shared/schema/current'

const now = new Date('2026-06-01T12:00:00Z')

/** An index of `n` messages, each findable by its own word. */
function indexOf(n: number): SearchIndex {
  const index = createSearchIndex()
  index.add(
    Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      kind: 'message' as const,
      role: 'user' as const,
      text: `message ${i} about word${i}`,
      conversationId: 'c1',
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    })),
  )
  index.setWatermark('w-1')
  return index
}

const partRows = async (db: SpaceDb): Promise<string[]> =>
  (await db.caches.toCollection().primaryKeys()).filter((k) => k !== SEARCH_INDEX_KEY)

test('the saved index is loaded a part at a time, with a step before each read and each load', async () => {
  const db = newDb()
  const index = indexOf(5000)
  await saveIndex(db, index)
  const parts = (await partRows(db)).length
  expect(parts).toBeGreaterThan(2)
  let steps = 0
  const loaded = await loadSavedIndex(db, async () => {
    steps += 1
  })
  expect(steps).toBe(2 * parts)
  expect(loaded?.oneString).toBe(false)
  expect(loaded?.index.size()).toBe(5000)
  expect(loaded?.index.search('word4321', { now })[0]?.id).toBe('m4321')
  db.close()
})

test('a save replaces the parts of the one before, and a part gone missing means rebuild', async () => {
  const db = newDb()
  await saveIndex(db, indexOf(5000))
  const first = await partRows(db)
  await saveIndex(db, indexOf(3000))
  const second = await partRows(db)
  expect(second.some((k) => first.includes(k))).toBe(false)
  expect((await loadSavedIndex(db, async () => undefined))?.index.size()).toBe(3000)
  await db.caches.delete(second[1] ?? '')
  expect(await loadSavedIndex(db, async () => undefined)).toBeNull()
  db.close()
})

test('an index saved as one string by an older build still loads, and is saved again in parts', async () => {
  const db = newDb()
  const space = await openSpace(db)
  const conversation = await space.createConversation('Talk', now)
  if (!conversation.ok) throw new Error(conversation.error.message)
  await space.append(conversation.value.id, [message('the rare word zanzibar')])
  await settled(space)
  // What an older build saved: every row indexed, in one string.
  const old = createSearchIndex()
  const service = await createSearchService(space)
  await service.whenFull()
  const found = await service.search('zanzibar', { k: 5, now })
  expect(found).toHaveLength(1)
  old.add([
    {
      id: found[0]?.id ?? '',
      kind: 'message',
      role: 'user',
      text: 'the rare word zanzibar',
      conversationId: conversation.value.id,
      createdAt: found[0]?.createdAt ?? '',
    },
  ])
  const maxSeq = (await db.messagePages.toArray()).reduce((m, p) => Math.max(m, p.seq ?? 0), 0)
  old.setWatermark(encodeCheckpoint({ cursor: maxSeq, skipped: new Set() }))
  await db.caches.clear()
  await db.caches.put({ key: SEARCH_INDEX_KEY, value: old.toJSON() })

  const warn = vi.spyOn(console, 'warn')
  const restarted = await createSearchService(space)
  await restarted.whenFull()
  // Loaded as it was, not rebuilt.
  expect(warn).not.toHaveBeenCalled()
  warn.mockRestore()
  expect((await restarted.search('zanzibar', { k: 5, now }))[0]?.id).toBe(found[0]?.id)
  await restarted.persistNow()
  const head = (await db.caches.get(SEARCH_INDEX_KEY))?.value
  expect(typeof head).toBe('object')
  expect((await loadSavedIndex(db, async () => undefined))?.index.has(found[0]?.id ?? '')).toBe(
    true,
  )
  db.close()
})

test('a memory item changed while the app was closed is found by its new words after a restart', async () => {
  const db = newDb()
  const space = await openSpace(db)
  const ctx = { now, actor: 'user' as const, source: null }
  let item: MemoryItem | null = null
  const added = await space.changeMemory((doc) => {
    item = addItem(doc, 'fact', 'I live in Lisbon', ctx)
    return ok(item)
  })
  if (!added.ok || item === null) throw new Error('could not remember')
  const first = await createSearchService(space)
  await first.rebuild()
  const saved = item as MemoryItem
  // Changed behind the saved index's back (same item, new text), as sync could while closed.
  await space.changeMemory((doc) => {
    const moved = { ...saved, text: 'I live in Porto' }
    putMemoryItem(doc, moved)
    return ok(moved)
  })
  const restarted = await createSearchService(space)
  await restarted.whenFull()
  expect((await restarted.search('Porto', { k: 5, now })).map((h) => h.id)).toEqual([saved.id])
  expect(await restarted.search('Lisbon', { k: 5, now })).toEqual([])
  db.close()
})
