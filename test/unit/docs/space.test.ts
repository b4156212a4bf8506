import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PersistedDoc } from '../../../renderer/runtime/docs/persisted-doc'
import { SPACE_DOC_ID, conversationDocId } from '../../../shared/docs'
import { rememberFact } from '../../../renderer/runtime/memory/memory-ops'
import { discardUnreadable } from '../../../renderer/runtime/space/discard-unreadable'
import type { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { ok } from '../../../shared/errors'
import { memoryView } from '../../../renderer/runtime/memory/memory-views'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { message, newDb, openSpace, recordingListener, settled } from './space-harness'

const byUser = { now: new Date('2026-05-01T10:00:00.000Z'), actor: 'user', source: null }

/** Everything stored: update and snapshot rows and read-model rows, by count. */
async function storedRows(db: SpaceDb): Promise<number[]> {
  return Promise.all([
    db.updates.count(),
    db.snapshots.count(),
    db.messagePages.count(),
    db.memory.count(),
  ])
}

/** Writes `fn`'s change to the space document as another device (or a newer build) would. */
async function writeAsOther(
  db: SpaceDb,
  fn: (doc: Y.Doc) => void,
  docId = SPACE_DOC_ID,
): Promise<void> {
  const r = await PersistedDoc.open(db, docId)
  if (!r.ok) throw new Error(r.error.message)
  await r.value.change(fn)
  r.value.destroy()
}

/** A change made on another device, applied as sync applies it: a Yjs update into the open document. */
function syncInto(target: Y.Doc, fn: (doc: Y.Doc) => void): void {
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(target))
  const before = Y.encodeStateVector(remote)
  remote.transact(() => fn(remote))
  Y.applyUpdate(target, Y.encodeStateAsUpdate(remote, before), 'sync')
}

describe('a space written by a newer Keepsake', () => {
  it('opens read-only and writes nothing, on open or on any attempted change', async () => {
    const db = newDb()
    const first = await openSpace(db)
    expect(first.readOnly).toBe(null)
    await first.changeMemory((doc) => ok(rememberFact(doc, 'I use pgvector', 'general', byUser)))
    const conversation = await first.createConversation('Hello', new Date())
    if (!conversation.ok) throw new Error(conversation.error.message)
    expect((await first.append(conversation.value.id, [message('hi')])).ok).toBe(true)
    await first.settle()
    await writeAsOther(db, (doc) => doc.getMap('meta').set('schemaVersion', 3))
    const before = await storedRows(db)

    const space = await openSpace(db)
    expect(space.readOnly).toEqual({ schemaVersion: 3 })
    expect(await storedRows(db)).toEqual(before)
    expect((await space.memory()).items.map((i) => i.text)).toEqual(['I use pgvector'])

    const attempts = await Promise.all([
      space.changeMemory((doc) => ok(rememberFact(doc, 'something new', 'general', byUser))),
      space.createConversation('Another', new Date()),
      space.updateConversation(conversation.value.id, { title: 'Renamed' }),
      space.append(conversation.value.id, [message('hello again')]),
    ])
    for (const r of attempts) expect(!r.ok && r.error.code).toBe('read-only')
    await settled(space)
    expect(await storedRows(db)).toEqual(before)
    expect((await space.memory()).items).toHaveLength(1)
    expect(space.state.doc.getMap('meta').get('schemaVersion')).toBe(3)
  })

  it('a conversation document from a newer build takes no appends', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Hello', new Date())
    if (!c.ok) throw new Error(c.error.message)
    await writeAsOther(
      db,
      (doc) => doc.getMap('meta').set('schemaVersion', 9),
      conversationDocId(c.value.id),
    )
    const rows = await db.updates.count()
    const r = await space.append(c.value.id, [message('hi')])
    expect(!r.ok && r.error.code).toBe('read-only')
    expect(await db.updates.count()).toBe(rows)
  })
})

