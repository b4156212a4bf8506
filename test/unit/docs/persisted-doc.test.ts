import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  COMPACT_AFTER_ROWS,
  COMPACT_AT_MOST_ROWS,
  PersistedDoc,
} from '../../../renderer/runtime/docs/persisted-doc'
import { IDLE_MS } from '../../../renderer/runtime/docs/idle-task'
import type { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { newDb } from './space-harness'

async function open(db: SpaceDb, docId = 'space'): Promise<PersistedDoc> {
  const r = await PersistedDoc.open(db, docId)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const rowsOf = (db: SpaceDb, docId: string): Promise<number> =>
  db.updates.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).count()

describe('PersistedDoc compaction', () => {
  it('keeps the update log bounded while writes keep coming, and the state identical', async () => {
    const db = newDb()
    const doc = await open(db)
    const writes = COMPACT_AT_MOST_ROWS + 37
    let maxRows = 0
    for (let i = 0; i < writes; i++) {
      const r = await doc.change((d) => {
        d.getMap('memory').set(`k${i % 50}`, { n: i })
        d.getArray('log').push([i])
      })
      expect(r.ok).toBe(true)
      maxRows = Math.max(maxRows, await rowsOf(db, 'space'))
    }
    // Without a pause, the log is compacted right after the write that brings it to the bound.
    expect(maxRows).toBeLessThanOrEqual(COMPACT_AT_MOST_ROWS + 1)
    expect(await rowsOf(db, 'space')).toBeLessThanOrEqual(38)
    expect(await db.snapshots.count()).toBe(1)
    const reopened = await open(db)
    const state = (d: Y.Doc) => ({
      memory: d.getMap('memory').toJSON(),
      log: d.getArray('log').toJSON(),
    })
    expect(state(reopened.doc)).toEqual(state(doc.doc))
    expect(reopened.doc.getArray('log').length).toBe(writes)
    expect(Y.encodeStateVector(reopened.doc)).toEqual(Y.encodeStateVector(doc.doc))
  })

  it('compacts once writes pause, not while they come', async () => {
    const db = newDb()
    const doc = await open(db)
    for (let i = 0; i < COMPACT_AFTER_ROWS + 5; i++)
      await doc.change((d) => d.getArray('log').push([i]))
    expect(await rowsOf(db, 'space')).toBe(COMPACT_AFTER_ROWS + 5)
    await vi.waitFor(async () => expect(await rowsOf(db, 'space')).toBe(0), {
      timeout: IDLE_MS * 20,
      interval: IDLE_MS / 5,
    })
    expect((await open(db)).doc.getArray('log').length).toBe(COMPACT_AFTER_ROWS + 5)
  })

  it('keeps what another runtime wrote to the same document when it compacts', async () => {
    const db = newDb()
    const mine = await open(db)
    const other = await open(db)
    await other.change((d) => d.getMap('memory').set('theirs', 1))
    for (let i = 0; i < COMPACT_AFTER_ROWS; i++)
      await mine.change((d) => d.getArray('log').push([i]))
    await mine.settle()
    expect(await rowsOf(db, 'space')).toBe(0)
    const reopened = await open(db)
    expect(reopened.doc.getMap('memory').toJSON()).toEqual({ theirs: 1 })
    expect(reopened.doc.getArray('log').length).toBe(COMPACT_AFTER_ROWS)
  })

  it('compacts one document without touching another', async () => {
    const db = newDb()
    const a = await open(db, 'conversation:a')
    const b = await open(db, 'conversation:b')
    await b.change((d) => d.getArray('messages').push(['only one']))
    for (let i = 0; i < COMPACT_AFTER_ROWS; i++)
      await a.change((d) => d.getArray('messages').push([i]))
    await a.settle()
    expect(await rowsOf(db, 'conversation:a')).toBe(0)
    expect(await rowsOf(db, 'conversation:b')).toBe(1)
    expect((await open(db, 'conversation:b')).doc.getArray('messages').toJSON()).toEqual([
      'only one',
    ])
  })
})

describe('PersistedDoc with damaged rows', () => {
  it('loads everything else and quarantines each row that cannot be replayed', async () => {
    const db = newDb()
    const doc = await open(db)
    await doc.change((d) => d.getMap('memory').set('a', 1))
    const notBytes = await db.updates.add({
      docId: 'space',
      update: 'not bytes' as unknown as Uint8Array,
      at: new Date().toISOString(),
    })
    const truncated = await db.updates.add({
      docId: 'space',
      update: new Uint8Array([1, 2, 3]),
      at: new Date().toISOString(),
    })
    await doc.change((d) => d.getMap('memory').set('b', 2))
    const reopened = await open(db)
    expect(reopened.doc.getMap('memory').toJSON()).toEqual({ a: 1, b: 2 })
    const rows = await db.quarantine.toArray()
    expect(rows.map((r) => [r.origin, r.recordId, r.path])).toEqual([
      ['updates', String(notBytes), 'update'],
      ['updates', String(truncated), 'update'],
    ])
    expect(JSON.parse(rows[1]!.raw)).toMatchObject({ update: { base64: 'AQID' }, docId: 'space' })
    // Opening again does not quarantine the same rows twice.
    await open(db)
    expect(await db.quarantine.count()).toBe(2)
  })
})
