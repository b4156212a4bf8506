import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ok } from '../../../shared/errors'
import { SPACE_DOC_ID, memoryMap } from '../../../shared/docs'
import type { MemoryItem } from '../../../shared/schema/current'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { PersistedDoc } from '../../../renderer/runtime/docs/persisted-doc'
import {
  SPACE_VIEW_KEY,
  SPACE_VIEW_MEMORY_KEY,
  captureSpaceView,
  readSpaceView,
} from '../../../renderer/runtime/docs/space-view'
import { storedPosition } from '../../../renderer/runtime/docs/stored-rows'
import { editItem, rememberFact, retractItem } from '../../../renderer/runtime/memory/memory-ops'
import { LOAD_BEHIND_MS, Space } from '../../../renderer/runtime/space/space'
import { newDb, openSpace, recordingListener } from './space-harness'

const byUser = { now: new Date('2026-05-01T10:00:00.000Z'), actor: 'user' as const, source: null }

/** A space with `facts` remembered facts, settled (so its view is stored) and closed. */
async function storedSpace(facts: string[]): Promise<{ db: SpaceDb; ids: string[] }> {
  const db = newDb()
  const space = await openSpace(db)
  const ids: string[] = []
  for (const text of facts) {
    const r = await space.changeMemory((doc) => ok(rememberFact(doc, text, 'general', byUser)))
    if (!r.ok) throw new Error(r.error.message)
    ids.push(r.value.id)
  }
  await space.settle()
  space.close()
  return { db: reopened(db), ids }
}

/** The same database, opened again (as the next start of the app does). */
const reopened = (db: SpaceDb): SpaceDb => new SpaceDb(db.name.replace('keepsake-space-', ''))

