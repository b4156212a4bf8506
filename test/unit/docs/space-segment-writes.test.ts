import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, it } from 'vitest'
import { SpaceDb, spaceDbName } from '../../../renderer/runtime/db/space-db'
import { PAIRING_KEY } from '../../../renderer/runtime/docs/segment-writes'
import { isSealedSegment } from '../../../renderer/runtime/docs/segment-meta'
import type { Space } from '../../../renderer/runtime/space/space'
import { conversationDocId, messagesOf, metaMap, segmentDocId } from '../../../shared/docs'
import type { Message } from '../../../shared/schema/current'
import { message, newDb, openSpace, settled } from './space-harness'

const SIZE = 5

const reopened = (db: SpaceDb): Promise<Space> =>
  openSpace(new SpaceDb(db.name.replace(spaceDbName(''), '')), undefined, { segmentSize: SIZE })

async function texts(space: Space, id: string): Promise<string[]> {
  const page = await space.page(id, 0, 1000)
  if (!page.ok) throw new Error(page.error.message)
  return page.value.map((m) => m.text)
}

const rowsOf = (db: SpaceDb, docId: string): Promise<number> =>
  db.updates.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).count()

/** A space with segments of `SIZE` messages and one conversation in it, empty. */
async function longConversation(db = newDb()) {
  const space = await openSpace(db, undefined, { segmentSize: SIZE })
  const c = await space.createConversation('Long', new Date())
  if (!c.ok) throw new Error(c.error.message)
  return { db, space, id: c.value.id }
}

async function appendAll(space: Space, id: string, messages: Message[]): Promise<void> {
  for (const m of messages) {
    const r = await space.append(id, [m])
    if (!r.ok) throw new Error(r.error.message)
  }
}

it('fills the conversation’s own document, then segment after segment, each sealed when full', async () => {
  const { space, id } = await longConversation()
  const sent = Array.from({ length: 17 }, (_, i) => message(`message ${i}`))
  await appendAll(space, id, sent)
  await settled(space)
  expect(await texts(space, id)).toEqual(sent.map((m) => m.text))
  expect(await space.segments(id)).toEqual([0, 1, 2])
  const own = await space.conversation(id)
  if (!own.ok) throw new Error(own.error.message)
  expect(messagesOf(own.value.doc).length).toBe(SIZE)
  for (const [n, count, sealed] of [
    [0, SIZE, true],
    [1, SIZE, true],
    [2, 2, false],
  ] as const) {
    const s = await space.segment(id, n)
    if (!s.ok) throw new Error(s.error.message)
    expect(messagesOf(s.value.doc).length).toBe(count)
    expect(isSealedSegment(s.value.doc)).toBe(sealed)
    expect(metaMap(s.value.doc).get('segment')).toBe(n)
    expect(metaMap(s.value.doc).get('id')).toBe(id)
  }
  // The conversation's entry moved with every append.
  const entry = (await space.conversationEntries()).find((e) => e.id === id)
  expect(entry?.updatedAt).toBe(sent.at(-1)?.createdAt)
  space.close()
})

it('after a restart, appends go to the newest segment without opening the conversation’s own document or older segments', async () => {
  const { db, space, id } = await longConversation()
  const first = Array.from({ length: 12 }, (_, i) => message(`before ${i}`))
  await appendAll(space, id, first)
  await settled(space)
  space.close()
  const again = await reopened(db)
  const opened: string[] = []
  again.onConversationOpened((_id, _doc, docId) => void opened.push(docId))
  const later = [message('after the restart')]
  await appendAll(again, id, later)
  expect(opened).toEqual([segmentDocId(id, 1)])
  expect(await texts(again, id)).toEqual([...first, ...later].map((m) => m.text))
  again.close()
})

it('seals a full segment and starts the next in one write', async () => {
  const { db, space, id } = await longConversation()
  await appendAll(
    space,
    id,
    Array.from({ length: 2 * SIZE }, (_, i) => message(`m ${i}`)),
  )
  await settled(space)
  const before = await db.updates.count()
  await appendAll(space, id, [message('the one that seals segment 0')])
  // One update row for each document the append changed (segment 0, segment 1, the space
  // document), all from one transaction: their seqs follow one another.
  const rows = await db.updates.where('seq').above(0).toArray()
  const added = rows.slice(before)
  expect(added.map((r) => r.docId).sort()).toEqual(
    ['space', segmentDocId(id, 0), segmentDocId(id, 1)].sort(),
  )
  expect(await rowsOf(db, conversationDocId(id))).toBeGreaterThan(0)
  space.close()
})

