import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { SpaceDb, type MessageRow } from '../../../renderer/runtime/db/space-db'
import { messageCount, putMessageRows } from '../../../renderer/runtime/docs/message-counts'

const rows = (conversationId: string, from: number, n: number): MessageRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${conversationId}-${from + i}`,
    conversationId,
    createdAt: new Date(Date.UTC(2026, 0, 1) + (from + i) * 1000).toISOString(),
    record: { id: `${conversationId}-${from + i}` },
    seq: 1,
  }))

const put = (db: SpaceDb, r: MessageRow[]) =>
  db.transaction('rw', db.messages, db.kv, () => putMessageRows(db, r))

test('counts stay exact through small and large writes, including rows written twice', async () => {
  const db = new SpaceDb(`counts-${Math.random()}`)
  await put(db, rows('a', 0, 10))
  expect(await messageCount(db, 'a')).toBe(10)
  // A large write (an import) that repeats the first ten rows and adds 1,990 more.
  await put(db, [...rows('a', 0, 2000), ...rows('b', 0, 5)])
  expect(await messageCount(db, 'a')).toBe(2000)
  expect(await messageCount(db, 'b')).toBe(5)
  // A small write that repeats a row adds nothing.
  await put(db, rows('a', 1999, 2))
  expect(await messageCount(db, 'a')).toBe(2001)
  db.close()
})