async function restore(db: SpaceDb, listener = recordingListener()): Promise<Space> {
  const r = await Space.restore(db, 'space-under-test', 'Test memory', listener)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const current = async (space: Space): Promise<string[]> =>
  (await space.memory()).items
    .filter((i) => i.status === 'active')
    .map((i) => i.text)
    .sort()

/** Every memory record the space document holds, as a person's memory panel would list them. */
const inDocument = async (db: SpaceDb): Promise<MemoryItem[]> => {
  const persisted = await PersistedDoc.open(db, SPACE_DOC_ID)
  if (!persisted.ok) throw new Error(persisted.error.message)
  const items = [...memoryMap(persisted.value.doc).values()] as MemoryItem[]
  persisted.value.destroy()
  return items
}

describe('the stored view of the space document', () => {
  it('is written when the space settles and used by the next start, before the document loads', async () => {
    const { db } = await storedSpace(['I live in Leeds', 'I work at Acme'])
    expect((await readSpaceView(db)).outcome).toBe('used')
    const space = await restore(db)
    // Read from the view: the document is still loading in a background step.
    expect(() => space.state).toThrow(/still loading/)
    expect(await current(space)).toEqual(['I live in Leeds', 'I work at Acme'])
    expect((await space.loadedState()).ok).toBe(true)
    expect(await current(space)).toEqual(['I live in Leeds', 'I work at Acme'])
    space.close()
  })

  it('is read at start without its memory, which is read once, behind the start, by whoever needs it first', async () => {
    const { db } = await storedSpace(['I live in Leeds', 'I work at Acme'])
    const keys: unknown[] = []
    const get = db.caches.get.bind(db.caches)
    vi.spyOn(db.caches, 'get').mockImplementation((key: unknown) => {
      keys.push(key)
      return get(key as string)
    })
    const space = await restore(db)
    expect(space.name).toBe('Test memory')
    // A start reads the name and the list, not 10,000 records and their index.
    expect(keys).toEqual([SPACE_VIEW_KEY])
    const [first, second] = await Promise.all([space.memory(), space.memory()])
    expect(first.items.map((i) => i.text).sort()).toEqual(['I live in Leeds', 'I work at Acme'])
    expect(second.items).toHaveLength(2)
    expect(keys).toEqual([SPACE_VIEW_KEY, SPACE_VIEW_MEMORY_KEY])
    expect(() => space.state).toThrow(/still loading/)
    space.close()
  })

  it('lets a first prompt read memory without the document, which loads behind it on its own', async () => {
    const { db, ids } = await storedSpace(['I live in Leeds', 'I work at Acme'])
    const space = await restore(db)
    // What a first prompt reads: the state section's order, the items it lists, the list.
    expect((await space.openMemoryInOrder())?.order.ids).toHaveLength(2)
    expect((await space.memoryItems(ids)).map((i) => i.text)).toEqual([
      'I live in Leeds',
      'I work at Acme',
    ])
    expect((await space.summaries()).length).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(() => space.state).toThrow(/still loading/)
    // Nothing needed it: it loads LOAD_BEHIND_MS after the start.
    await vi.waitFor(() => expect(space.state.doc).toBeDefined(), {
      timeout: LOAD_BEHIND_MS * 5,
    })
    expect(await current(space)).toEqual(['I live in Leeds', 'I work at Acme'])
    space.close()
  })

  it('is not used once a retraction or an edit was stored after it (the app closed before saving it again)', async () => {
    const { db, ids } = await storedSpace(['I live in Leeds', 'I work at Acme', 'I drive a Volvo'])
    const space = await restore(db)
    const [leeds, acme] = ids
    expect((await space.changeMemory((doc) => retractItem(doc, leeds ?? '', byUser))).ok).toBe(true)
    expect(
      (await space.changeMemory((doc) => editItem(doc, acme ?? '', 'I work at Globex', byUser))).ok,
    ).toBe(true)
    // Closed at once, as a killed app is: the view still describes the space before both changes.
    space.close()
    const next = reopened(db)
    const stale = await next.caches.get(SPACE_VIEW_MEMORY_KEY)
    expect(JSON.stringify(stale?.value)).toContain('I work at Acme')
    expect((await readSpaceView(next)).outcome).toBe('outdated')
    const again = await restore(next)
    expect(await current(again)).toEqual(['I drive a Volvo', 'I work at Globex'])
    // The retracted and the replaced version are history, not current.
    const leedsNow = (await again.memory()).items.find((i) => i.id === leeds)
    expect(leedsNow?.status).toBe('retracted')
    again.close()
  })

  it('is not used after another runtime wrote to the space document', async () => {
    const { db } = await storedSpace(['I live in Leeds'])
    const other = await PersistedDoc.open(db, SPACE_DOC_ID)
    if (!other.ok) throw new Error(other.error.message)
    await other.value.change((doc) => void rememberFact(doc, 'I have a cat', 'general', byUser))
    other.value.destroy()
    expect((await readSpaceView(db)).outcome).toBe('outdated')
    const space = await restore(db)
    expect(await current(space)).toEqual(['I have a cat', 'I live in Leeds'])
    space.close()
  })

  it('is not used once the stored snapshot was rewritten, even at the same last row', async () => {
    const { db } = await storedSpace(['I live in Leeds'])
    const position = await db.transaction('r', [db.snapshots, db.updates], () =>
      storedPosition(db, SPACE_DOC_ID),
    )
    // A compaction folds the log into a new snapshot up to the same row: same seq, new snapshot.
    const persisted = await PersistedDoc.open(db, SPACE_DOC_ID)
    if (!persisted.ok) throw new Error(persisted.error.message)
    const state = Y.encodeStateAsUpdate(persisted.value.doc)
    persisted.value.destroy()
    await db.transaction('rw', [db.snapshots, db.updates], async () => {
      await db.snapshots.put({
        docId: SPACE_DOC_ID,
        state,
        upToSeq: position.seq,
        at: '2030-01-01T00:00:00.000Z',
      })
      await db.updates
        .where('[docId+seq]')
        .between([SPACE_DOC_ID, Dexie.minKey], [SPACE_DOC_ID, Dexie.maxKey])
        .delete()
    })
    expect((await readSpaceView(db)).outcome).toBe('outdated')
  })

  it('that does not read as a view is not used, and the document is read instead', async () => {
    const { db } = await storedSpace(['I live in Leeds'])
    const row = await db.caches.get(SPACE_VIEW_KEY)
    await db.caches.put({
      key: SPACE_VIEW_KEY,
      value: { ...(row?.value as object), conversationIds: [1, 2] },
    })
    expect((await readSpaceView(db)).outcome).toBe('unreadable')
    const space = await restore(db)
    expect(space.state.doc).toBeInstanceOf(Y.Doc)
    expect(await current(space)).toEqual(['I live in Leeds'])
    space.close()
  })

  it('in an older layout is not used, and a new one is stored', async () => {
    const { db } = await storedSpace(['I live in Leeds'])
    const head = (await db.caches.get(SPACE_VIEW_KEY))?.value as object
    const memoryRow = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
    const {
      memory,
      order: _order,
      ...rest
    } = memoryRow?.value as { memory: string[]; order: string }
    // Format 4 kept memory in the view's own row; format 1 kept each record as an object.
    await db.caches.delete(SPACE_VIEW_MEMORY_KEY)
    await db.caches.put({ key: SPACE_VIEW_KEY, value: { ...head, ...rest, memory, format: 4 } })
    expect((await readSpaceView(db)).outcome).toBe('unreadable')
    const formatOne = memory.map((json) => JSON.parse(json) as unknown)
    await db.caches.put({
      key: SPACE_VIEW_KEY,
      value: { ...head, ...rest, memory: formatOne, format: 1 },
    })
    expect((await readSpaceView(db)).outcome).toBe('unreadable')
    const space = await restore(db)
    expect(await current(space)).toEqual(['I live in Leeds'])
    await space.settle()
    expect((await readSpaceView(db)).outcome).toBe('used')
    space.close()
  })

  it('whose memory cannot be read serves memory from the document, never from nothing', async () => {
    const stored = await storedSpace(['I live in Leeds', 'I work at Acme'])
    const row = await stored.db.caches.get(SPACE_VIEW_MEMORY_KEY)
    const value = row?.value as { memoryIds: string[]; memory: string[]; seq: number }
    const damaged = [
      { memory: ['{"kind": "fact", '] },
      { memory: ['{"kind": "fact", ', value.memory[1] ?? ''] },
      { memoryIds: [value.memoryIds[0] ?? '', value.memoryIds[0] ?? ''] },
      // Another position's memory beside this view, or none at all.
      { seq: value.seq + 1 },
      null,
    ]
    for (const change of damaged) {
      const db = reopened(stored.db)
      if (change)
        await db.caches.put({ key: SPACE_VIEW_MEMORY_KEY, value: { ...value, ...change } })
      else await db.caches.delete(SPACE_VIEW_MEMORY_KEY)
      // The view is still used for what a start shows first (the name, the list)...
      expect((await readSpaceView(db)).outcome).toBe('used')
      const errors: unknown[] = []
      const space = await restore(db)
      const logged = console.error
      console.error = (...args: unknown[]) => void errors.push(args.join(' '))
      try {
        // ...but memory waits for the document instead of coming back short.
        expect(await current(space)).toEqual(['I live in Leeds', 'I work at Acme'])
      } finally {
        console.error = logged
      }
      expect(String(errors[0])).toMatch(/stored space view's memory/)
      space.close()
    }
  })

  it('that disagrees with the document it claims to match is replaced by it once it loads, and the change is told', async () => {
    const { db, ids } = await storedSpace(['I live in Leeds', 'I work at Acme'])
    // A view forged at the current position but from an older document (a bug this guards against).
    const position = await db.transaction('r', [db.snapshots, db.updates], () =>
      storedPosition(db, SPACE_DOC_ID),
    )
    const old = new Y.Doc()
    old.transact(() => void rememberFact(old, 'I live in York', 'general', byUser))
    const stored = await db.caches.get(SPACE_VIEW_KEY)
    const storedMemory = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
    const captured = captureSpaceView(old, position)
    await db.caches.bulkPut([
      {
        key: SPACE_VIEW_KEY,
        value: { ...captured.view, meta: (stored?.value as { meta: unknown }).meta },
      },
      {
        key: SPACE_VIEW_MEMORY_KEY,
        value: { ...(storedMemory?.value as object), ...captured.memory },
      },
    ])
    const told: string[][] = []
    const listener = {
      ...recordingListener(),
      memoryChanged: (changed: string[]) => void told.push(changed),
    }
    const space = await restore(db, listener)
    // Shown from the view first...
    expect(await current(space)).toEqual(['I live in York'])
    expect((await space.loadedState()).ok).toBe(true)
    // ...then from the document, and every item that differs is told as changed.
    expect(await current(space)).toEqual(['I live in Leeds', 'I work at Acme'])
    expect(told.flat().sort()).toEqual([...ids, ...[...memoryMap(old).keys()]].sort())
    // And the view is saved again from the document.
    await space.settle()
    expect(JSON.stringify((await db.caches.get(SPACE_VIEW_MEMORY_KEY))?.value)).not.toContain(
      'York',
    )
    expect((await readSpaceView(db)).outcome).toBe('used')
    space.close()
  })

  it('lets changes made while the document loads wait for it, then land in it', async () => {
    const { db } = await storedSpace(['I live in Leeds'])
    const space = await restore(db)
    const added = await space.changeMemory((doc) =>
      ok(rememberFact(doc, 'I have a dog', 'general', byUser)),
    )
    expect(added.ok).toBe(true)
    expect(await current(space)).toEqual(['I have a dog', 'I live in Leeds'])
    await space.settle()
    space.close()
    expect((await inDocument(reopened(db))).map((i) => i.text).sort()).toEqual([
      'I have a dog',
      'I live in Leeds',
    ])
  })

  it('is deleted with a conversation deleted for good, so its title is stored nowhere', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Secret plan zebra', new Date())
    if (!c.ok) throw new Error(c.error.message)
    await space.settle()
    expect(JSON.stringify((await db.caches.get(SPACE_VIEW_KEY))?.value)).toContain('zebra')
    expect((await space.deleteConversation(c.value.id)).ok).toBe(true)
    expect(JSON.stringify((await db.caches.get(SPACE_VIEW_KEY))?.value ?? null)).not.toContain(
      'zebra',
    )
    space.close()
  })
})
