import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { memoryMap } from '../../../shared/docs'
import { CURRENT_SCHEMA_VERSION, type MemoryItem } from '../../../shared/schema/current'
import { createSearchService } from '../../../renderer/runtime/search/search-service'
import { newDb, openSpace } from '../docs/space-harness'

const now = new Date('2026-06-01T12:00:00Z')

/** A fact findable by a word only it has. */
const fact = (i: number, text = `shelf ${i} holds the item coded zq${i}x`): MemoryItem => {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    kind: 'fact',
    id: `f${i}`,
    text,
    category: 'general',
    createdAt: at,
    confirmedAt: at,
    source: null,
    validFrom: at,
    validTo: null,
    status: 'active',
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  }
}

test('memory is indexed after start in steps, and a search meanwhile waits for all of it', async () => {
  const space = await openSpace(newDb())
  const saved = await space.state.change((doc) => {
    for (let i = 0; i < 2_500; i++) memoryMap(doc).set(`f${i}`, fact(i))
  })
  expect(saved.ok).toBe(true)
  const search = await createSearchService(space)
  // Asked at once: the last chunk of memory is not indexed yet, and the search waits for it.
  const hits = await search.search('zq2437x', { k: 3, now })
  expect(hits.map((h) => h.id)).toEqual(['f2437'])
  space.close()
})

test('a memory change told before the warm start indexed that item is not undone by it', async () => {
  const space = await openSpace(newDb())
  await space.state.change((doc) => {
    for (let i = 0; i < 2_500; i++) memoryMap(doc).set(`f${i}`, fact(i))
  })
  const search = await createSearchService(space)
  // The item's new wording arrives before the background steps reach it.
  search.onMemory([{ ...fact(2400, 'shelf 2400 now holds the parcel coded qv2400x') }])
  expect((await search.search('qv2400x', { k: 3, now })).map((h) => h.id)).toEqual(['f2400'])
  expect(await search.search('zq2400x', { k: 3, now })).toEqual([])
  space.close()
})
