import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Space } from '../../../renderer/runtime/space/space'
import { messagesOf, segmentDocId } from '../../../shared/docs'
import type { Message } from '../../../shared/schema/current'
import { encodeSealedPages, readSealedPages } from '../../../renderer/runtime/docs/sealed-pages'
import { message, newDb, openSpace, recordingListener, settled } from './space-harness'
import { receiveSegment } from './segment-writer'
import { SpaceDb, spaceDbName } from '../../../renderer/runtime/db/space-db'

/** The same stored space, opened again as after a restart. */
const reopened = (db: SpaceDb): Promise<Space> =>
  openSpace(new SpaceDb(db.name.replace(spaceDbName(''), '')))

async function texts(space: Space, id: string): Promise<string[]> {
  const page = await space.page(id, 0, 1000)
  if (!page.ok) throw new Error(page.error.message)
  return page.value.map((m) => m.text)
}

/** A conversation whose first messages are in its own document and the rest in segments 0 and 1. */
async function segmented(db = newDb(), listener = recordingListener()) {
  const space = await openSpace(db, listener)
  const c = await space.createConversation('Long one', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const own = [message('first, in its own document'), message('second, in its own document')]
  const s0 = [message('third, segment 0'), message('fourth, segment 0')]
  const s1 = [message('fifth, segment 1'), message('sixth, segment 1')]
  expect((await space.append(c.value.id, own)).ok).toBe(true)
  // Segment 1 arrives before segment 0, as items can.
  await receiveSegment(space, c.value.id, 1, s1)
  await receiveSegment(space, c.value.id, 0, s0)
  await settled(space)
  return { space, db, id: c.value.id, all: [...own, ...s0, ...s1], listener }
}

it('shows a conversation whose messages are in its segments as one, in order, after a restart too', async () => {
  const { space, db, id, all, listener } = await segmented()
  expect(await texts(space, id)).toEqual(all.map((m) => m.text))
  expect(await space.messageCount(id)).toBe(6)
  expect(listener.appended.map((m) => m.id).sort()).toEqual(all.map((m) => m.id).sort())
  expect(await space.segments(id)).toEqual([0, 1])
  space.close()
  const again = await reopened(db)
  expect(await again.segments(id)).toEqual([0, 1])
  expect(await texts(again, id)).toEqual(all.map((m) => m.text))
  // Opening one segment opens neither the conversation's own document nor the other segment.
  const s1 = await again.segment(id, 1)
  if (!s1.ok) throw new Error(s1.error.message)
  expect(messagesOf(s1.value.doc).length).toBe(2)
  const found = await again.findMessage(all[4]!.id)
  expect(found?.message.text).toBe('fifth, segment 1')
  again.close()
})

it('deletes a message for good from the segment that holds it', async () => {
  const { space, db, id, all } = await segmented()
  const gone = all[2]!
  expect(await space.deleteMessage(id, gone.id)).toEqual({ ok: true, value: undefined })
  expect(await texts(space, id)).toEqual(all.filter((m) => m !== gone).map((m) => m.text))
  const s0 = await space.segment(id, 0)
  if (!s0.ok) throw new Error(s0.error.message)
  expect(messagesOf(s0.value.doc).toArray()).not.toContainEqual(gone)
  expect((await space.deleteMessage(id, 'no-such-message')).ok).toBe(false)
  await settled(space)
  space.close()
  const again = await reopened(db)
  expect(await texts(again, id)).toEqual(all.filter((m) => m !== gone).map((m) => m.text))
  again.close()
})

it('deleting the conversation for good leaves nothing of its segments in storage', async () => {
  const { space, db, id, all } = await segmented()
  expect((await space.deleteConversation(id)).ok).toBe(true)
  expect(await texts(space, id)).toEqual([])
  const stored = [
    ...(await db.updates.toArray()).map((r) => r.update),
    ...(await db.snapshots.toArray()).map((r) => r.state),
  ]
  const bytes = new TextDecoder().decode(new Uint8Array(stored.flatMap((u) => [...u])))
  for (const m of all) expect(bytes).not.toContain(m.text)
  for (const n of [0, 1]) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await space.storedDocState(segmentDocId(id, n)))
    expect(messagesOf(doc).length).toBe(0)
  }
  // And a restart does not find anything left to finish.
  const rows = await db.updates
    .where('[docId+seq]')
    .between([segmentDocId(id, 0), Dexie.minKey], [segmentDocId(id, 0), Dexie.maxKey])
    .count()
  expect(rows).toBe(0)
  space.close()
})

it('lists a conversation’s segments from storage without opening any document', async () => {
  const { space, db, id } = await segmented()
  space.close()
  const again = await reopened(db)
  // Another conversation whose id starts like this one's is not mistaken for it.
  const other = await again.createConversation('Other', new Date())
  if (!other.ok) throw new Error(other.error.message)
  expect(await again.segments(`${id}:1`)).toEqual([])
  expect(await again.segments(other.value.id)).toEqual([])
  expect(await again.segments(id)).toEqual([0, 1])
  again.close()
})