describe('schema version of every document', () => {
  it('a new space document carries meta with the current schemaVersion', async () => {
    const space = await openSpace(newDb())
    expect(space.state.doc.getMap('meta').toJSON()).toMatchObject({
      schemaVersion: 2,
      kind: 'space',
      id: 'space-under-test',
      name: 'Test memory',
    })
  })

  it('a conversation document gets its meta in the same write as its first message', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Hello', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const first = message('hi')
    const rows = await db.updates.count()
    await space.append(c.value.id, [first])
    // The message and its meta are one update row, durable when append resolves.
    expect(await db.updates.filter((u) => u.docId === `conversation:${c.value.id}`).count()).toBe(1)
    // The conversation's updatedAt follows in a row of its own.
    await space.settle()
    expect(await db.updates.count()).toBe(rows + 2)
    const doc = await space.conversation(c.value.id)
    if (!doc.ok) throw new Error(doc.error.message)
    expect(doc.value.doc.getMap('meta').toJSON()).toEqual({
      schemaVersion: 2,
      kind: 'conversation',
      id: c.value.id,
      createdAt: first.createdAt,
    })
  })

  it('a damaged space meta is quarantined before it is repaired', async () => {
    const db = newDb()
    await writeAsOther(db, (doc) => {
      doc.getMap('meta').set('schemaVersion', 'two')
      doc.getMap('meta').set('createdAt', 'last tuesday')
    })
    const space = await openSpace(db)
    expect(space.readOnly).toBe(null)
    expect(space.state.doc.getMap('meta').get('schemaVersion')).toBe(2)
    const [row] = await db.quarantine.toArray()
    expect(row).toMatchObject({ origin: 'meta', recordId: 'space', path: 'schemaVersion' })
    expect(JSON.parse(row!.raw)).toEqual({ schemaVersion: 'two', createdAt: 'last tuesday' })
  })
})

describe('records that arrive by sync go through the same loaders', () => {
  it('an older-version memory item is migrated on read, and stays as written in storage', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const v1 = {
      schemaVersion: 1,
      id: 'p-old',
      kind: 'preference',
      key: 'timezone',
      value: 'America/New_York',
      confirmedAt: '2026-01-05T09:02:00.000Z',
      sourceMessageId: 'm-3',
      pinned: true,
    }
    syncInto(space.state.doc, (doc) => doc.getMap('memory').set('p-old', v1))
    const read = await space.memory()
    expect(read.items).toEqual([
      expect.objectContaining({
        schemaVersion: 2,
        id: 'p-old',
        kind: 'preference',
        key: 'timezone',
        value: 'America/New_York',
        source: { conversationId: null, messageId: 'm-3' },
        status: 'active',
        pinned: true,
      }),
    ])
    await settled(space)
    expect((await db.memory.get('p-old'))?.record).toEqual(v1)
    const reopened = await openSpace(db)
    expect((await reopened.memory()).items[0]?.schemaVersion).toBe(2)
  })

  it('an older-version message is migrated on read', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Synced', new Date())
    if (!c.ok) throw new Error(c.error.message)
    await space.append(c.value.id, [message('first')])
    const doc = await space.conversation(c.value.id)
    if (!doc.ok) throw new Error(doc.error.message)
    const v1 = {
      schemaVersion: 1,
      id: 'm-v1',
      role: 'user',
      text: 'from an old laptop',
      createdAt: '2026-06-01T00:00:00.000Z',
      deviceId: 'old',
    }
    syncInto(doc.value.doc, (d) => d.getArray('messages').push([v1]))
    await settled(space)
    const page = await space.page(c.value.id, 0, 10)
    expect(page.ok && page.value.map((m) => [m.id, m.schemaVersion, m.speaker])).toEqual([
      [expect.any(String), 2, null],
      ['m-v1', 2, null],
    ])
  })

  it('a bad memory record is quarantined and counted; the rest loads', async () => {
    const db = newDb()
    const listener = recordingListener()
    const space = await openSpace(db, listener)
    await space.changeMemory((doc) => ok(rememberFact(doc, 'I use pgvector', 'general', byUser)))
    syncInto(space.state.doc, (doc) =>
      doc
        .getMap('memory')
        .set('broken', { schemaVersion: 2, id: 'broken', kind: 'fact', text: 42 }),
    )
    // The synced record is told once it is stored; reading it then quarantines it, once.
    await settled(space)
    const before = listener.memoryChanges
    const read = await space.memory()
    expect(read.items.map((i) => i.text)).toEqual(['I use pgvector'])
    expect(read.unreadable).toEqual([
      expect.objectContaining({ origin: 'memory', recordId: 'broken', path: 'text' }),
    ])
    expect(await space.quarantineCount()).toBe(1)
    expect(listener.memoryChanges).toBe(before + 1)
    await space.memory()
    expect(await space.quarantineCount()).toBe(1)
    expect(listener.memoryChanges).toBe(before + 1)
  })

  it('bad messages, with or without an id, are quarantined as they arrive and on read', async () => {
    const db = newDb()
    const listener = recordingListener()
    const space = await openSpace(db, listener)
    const c = await space.createConversation('Synced', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const good = message('fine')
    await space.append(c.value.id, [good])
    const doc = await space.conversation(c.value.id)
    if (!doc.ok) throw new Error(doc.error.message)
    syncInto(doc.value.doc, (d) =>
      d
        .getArray('messages')
        .push([
          { schemaVersion: 2, id: 'no-date', role: 'user', text: 'x' },
          { text: 'no id at all' },
        ]),
    )
    await settled(space)
    const rows = await db.quarantine.toArray()
    expect(
      rows.map((r) => [
        r.origin,
        r.recordId.startsWith(`${c.value.id}#`) ? '#synthetic' : r.recordId,
      ]),
    ).toEqual([
      [`conversation:${c.value.id}`, 'no-date'],
      [`conversation:${c.value.id}`, '#synthetic'],
    ])
    expect(listener.appended.map((m) => m.id)).toEqual([good.id])
    // The read model holds all three, so paging and counts agree; reading shows only the good one.
    expect(await space.messageCount(c.value.id)).toBe(3)
    const page = await space.page(c.value.id, 0, 10)
    expect(page.ok && page.value.map((m) => m.id)).toEqual([good.id])
    expect(await db.quarantine.count()).toBe(2)

    // Discarding removes each from the read model for good, and the count follows.
    for (const row of rows) expect((await discardUnreadable(space, row)).ok).toBe(true)
    await db.quarantine.clear()
    expect(await space.messageCount(c.value.id)).toBe(1)
    await space.page(c.value.id, 0, 10)
    expect(await db.quarantine.count()).toBe(0)
  })
})

