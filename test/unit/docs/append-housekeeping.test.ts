import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { COMPACT_AFTER_ROWS } from '../../../renderer/runtime/docs/persisted-doc'
import { IDLE_MS } from '../../../renderer/runtime/docs/idle-task'
import { PAGE_SIZE, TAIL_SIZE } from '../../../renderer/runtime/docs/page-layout'
import { SPACE_DOC_ID, conversationDocId } from '../../../shared/docs'
import { message, newDb, openSpace } from './space-harness'

const originals = {
  put: IDBObjectStore.prototype.put,
  delete: IDBObjectStore.prototype.delete,
}

/**
 * The big writes IndexedDB is asked for while an append is waiting for its acknowledgement:
 * a snapshot (compaction), an update row deleted (compaction), a page of more than `TAIL_SIZE`
 * messages written or a page deleted (a fold). `appending` is set by the test around each append.
 */
const watch = { appending: false, inside: {} as Record<string, number> }

function note(store: string, value?: unknown): void {
  const tally = (what: string): void => void (watch.inside[what] = (watch.inside[what] ?? 0) + 1)
  if (!watch.appending) return
  if (store === 'snapshots') tally('snapshots written')
  if (store === 'updates' && value === undefined) tally('update rows deleted')
  if (store === 'messagePages' && value === undefined) tally('pages deleted')
  const messages = (value as { messages?: unknown[] } | undefined)?.messages
  if (store === 'messagePages' && (messages?.length ?? 0) > TAIL_SIZE)
    tally('pages of more than TAIL_SIZE written')
}

beforeAll(() => {
  IDBObjectStore.prototype.put = function (
    this: IDBObjectStore,
    value: unknown,
    key?: IDBValidKey,
  ) {
    note(this.name, value)
    return originals.put.call(this, value, key)
  }
  IDBObjectStore.prototype.delete = function (
    this: IDBObjectStore,
    key: IDBValidKey | IDBKeyRange,
  ) {
    note(this.name)
    return originals.delete.call(this, key)
  }
})

afterAll(() => {
  IDBObjectStore.prototype.put = originals.put
  IDBObjectStore.prototype.delete = originals.delete
})

const rowsOf = (db: Dexie, docId: string): Promise<number> =>
  db
    .table('updates')
    .where('[docId+seq]')
    .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
    .count()

describe('appends one after another', () => {
  it('leave compaction and page folds out of every acknowledged append, and get them once appends pause', async () => {
    const db = newDb()
    const space = await openSpace(db)
    const made = await space.createConversation('Many appends', new Date('2026-05-01T09:00:00Z'))
    if (!made.ok) throw new Error(made.error.message)
    const id = made.value.id
    // Enough appends for both documents' logs to be due for compaction and for pages to fold.
    const count = COMPACT_AFTER_ROWS + 20
    watch.inside = {}
    for (let i = 0; i < count; i++) {
      watch.appending = true
      const saved = await space.append(id, [message(`message ${i}`)])
      watch.appending = false
      expect(saved.ok).toBe(true)
    }
    expect(watch.inside).toEqual({})
    expect(await rowsOf(db, conversationDocId(id))).toBeGreaterThanOrEqual(COMPACT_AFTER_ROWS)

    // Once the appends pause, the housekeeping runs by itself (no settle).
    await vi.waitFor(
      async () => {
        expect(await rowsOf(db, conversationDocId(id))).toBe(0)
        expect(await rowsOf(db, SPACE_DOC_ID)).toBe(0)
        expect((await db.pageDirs.get(id))?.pages.length).toBeLessThan(Math.ceil(count / TAIL_SIZE))
      },
      { timeout: IDLE_MS * 20, interval: IDLE_MS / 5 },
    )
    const dir = await db.pageDirs.get(id)
    expect(dir?.total).toBe(count)
    const counts = dir?.pages.map((p) => p.count) ?? []
    expect(counts.filter((n) => n > PAGE_SIZE - TAIL_SIZE).length).toBe(
      Math.floor(count / PAGE_SIZE),
    )
    expect(counts.length).toBeLessThan(Math.ceil(count / TAIL_SIZE))
    const page = await space.recent(id, 3)
    expect(page.ok && page.value.map((m) => m.text)).toEqual([
      `message ${count - 3}`,
      `message ${count - 2}`,
      `message ${count - 1}`,
    ])
    space.close()
  })
})
