import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createSearchIndex, memoryDoc, type SearchDoc } from '../../../retrieval'
import { ok, type Result } from '../../../shared/errors'
import type { MemoryItem } from '../../../shared/schema/current'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import {
  SPACE_VIEW_KEY,
  SPACE_VIEW_MEMORY_KEY,
  readSpaceView,
} from '../../../renderer/runtime/docs/space-view'
import { currentHits } from '../../../renderer/runtime/agent/current-hits'
import { editItem, rememberFact, retractItem } from '../../../renderer/runtime/memory/memory-ops'
import { createSearchService } from '../../../renderer/runtime/search/search-service'
import { Space } from '../../../renderer/runtime/space/space'
import { newDb, openSpace, recordingListener } from '../docs/space-harness'

const now = new Date('2026-09-01T12:00:00.000Z')
const byUser = { now: new Date('2026-08-01T12:00:00.000Z'), actor: 'user' as const, source: null }

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A stored space with a current, a retracted and a superseded fact, and 40 more; its view saved. */
async function storedSpace(): Promise<{
  db: SpaceDb
  items: { leeds: MemoryItem; acme: MemoryItem; globex: MemoryItem }
}> {
  const db = newDb()
  const space = await openSpace(db)
  const change = async (fn: Parameters<Space['changeMemory']>[0]) =>
    must(await space.changeMemory(fn))
  for (let i = 0; i < 40; i++)
    await change((doc) =>
      ok(rememberFact(doc, `Fact ${i} about node pool ${i}`, 'general', byUser)),
    )
  const leeds = await change((doc) => ok(rememberFact(doc, 'I live in Leeds', 'general', byUser)))
  await change((doc) => retractItem(doc, leeds.id, byUser))
  const acme = await change((doc) => ok(rememberFact(doc, 'I work at Acme', 'general', byUser)))
  const globex = await change((doc) => editItem(doc, acme.id, 'I work at Globex now', byUser))
  await space.settle()
  space.close()
  const items = { leeds, acme, globex }
  return { db: reopened(db), items }
}

async function restore(db: SpaceDb): Promise<Space> {
  return must(await Space.restore(db, 'space-under-test', 'Test memory', recordingListener()))
}

/** What a prompt's retrieval shows for `query` (as `reply` does). */
async function shown(space: Space, query: string) {
  const search = await createSearchService(space)
  const hits = await currentHits(await search.search(query, { k: 8, now }), (ids) =>
    space.memoryItems(ids),
  )
  await search.whenFull()
  return hits
}

/** The same database, opened again after its space was closed. */
const reopened = (db: SpaceDb): SpaceDb => new SpaceDb(db.name.replace('keepsake-space-', ''))

