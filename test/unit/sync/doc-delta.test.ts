import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { foldUpdates, missingFromRemote } from '../../../renderer/runtime/sync/doc-delta'

const updatesOf = (doc: Y.Doc): Uint8Array[] => {
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(u))
  return out
}

describe('missingFromRemote', () => {
  it('is null when the remote has everything, deletions included', () => {
    const doc = new Y.Doc()
    const sent = updatesOf(doc)
    doc.getMap('facts').set('a', '1')
    doc.getMap('facts').delete('a')
    expect(missingFromRemote(sent, doc)).toBeNull()
  })

  it('returns only what the remote lacks: new content and deletions it has not seen', () => {
    const doc = new Y.Doc()
    const sent = updatesOf(doc)
    doc.getMap('facts').set('a', '1')
    doc.getArray('messages').push(['hello'])
    const remote = [...sent]
    doc.getMap('facts').delete('a')
    doc.getArray('messages').push(['offline'])

    const delta = missingFromRemote(remote, doc)
    expect(delta).not.toBeNull()
    const replica = new Y.Doc()
    for (const u of [...remote, delta ?? new Uint8Array()]) Y.applyUpdate(replica, u)
    expect(replica.getMap('facts').toJSON()).toEqual({})
    expect(replica.getArray('messages').toArray()).toEqual(['hello', 'offline'])
  })
})

describe('missingFromRemote with nothing on the relay', () => {
  it('is the whole document as it is, and null for an empty one', () => {
    expect(missingFromRemote([], new Y.Doc())).toBeNull()
    const doc = new Y.Doc()
    doc.getMap('facts').set('a', '1')
    doc.getMap('facts').delete('a')
    doc.getArray('messages').push(['hello', 'again'])
    const delta = missingFromRemote([], doc)
    expect(delta).toEqual(Y.encodeStateAsUpdate(doc))
    const replica = new Y.Doc()
    Y.applyUpdate(replica, delta ?? new Uint8Array())
    expect(replica.getMap('facts').toJSON()).toEqual({})
    expect(replica.getArray('messages').toArray()).toEqual(['hello', 'again'])
  })
})

describe('foldUpdates', () => {
  it('is equivalent to applying every update', () => {
    const doc = new Y.Doc()
    const updates = updatesOf(doc)
    for (let i = 0; i < 20; i++) doc.getArray('messages').push([`m${i}`])
    doc.getMap('facts').set('tz', 'UTC')
    doc.getMap('facts').set('tz', 'America/New_York')
    const replica = new Y.Doc()
    Y.applyUpdate(replica, foldUpdates(updates))
    expect(replica.getArray('messages').toArray()).toEqual(doc.getArray('messages').toArray())
    expect(replica.getMap('facts').toJSON()).toEqual({ tz: 'America/New_York' })
  })

  it('keeps updates whose dependencies are missing', () => {
    const doc = new Y.Doc()
    const updates = updatesOf(doc)
    doc.getArray('messages').push(['first'])
    doc.getArray('messages').push(['second'])
    const folded = foldUpdates([updates[1] ?? new Uint8Array()])
    const replica = new Y.Doc()
    Y.applyUpdate(replica, updates[0] ?? new Uint8Array())
    Y.applyUpdate(replica, folded)
    expect(replica.getArray('messages').toArray()).toEqual(['first', 'second'])
  })
})
