import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PersistedDoc } from '../../../renderer/runtime/docs/persisted-doc'
import type { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { SYNC_ORIGIN } from '../../../renderer/runtime/sync'
import { conversationDocId } from '../../../shared/docs'
import { message, newDb, openSpace, recordingListener, settled } from './space-harness'

async function open(db: SpaceDb, docId = 'conversation:c'): Promise<PersistedDoc> {
  const r = await PersistedDoc.open(db, docId)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const storedUpdates = (db: SpaceDb, docId: string): Promise<Uint8Array[]> =>
  db.updates
    .where('[docId+seq]')
    .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
    .toArray()
    .then((rows) => rows.map((r) => r.update))

/** Two updates of another device's document, the second building on the first. */
function twoUpdates(): [Uint8Array, Uint8Array] {
  const other = new Y.Doc()
  const updates: Uint8Array[] = []
  other.on('update', (u: Uint8Array) => updates.push(u))
  other.getArray('messages').push(['first'])
  other.getArray('messages').push(['second'])
  const [first, second] = updates
  if (!first || !second) throw new Error('expected two updates')
  return [first, second]
}

describe('PersistedDoc.receive (updates from another device)', () => {
  it('stores the bytes that arrived, and the document reads the same after a restart', async () => {
    const db = newDb()
    const doc = await open(db)
    const [first, second] = twoUpdates()
    const update = Y.mergeUpdates([first, second])
    doc.receive(update, SYNC_ORIGIN)
    await doc.settle()
    expect(await storedUpdates(db, 'conversation:c')).toEqual([update])
    expect((await open(db)).doc.getArray('messages').toJSON()).toEqual(['first', 'second'])
  })

  it('stores nothing for an update that brings nothing new', async () => {
    const db = newDb()
    const doc = await open(db)
    const [first] = twoUpdates()
    doc.receive(first, SYNC_ORIGIN)
    doc.receive(first, SYNC_ORIGIN)
    await doc.settle()
    expect(await storedUpdates(db, 'conversation:c')).toHaveLength(1)
  })

  it('keeps an update that waits for the one it builds on, so a restart loses neither', async () => {
    const db = newDb()
    const [first, second] = twoUpdates()
    const doc = await open(db)
    // The second arrives first: Yjs holds it pending, in memory only.
    doc.receive(second, SYNC_ORIGIN)
    await doc.settle()
    expect(doc.doc.getArray('messages').length).toBe(0)
    doc.destroy()
    const restarted = await open(db)
    restarted.receive(first, SYNC_ORIGIN)
    await restarted.settle()
    expect(restarted.doc.getArray('messages').toJSON()).toEqual(['first', 'second'])
    expect((await open(db)).doc.getArray('messages').toJSON()).toEqual(['first', 'second'])
  })

  it('stores what an observer changes while the update applies', async () => {
    const db = newDb()
    const doc = await open(db)
    const messages = doc.doc.getArray('messages')
    messages.observe((event) => {
      if (event.transaction.origin !== SYNC_ORIGIN) return
      doc.doc.transact(() => doc.doc.getMap('meta').set('seen', messages.length), 'observer')
    })
    const [first, second] = twoUpdates()
    doc.receive(Y.mergeUpdates([first, second]), SYNC_ORIGIN)
    await doc.settle()
    expect((await open(db)).doc.getMap('meta').toJSON()).toEqual({ seen: 2 })
  })

  it('gives a space the messages a synced conversation brings: rows, pages and events', async () => {
    const from = await openSpace(newDb())
    const c = await from.createConversation('Synced', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const sent = [message('one'), message('two'), message('three')]
    expect((await from.append(c.value.id, sent)).ok).toBe(true)
    const state = await from.syncDoc(conversationDocId(c.value.id))
    if (!state.ok) throw new Error(state.error.message)

    const listener = recordingListener()
    const db = newDb()
    const to = await openSpace(db, listener)
    const doc = await to.syncDoc(conversationDocId(c.value.id))
    if (!doc.ok) throw new Error(doc.error.message)
    const update = Y.encodeStateAsUpdate(state.value)
    to.receiveSynced(doc.value, update, SYNC_ORIGIN)
    await settled(to)
    expect(listener.appended.map((m) => m.text)).toEqual(['one', 'two', 'three'])
    const page = await to.page(c.value.id, 0, 10)
    expect(page.ok && page.value.map((m) => m.id)).toEqual(sent.map((m) => m.id))
    expect(await storedUpdates(db, conversationDocId(c.value.id))).toEqual([update])
  })
})

describe('PersistedDoc.open', () => {
  it('replays a log whose rows arrived out of order, and one corrupt row costs only itself', async () => {
    const db = newDb()
    const [first, second] = twoUpdates()
    const at = new Date().toISOString()
    await db.updates.add({ docId: 'conversation:c', update: second, at })
    await db.updates.add({ docId: 'conversation:c', update: new Uint8Array([1, 2, 3]), at })
    await db.updates.add({ docId: 'conversation:c', update: first, at })
    expect((await open(db)).doc.getArray('messages').toJSON()).toEqual(['first', 'second'])
    expect(await db.quarantine.count()).toBe(1)
  })
})