it('writes no segment in a paired space until sync says every other device reads them', async () => {
  const db = newDb()
  await db.open()
  await db.kv.put({ key: PAIRING_KEY, value: { stand: 'in' } })
  const { space, id } = await longConversation(db)
  await appendAll(
    space,
    id,
    Array.from({ length: 3 * SIZE }, (_, i) => message(`m ${i}`)),
  )
  expect(await space.segments(id)).toEqual([])
  await space.othersReadSegments(true)
  await appendAll(space, id, [message('once every device reads segments')])
  expect(await space.segments(id)).toEqual([0])
  // An older build announced itself: new messages go to the conversation's own document again.
  await space.othersReadSegments(false)
  await appendAll(space, id, [message('while an older build syncs')])
  const s0 = await space.segment(id, 0)
  if (!s0.ok) throw new Error(s0.error.message)
  expect(messagesOf(s0.value.doc).length).toBe(1)
  expect((await texts(space, id)).at(-1)).toBe('while an older build syncs')
  space.close()
})

it('stops writing segments once the space is paired, until sync has heard the other devices', async () => {
  const { db, space, id } = await longConversation()
  await appendAll(space, id, [message('unpaired, so segments may be written')])
  await db.kv.put({ key: PAIRING_KEY, value: { stand: 'in' } })
  space.pairingChanged()
  await appendAll(
    space,
    id,
    Array.from({ length: 2 * SIZE }, (_, i) => message(`paired ${i}`)),
  )
  expect(await space.segments(id)).toEqual([])
  await db.kv.delete(PAIRING_KEY)
  space.pairingChanged()
  await appendAll(space, id, [message('unpaired again')])
  expect(await space.segments(id)).toEqual([0])
  space.close()
})

it('appends that overlap land in order, and only one of them seals', async () => {
  const { space, id } = await longConversation()
  const sent = Array.from({ length: 4 * SIZE }, (_, i) => message(`overlapping ${i}`))
  const results = await Promise.all(sent.map((m) => space.append(id, [m])))
  expect(results.every((r) => r.ok)).toBe(true)
  await settled(space)
  expect(await texts(space, id)).toEqual(sent.map((m) => m.text))
  expect(await space.segments(id)).toEqual([0, 1, 2])
  for (const n of [0, 1]) {
    const s = await space.segment(id, n)
    if (!s.ok) throw new Error(s.error.message)
    expect(messagesOf(s.value.doc).length).toBe(SIZE)
  }
  space.close()
})

it('goes past a segment another device sealed, even one stored whole after this device last chose', async () => {
  // Device A writes the conversation past its first segment, which is sealed.
  const { space: a, id } = await longConversation()
  await appendAll(
    a,
    id,
    Array.from({ length: 3 * SIZE }, (_, i) => message(`from A ${i}`)),
  )
  await settled(a)
  const s0 = await a.sealedOf(id, 0)
  if (!s0.ok || !s0.value) throw new Error('no sealed parts')
  // Device C wrote to the conversation before (one message, in its own document), then takes
  // segment 0 whole, without opening it.
  const c = await openSpace(newDb(), undefined, { segmentSize: SIZE })
  await appendAll(c, id, [message('on C first')])
  expect(await c.receiveSealed(id, s0.value, 'item-s0', 0)).toEqual({ ok: true, value: true })
  await appendAll(c, id, [message('on C next')])
  const first = await c.segment(id, 0)
  const next = await c.segment(id, 1)
  if (!first.ok || !next.ok) throw new Error('segments do not open')
  expect(messagesOf(first.value.doc).length).toBe(SIZE)
  expect(
    messagesOf(next.value.doc)
      .toArray()
      .map((m) => (m as Message).text),
  ).toEqual(['on C next'])
  a.close()
  c.close()
})
