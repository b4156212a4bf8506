import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, test } from 'vitest'
import { SEARCH_INDEX_KEY, SpaceDb } from '../../../renderer/runtime/db/space-db'

test('a version 1 database keeps its data and its search index snapshot moves to caches', async () => {
  const name = 'keepsake-space-upgrade-1'
  const old = new Dexie(name)
  old.version(1).stores({
    updates: '++seq, [docId+seq]',
    snapshots: 'docId',
    messages: 'id, [conversationId+createdAt], seq',
    memory: 'id, kind',
    quarantine: '++id, [origin+recordId]',
    turns: 'replyId, conversationId',
    kv: 'key',
  })
  await old.table('kv').bulkPut([
    { key: SEARCH_INDEX_KEY, value: '{"watermark":"7"}' },
    { key: 'message-count:c1', value: 3 },
  ])
  await old.table('updates').add({ docId: 'space', update: new Uint8Array([0, 0]), at: 'x' })
  old.close()

  const db = new SpaceDb('upgrade-1')
  expect(await db.caches.get(SEARCH_INDEX_KEY)).toEqual({
    key: SEARCH_INDEX_KEY,
    value: '{"watermark":"7"}',
  })
  expect(await db.kv.get(SEARCH_INDEX_KEY)).toBeUndefined()
  expect(await db.kv.get('message-count:c1')).toEqual({ key: 'message-count:c1', value: 3 })
  expect(await db.updates.count()).toBe(1)
  db.close()
})