describe('memory search at start from the index stored with the view', () => {
  it('finds memory without reading an item, and shows only what is current', async () => {
    const { db, items } = await storedSpace()
    const space = await restore(db)
    expect(await space.viewMemoryIndex()).toBeDefined()
    const read = vi.spyOn(space, 'memory')
    const search = await createSearchService(space)
    const found = await search.search('where do I work, Acme or Globex? node pool 7', { k: 8, now })
    // Superseded memory is history: the index finds it, nothing read it to do so.
    expect(found.map((h) => h.id)).toEqual(expect.arrayContaining([items.acme.id, items.globex.id]))
    expect(read).not.toHaveBeenCalled()
    const hits = await currentHits(found, (ids) => space.memoryItems(ids))
    expect(hits.map((h) => h.text)).toContain('I work at Globex now')
    expect(hits.map((h) => h.text)).toContain('Fact 7 about node pool 7')
    expect(hits.map((h) => h.id)).not.toContain(items.acme.id)
    expect(await shown(space, 'Leeds')).toEqual([])
    await search.whenFull()
    expect((await space.loadedState()).ok).toBe(true)
    space.close()
  })

  it('takes a change told before the warm index is built over the stored index', async () => {
    const { db, items } = await storedSpace()
    const space = await restore(db)
    const search = await createSearchService(space)
    // Told at once, before the background step that builds the warm index has run.
    search.onMemory([{ ...items.globex, text: 'I work at Hooli now' }])
    expect((await search.search('Hooli', { k: 3, now })).map((h) => h.id)).toEqual([
      items.globex.id,
    ])
    expect((await search.search('Globex', { k: 3, now })).map((h) => h.id)).not.toContain(
      items.globex.id,
    )
    await search.whenFull()
    expect((await space.loadedState()).ok).toBe(true)
    space.close()
  })

  it('that disagrees with memory (forged at the same position) never shows what is not current', async () => {
    const { db, items } = await storedSpace()
    // An index as a bug could leave it: retracted and superseded items as active, a current one
    // worded otherwise, and an item memory does not hold (deleted for good).
    const forged = createSearchIndex()
    const doc = (item: MemoryItem, extra: Partial<SearchDoc>): SearchDoc => ({
      ...memoryDoc(item),
      ...extra,
    })
    forged.add([
      doc(items.leeds, { status: 'active' }),
      doc(items.acme, { status: 'active' }),
      doc(items.globex, { text: 'I work at Initech, Globex' }),
      doc({ ...items.leeds, id: 'f-forgotten', text: 'I owe Sam forty pounds, Leeds' }, {}),
    ])
    const row = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
    await db.caches.put({
      key: SPACE_VIEW_MEMORY_KEY,
      value: { ...(row?.value as object), search: forged.toMemoryPack() },
    })
    expect((await readSpaceView(db)).outcome).toBe('used')
    const space = await restore(db)
    const search = await createSearchService(space)
    // The forged index is what the start searched...
    const found = await search.search('Leeds Acme Globex Sam', { k: 8, now })
    expect(found.map((h) => h.id).sort()).toEqual(
      [items.leeds.id, items.acme.id, items.globex.id, 'f-forgotten'].sort(),
    )
    // ...and the prompt shows only what memory holds as current, in its own words.
    const hits = await currentHits(found, (ids) => space.memoryItems(ids))
    expect(hits.map((h) => [h.id, h.text])).toEqual([[items.globex.id, 'I work at Globex now']])
    await search.whenFull()
    expect((await space.loadedState()).ok).toBe(true)
    space.close()
  })

  it('from before a later change is not used: memory is read and indexed instead', async () => {
    const { db, items } = await storedSpace()
    const before = await db.caches.get(SPACE_VIEW_KEY)
    const space = await restore(db)
    must(await space.changeMemory((doc) => retractItem(doc, items.globex.id, byUser)))
    await space.settle()
    space.close()
    // The row from before the retraction, put back: its position is no longer the document's.
    const db2 = reopened(db)
    await db2.caches.put({ key: SPACE_VIEW_KEY, value: before?.value })
    expect((await readSpaceView(db2)).outcome).toBe('outdated')
    const again = await restore(db2)
    expect(await again.viewMemoryIndex()).toBeUndefined()
    expect(await shown(again, 'Globex')).toEqual([])
    again.close()
  })

  it('that cannot be read is said so, and memory is indexed from the view instead', async () => {
    const { db, items } = await storedSpace()
    const row = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
    const value = row?.value as { search: { statuses: string[] } }
    await db.caches.put({
      key: SPACE_VIEW_MEMORY_KEY,
      value: { ...value, search: { ...value.search, statuses: ['current'] } },
    })
    const errors: unknown[] = []
    const logged = console.error
    console.error = (...args: unknown[]) => void errors.push(args[0])
    try {
      const space = await restore(db)
      const hits = await shown(space, 'Globex')
      expect(hits.map((h) => h.id)).toEqual([items.globex.id])
      expect((await space.loadedState()).ok).toBe(true)
      space.close()
    } finally {
      console.error = logged
    }
    expect(String(errors[0])).toMatch(/stored memory index has not one statuses entry per id/)
  })
})
