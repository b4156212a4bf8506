import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { SpaceDb, type MessageRow } from '../../../renderer/runtime/db/space-db'
import {
  messageRowCount,
  messageRowsAfter,
} from '../../../renderer/runtime/docs/message-rows-after'

const row = (conversationId: string, i: number, seq: number): MessageRow => ({
  id: `${conversationId}-${String(i).padStart(5, '0')}`,
  conversationId,
  createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
  seq,
  record: null,
})

test('paging by cursor reads every row once, even when one update wrote more rows than a page', async () => {
  const db = new SpaceDb('rows-after-1')
  // An import: three conversations of 2,500, 40 and 1,300 rows, one update (seq) each; then appends.
  const rows = [
    ...Array.from({ length: 2500 }, (_, i) => row('a', i, 3)),
    ...Array.from({ length: 40 }, (_, i) => row('b', i, 4)),
    ...Array.from({ length: 1300 }, (_, i) => row('c', i, 5)),
    ...Array.from({ length: 7 }, (_, i) => row('d', i, 6 + i)),
  ]
  await db.messages.bulkPut(rows)

  const read: string[] = []
  let cursor = 0
  for (;;) {
    const page = await messageRowsAfter(db, cursor, 1000)
    if (page.rows.length === 0) break
    expect(page.cursor).toBeGreaterThan(cursor)
    read.push(...page.rows.map((r) => r.id))
    cursor = page.cursor
  }
  expect(read).toHaveLength(rows.length)
  expect(new Set(read)).toEqual(new Set(rows.map((r) => r.id)))
  expect(await messageRowCount(db)).toBe(rows.length)
  expect((await messageRowsAfter(db, cursor, 1000)).rows).toEqual([])
  db.close()
})

test('a row written again by a later update is read again after the cursor', async () => {
  const db = new SpaceDb('rows-after-2')
  await db.messages.bulkPut([row('a', 0, 1), row('a', 1, 1)])
  const first = await messageRowsAfter(db, 0, 1000)
  expect(first.rows).toHaveLength(2)
  await db.messages.put({ ...row('a', 1, 2), record: { edited: true } })
  const next = await messageRowsAfter(db, first.cursor, 1000)
  expect(next.rows.map((r) => r.record)).toEqual([{ edited: true }])
  db.close()
})