describe('discarding a quarantined memory record', () => {
  it('removes it from the document only while it is still unreadable', async () => {
    const db = newDb()
    const space = await openSpace(db)
    syncInto(space.state.doc, (doc) =>
      doc.getMap('memory').set('bad', { schemaVersion: 2, id: 'bad' }),
    )
    await space.memory()
    const [row] = await db.quarantine.toArray()
    syncInto(space.state.doc, (doc) =>
      doc.getMap('memory').set('bad2', { schemaVersion: 2, id: 'bad2' }),
    )
    expect((await discardUnreadable(space, row!)).ok).toBe(true)
    expect(space.state.doc.getMap('memory').has('bad')).toBe(false)
    expect(space.state.doc.getMap('memory').has('bad2')).toBe(true)
  })
})

describe('message counts', () => {
  it('are kept in step with appends and read from the page directory, without scanning', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const a = await space.createConversation('A', new Date())
    const b = await space.createConversation('B', new Date())
    if (!a.ok || !b.ok) throw new Error('could not create')
    for (let i = 0; i < 5; i++)
      await space.append(a.value.id, [message(`a${i}`), message(`a${i}'`)])
    await space.append(b.value.id, [message('b')])
    const summaries = await space.summaries()
    expect(Object.fromEntries(summaries.map((s) => [s.title, s.messageCount]))).toEqual({
      A: 10,
      B: 1,
    })
    expect((await db.pageDirs.get(a.value.id))?.total).toBe(10)
  })
})

describe('records from a newer build are counted, never silently skipped', () => {
  it('memory items, conversation entries and messages all count toward futureCount', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const c = await space.createConversation('Mine', new Date())
    if (!c.ok) throw new Error(c.error.message)
    await space.append(c.value.id, [message('hello')])
    const doc = await space.conversation(c.value.id)
    if (!doc.ok) throw new Error(doc.error.message)
    syncInto(space.state.doc, (d) => {
      d.getMap('memory').set('m3', { schemaVersion: 3, id: 'm3' })
      d.getMap('conversations').set('c3', { schemaVersion: 3, id: 'c3' })
    })
    syncInto(doc.value.doc, (d) => d.getArray('messages').push([{ schemaVersion: 3, id: 'msg3' }]))
    await settled(space)
    await space.summaries()
    const view = await memoryView(space, DEFAULT_SETTINGS.freshness, new Date())
    expect(view.futureCount).toBe(3)
    expect(view.quarantineCount).toBe(0)
    expect((await space.conversationEntries()).map((e) => e.title)).toEqual(['Mine'])
  })
})
