import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { APPENDED_EVENT_MAX, type SpaceListener } from '../../../renderer/runtime/space/space'
import { rememberFact } from '../../../renderer/runtime/memory/memory-ops'
import { ok } from '../../../shared/errors'
import type { Message } from '../../../shared/schema/current'
import { message, newDb, openSpace, settled } from './space-harness'
import { exportBytes, importBytes, profile } from '../session/runtime-harness'

/**
 * What IndexedDB has made durable, learned from the transactions themselves: every `put`/`add` is
 * noted against its IDBTransaction, and counts as stored only when that transaction fires
 * `complete`. A listener that hears of a change checks it against this, at that very moment.
 */
interface Disk {
  messages: Set<string>
  memory: Set<string>
  /** Update rows of each document whose transaction completed. */
  updates: Map<string, number>
}

const disk: Disk = { messages: new Set(), memory: new Set(), updates: new Map() }
const written = new WeakMap<IDBTransaction, { store: string; value: unknown }[]>()
const originals = { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add }

function noteWrite(store: IDBObjectStore, value: unknown): void {
  const tx = store.transaction
  let list = written.get(tx)
  if (!list) {
    list = []
    written.set(tx, list)
    tx.addEventListener('complete', () => {
      for (const w of list!) {
        const v = w.value as { id?: string; docId?: string; ids?: string[] }
        if (w.store === 'messagePages') for (const id of v.ids ?? []) disk.messages.add(id)
        if (w.store === 'memory' && v.id) disk.memory.add(v.id)
        if (w.store === 'updates' && v.docId)
          disk.updates.set(v.docId, (disk.updates.get(v.docId) ?? 0) + 1)
      }
    })
  }
  list.push({ store: store.name, value })
}

beforeAll(() => {
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    noteWrite(this, value)
    return originals.put.call(this, value, key)
  }
  IDBObjectStore.prototype.add = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    noteWrite(this, value)
    return originals.add.call(this, value, key)
  }
})

afterAll(() => {
  IDBObjectStore.prototype.put = originals.put
  IDBObjectStore.prototype.add = originals.add
})

/** A listener that, at each event, records anything it was told before the disk had it. */
function checkingListener(): SpaceListener & { early: string[]; heard: string[] } {
  let spaceUpdatesAtLastList = 0
  const l = {
    early: [] as string[],
    heard: [] as string[],
    memoryChanged(ids: string[] | undefined) {
      for (const id of ids ?? []) {
        l.heard.push(`memory ${id}`)
        if (!disk.memory.has(id)) l.early.push(`memory ${id}`)
      }
    },
    conversationsChanged() {
      // Each event follows a completed transaction that stored another update of the space document.
      const now = disk.updates.get('space') ?? 0
      l.heard.push('conversations')
      if (now <= spaceUpdatesAtLastList) l.early.push('conversations')
      spaceUpdatesAtLastList = now
    },
    messagesAppended(_conversationId: string, messages: Message[]) {
      for (const m of messages) {
        l.heard.push(`message ${m.text}`)
        if (!disk.messages.has(m.id)) l.early.push(`message ${m.text}`)
      }
    },
    messagesRemoved() {},
    nameChanged() {},
    storageFailed(text: string) {
      throw new Error(`storage failed: ${text}`)
    },
  }
  return l
}

const byUser = { now: new Date('2026-05-01T10:00:00.000Z'), actor: 'user', source: null }

describe('the change feed speaks only after the disk has', () => {
  it('local edits: messages, memory and the conversation list', async () => {
    const listener = checkingListener()
    const space = await openSpace(newDb(), listener)
    const c = await space.createConversation('Plans', new Date())
    if (!c.ok) throw new Error(c.error.message)
    for (let i = 0; i < 5; i++) {
      expect((await space.append(c.value.id, [message(`local ${i}`)])).ok).toBe(true)
      await space.changeMemory((doc) => ok(rememberFact(doc, `fact ${i}`, 'general', byUser)))
    }
    await settled(space)
    expect(listener.early).toEqual([])
    expect(listener.heard.filter((h) => h.startsWith('message'))).toHaveLength(5)
    expect(listener.heard.filter((h) => h.startsWith('memory'))).toHaveLength(5)
    expect(listener.heard).toContain('conversations')
  })

  it('changes that arrive by sync', async () => {
    const listener = checkingListener()
    const space = await openSpace(newDb(), listener)
    const c = await space.createConversation('Synced', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const opened = await space.conversation(c.value.id)
    if (!opened.ok) throw new Error(opened.error.message)
    const synced = message('from the other laptop')
    for (const [target, change] of [
      [opened.value.doc, (d: Y.Doc) => d.getArray('messages').push([synced])],
      [space.state.doc, (d: Y.Doc) => rememberFact(d, 'synced fact', 'general', byUser)],
    ] as const) {
      const remote = new Y.Doc()
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(target))
      const before = Y.encodeStateVector(remote)
      remote.transact(() => change(remote))
      Y.applyUpdate(target, Y.encodeStateAsUpdate(remote, before), 'sync')
    }
    await settled(space)
    expect(listener.early).toEqual([])
    expect(listener.heard).toContain('message from the other laptop')
    expect(listener.heard.some((h) => h.startsWith('memory'))).toBe(true)
  })

  it('a merge import, told once per document it changed', async () => {
    const source = await openSpace(newDb())
    const c = await source.createConversation('Imported', new Date())
    if (!c.ok) throw new Error(c.error.message)
    await source.append(c.value.id, [message('imported one'), message('imported two')])
    await source.changeMemory((doc) => ok(rememberFact(doc, 'imported fact', 'general', byUser)))
    await settled(source)
    const bytes = await exportBytes(source, 'msgpack')

    const listener = checkingListener()
    const space = await openSpace(newDb(), listener)
    const p = await profile()
    const r = await importBytes({ ...p.target(), space }, 'x.keepsake', bytes, 'merge')
    if (!r.ok) throw new Error(r.error.message)
    await settled(space)
    expect(listener.early).toEqual([])
    expect(listener.heard.filter((h) => h.startsWith('message'))).toEqual([
      'message imported one',
      'message imported two',
    ])
    expect(listener.heard.filter((h) => h === 'conversations')).toHaveLength(1)
  })

  it('a big merge is told in events of at most APPENDED_EVENT_MAX messages, in order', async () => {
    const source = await openSpace(newDb())
    const c = await source.createConversation('Long', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const texts = Array.from({ length: 1201 }, (_, i) => `long ${i}`)
    await source.append(
      c.value.id,
      texts.map((t) => message(t)),
    )
    await settled(source)
    const bytes = await exportBytes(source, 'msgpack')

    const sizes: number[] = []
    const told: string[] = []
    const space = await openSpace(newDb(), {
      ...checkingListener(),
      messagesAppended: (_id: string, messages: Message[]) => {
        sizes.push(messages.length)
        told.push(...messages.map((m) => m.text))
      },
    })
    const p = await profile()
    const r = await importBytes({ ...p.target(), space }, 'x.keepsake', bytes, 'merge')
    if (!r.ok) throw new Error(r.error.message)
    await settled(space)
    expect(sizes).toEqual([APPENDED_EVENT_MAX, APPENDED_EVENT_MAX, 201])
    expect(told).toEqual(texts)
  })
})