it('checking a conversation received whole keeps the messages its segments brought', async () => {
  const a = await openSpace(newDb())
  const c = await a.createConversation('Sent whole', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const own = [message('sent whole, one'), message('sent whole, two')]
  expect((await a.append(c.value.id, own)).ok).toBe(true)
  await settled(a)
  const parts = await a.sealedOf(c.value.id)
  if (!parts.ok || parts.value === null) throw new Error('no sealed parts')
  const b = await openSpace(newDb())
  expect(await b.receiveSealed(c.value.id, parts.value, 'item-1')).toEqual({
    ok: true,
    value: true,
  })
  const s0 = [message('in segment 0')]
  await receiveSegment(b, c.value.id, 0, s0)
  await settled(b)
  expect(await b.checkSealedPages()).toBe(0)
  expect(await b.quarantined()).toEqual([])
  expect(await texts(b, c.value.id)).toEqual([...own, ...s0].map((m) => m.text))
  // Its own document goes whole with its own messages only; a segment with its messages.
  const again = await b.sealedOf(c.value.id)
  if (!again.ok || again.value === null) throw new Error('no sealed parts')
  const pages = readSealedPages(again.value.pages)
  if (!pages.ok) throw new Error(pages.error.message)
  expect(pages.value.map((m) => m.id)).toEqual(own.map((m) => m.id))
  const segment = await b.sealedOf(c.value.id, 0)
  if (!segment.ok || segment.value === null) throw new Error('no sealed parts')
  const segmentPages = readSealedPages(segment.value.pages)
  if (!segmentPages.ok) throw new Error(segmentPages.error.message)
  expect(segmentPages.value.map((m) => m.id)).toEqual(s0.map((m) => m.id))
})

it('stores segments sent whole after the conversation’s own document, in any order, and finds they agree', async () => {
  const { space: a, id, all } = await segmented()
  const b = await openSpace(newDb())
  const own = await a.sealedOf(id)
  const s0 = await a.sealedOf(id, 0)
  const s1 = await a.sealedOf(id, 1)
  if (!own.ok || !own.value || !s0.ok || !s0.value || !s1.ok || !s1.value)
    throw new Error('no sealed parts')
  // Segment 1 first, then the conversation's own document (earlier messages), then segment 0.
  expect(await b.receiveSealed(id, s1.value, 'item-s1', 1)).toEqual({ ok: true, value: true })
  expect(await b.receiveSealed(id, own.value, 'item-own')).toEqual({ ok: true, value: true })
  expect(await b.receiveSealed(id, s0.value, 'item-s0', 0)).toEqual({ ok: true, value: true })
  // Nothing of the segment is stored twice.
  expect(await b.receiveSealed(id, s0.value, 'item-s0-again', 0)).toEqual({
    ok: true,
    value: false,
  })
  expect(await texts(b, id)).toEqual(all.map((m) => m.text))
  expect(await b.segments(id)).toEqual([0, 1])
  expect(await b.checkSealedPages()).toBe(0)
  expect(await b.quarantined()).toEqual([])
  // A forged segment: its pages say something its state does not. The check rebuilds and says so.
  const c = await openSpace(newDb())
  const forged = readSealedPages(s1.value.pages)
  if (!forged.ok) throw new Error(forged.error.message)
  const lie = forged.value.map((m, i) =>
    i === 0 ? { ...m, record: { ...(m.record as Message), text: 'words nobody wrote' } } : m,
  )
  expect(
    await c.receiveSealed(
      id,
      { state: s1.value.state, pages: encodeSealedPages(lie) },
      'item-x',
      1,
    ),
  ).toEqual({ ok: true, value: true })
  expect(await texts(c, id)).toContain('words nobody wrote')
  expect(await c.checkSealedPages()).toBe(1)
  expect(await texts(c, id)).toEqual(all.slice(4).map((m) => m.text))
  expect((await c.quarantined()).map((q) => q.recordId)).toEqual(['sealed-pages:item-x'])
})

it('lists every conversation’s segments in one read, as asking each conversation does', async () => {
  const { space, db, id } = await segmented()
  // Ids that share a start: each id's segments are its own.
  const others = ['x', 'x:1', `${id}:0`]
  for (const [i, other] of others.entries())
    await receiveSegment(space, other, i + 2, [message(`in ${other}`)])
  await settled(space)
  space.close()
  const again = await reopened(db)
  const all = await again.allSegments()
  expect(Object.fromEntries(all)).toEqual({ [id]: [0, 1], x: [2], 'x:1': [3], [`${id}:0`]: [4] })
  for (const c of [id, ...others]) expect(await again.segments(c)).toEqual(all.get(c))
  again.close()
})
