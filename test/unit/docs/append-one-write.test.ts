import 'fake-indexeddb/auto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { readDocState } from '../../../renderer/runtime/docs/doc-state'
import { SPACE_DOC_ID, conversationDocId, conversationsMap } from '../../../shared/docs'
import { message, openSpace, recordingListener, settled } from './space-harness'

const originals = {
  transaction: IDBDatabase.prototype.transaction,
  add: IDBObjectStore.prototype.add,
}

/** What the patched IndexedDB notes: each read-write transaction and the documents whose update rows it added. */
const watch = {
  on: false,
  failNext: false,
  docsByTransaction: [] as string[][],
  docs: new WeakMap<IDBTransaction, string[]>(),
}

/** Starts noting read-write transactions from now on (optionally refusing the next one). */
function watchTransactions(failNext = false): typeof watch {
  watch.on = true
  watch.failNext = failNext
  watch.docsByTransaction = []
  return watch
}

// Installed before any database opens: Dexie binds `transaction` when it opens one.
beforeAll(() => {
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    if (watch.on && args[1] === 'readwrite' && watch.failNext) {
      watch.failNext = false
      throw new DOMException('the disk refused this one', 'UnknownError')
    }
    const tx = originals.transaction.apply(this, args)
    if (watch.on && args[1] === 'readwrite') {
      const docs: string[] = []
      watch.docs.set(tx, docs)
      watch.docsByTransaction.push(docs)
    }
    return tx
  }
  IDBObjectStore.prototype.add = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    const docId = (value as { docId?: unknown }).docId
    if (this.name === 'updates' && typeof docId === 'string')
      watch.docs.get(this.transaction)?.push(docId)
    return originals.add.call(this, value, key)
  }
})

afterEach(() => {
  watch.on = false
  watch.failNext = false
})

afterAll(() => {
  IDBDatabase.prototype.transaction = originals.transaction
  IDBObjectStore.prototype.add = originals.add
})

/** The conversation's entry as stored on disk (read without the live document). */
async function storedEntry(db: SpaceDb, id: string): Promise<unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDocState(db, SPACE_DOC_ID))
  return conversationsMap(doc).get(id)
}

describe('an append', () => {
  it("stores its messages and its conversation's updated time in one transaction", async () => {
    const db = new SpaceDb(`test-${crypto.randomUUID()}`)
    const space = await openSpace(db)
    const made = await space.createConversation('One write', new Date('2026-05-01T09:00:00Z'))
    if (!made.ok) throw new Error(made.error.message)
    await space.append(made.value.id, [message('opens the document')])
    await settled(space)
    const watched = watchTransactions()
    const said = message('hello')
    expect((await space.append(made.value.id, [said])).ok).toBe(true)
    await settled(space)
    // One flush to disk per append: the messages and the list's time are in the same transaction.
    // (Settling also stores the space's view in `caches`: a transaction with no update rows.)
    expect(watched.docsByTransaction.filter((docs) => docs.length > 0)).toEqual([
      [conversationDocId(made.value.id), SPACE_DOC_ID],
    ])
    expect(await storedEntry(db, made.value.id)).toMatchObject({ updatedAt: said.createdAt })
    db.close()
  })

  it('whose transaction fails keeps both changes and stores them with the next write', async () => {
    const db = new SpaceDb(`test-${crypto.randomUUID()}`)
    const failures: string[] = []
    const space = await openSpace(db, {
      ...recordingListener(),
      storageFailed: (text) => void failures.push(text),
    })
    const made = await space.createConversation('Retried', new Date('2026-05-01T09:00:00Z'))
    if (!made.ok) throw new Error(made.error.message)
    await space.append(made.value.id, [message('opens the document')])
    await settled(space)
    watchTransactions(true)
    const said = message('kept through a failed write')
    const first = await space.append(made.value.id, [said])
    expect(first.ok).toBe(false)
    expect(failures.length).toBeGreaterThan(0)
    await settled(space)
    const page = await space.recent(made.value.id, 10)
    expect(page.ok && page.value.map((m) => m.text)).toEqual([
      'opens the document',
      'kept through a failed write',
    ])
    expect(await storedEntry(db, made.value.id)).toMatchObject({ updatedAt: said.createdAt })
    db.close()
  })
})
