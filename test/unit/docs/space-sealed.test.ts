import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { encodeSealedPages, readSealedPages } from '../../../renderer/runtime/docs/sealed-pages'
import type { Space } from '../../../renderer/runtime/space/space'
import { conversationDocId, markPurged, messagesOf } from '../../../shared/docs'
import type { Message } from '../../../shared/schema/current'
import { message, newDb, openSpace, recordingListener, settled } from './space-harness'

/** A space holding one conversation of `count` messages; its id and what `sealedOf` gives for it. */
async function sender(count: number) {
  const space = await openSpace(newDb())
  const c = await space.createConversation('Sent whole', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const sent = Array.from({ length: count }, (_, i) => message(`sealed message ${i}`))
  for (let i = 0; i < sent.length; i += 7) {
    const appended = await space.append(c.value.id, sent.slice(i, i + 7))
    if (!appended.ok) throw new Error(appended.error.message)
  }
  await settled(space)
  const parts = await space.sealedOf(c.value.id)
  if (!parts.ok || parts.value === null) throw new Error('no sealed parts')
  return { space, id: c.value.id, sent, parts: parts.value }
}

const updateRows = (db: SpaceDb, docId: string): Promise<number> =>
  db.updates.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).count()

async function texts(space: Space, id: string): Promise<string[]> {
  const page = await space.page(id, 0, 1000)
  if (!page.ok) throw new Error(page.error.message)
  return page.value.map((m) => m.text)
}

it('stores a conversation sent whole without decoding its state, and serves its messages', async () => {
  const a = await sender(30)
  const listener = recordingListener()
  const b = await openSpace(newDb(), listener)
  // Bytes that are no Yjs update at all: stored as they are, because nothing decodes them here.
  const stored = await b.receiveSealed(
    a.id,
    { state: new Uint8Array([1, 2, 3]), pages: a.parts.pages },
    'item-1',
  )
  expect(stored).toEqual({ ok: true, value: true })
  expect(await texts(b, a.id)).toEqual(a.sent.map((m) => m.text))
  expect(await b.messageCount(a.id)).toBe(30)
  await settled(b)
  expect(listener.appended.map((m) => m.id)).toEqual(a.sent.map((m) => m.id))
  // Only the later check decodes it, and reports what does not replay.
  expect(await b.checkSealedPages()).toBe(0)
  const quarantined = await b.quarantined()
  expect(quarantined.map((q) => [q.origin, q.recordId, q.path])).toEqual([
    [conversationDocId(a.id), 'sealed-state:item-1', 'state'],
  ])
})

it('opens a conversation stored whole with everything it was sent, and appends to it', async () => {
  const a = await sender(20)
  const b = await openSpace(newDb())
  expect((await b.receiveSealed(a.id, a.parts, 'item-1')).ok).toBe(true)
  const opened = await b.conversation(a.id)
  if (!opened.ok) throw new Error(opened.error.message)
  expect(messagesOf(opened.value.doc).length).toBe(20)
  expect((await b.append(a.id, [message('one more on B')])).ok).toBe(true)
  expect((await texts(b, a.id)).at(-1)).toBe('one more on B')
  expect(await b.checkSealedPages()).toBe(0)
  expect(await b.quarantined()).toEqual([])
})

it('repairs pages that disagree with the state they came with, and reports it', async () => {
  const a = await sender(25)
  const pages = readSealedPages(a.parts.pages)
  if (!pages.ok) throw new Error(pages.error.message)
  // A forged pages half: one message reworded, one left out, one that the state does not hold.
  const forged = pages.value.map((m, i) =>
    i === 3 ? { ...m, record: { ...(m.record as Message), text: 'words nobody wrote' } } : m,
  )
  forged.splice(10, 1)
  const stranger = message('a message that is in no state')
  forged.push({ id: stranger.id, createdAt: stranger.createdAt, record: stranger })
  const removed: string[][] = []
  const listener = {
    ...recordingListener(),
    messagesRemoved: (_: string, ids: string[]) => void removed.push(ids),
  }
  const b = await openSpace(newDb(), listener)
  const stored = await b.receiveSealed(
    a.id,
    { state: a.parts.state, pages: encodeSealedPages(forged) },
    'item-9',
  )
  expect(stored).toEqual({ ok: true, value: true })
  expect(await texts(b, a.id)).toContain('words nobody wrote')

  expect(await b.checkSealedPages()).toBe(1)
  expect(await texts(b, a.id)).toEqual(a.sent.map((m) => m.text))
  const [report] = await b.quarantined()
  expect(report?.origin).toBe(conversationDocId(a.id))
  expect(report?.recordId).toBe('sealed-pages:item-9')
  expect(report?.reason).toMatch(/disagreed with its state .*rebuilt from the state/)
  expect(report?.raw).toContain('words nobody wrote')
  expect(removed.flat().sort()).toEqual([a.sent[3]!.id, stranger.id].sort())
  expect(listener.appended.map((m) => m.text)).toContain(a.sent[10]!.text)
  // Checked once: nothing is left to check, and nothing more is reported.
  expect(await b.checkSealedPages()).toBe(0)
  expect(await b.quarantined()).toHaveLength(1)
})

it('refuses pages it cannot read and stores nothing, so the state is applied as any update', async () => {
  const a = await sender(5)
  const b = await openSpace(newDb())
  const pages = new TextEncoder().encode(JSON.stringify({ v: 1, messages: [['x', 3, {}]] }))
  expect(await b.receiveSealed(a.id, { state: a.parts.state, pages }, 'item-2')).toEqual({
    ok: true,
    value: false,
  })
  expect(await updateRows(b.db, conversationDocId(a.id))).toBe(0)
  const [report] = await b.quarantined()
  expect(report?.path).toBe('pages.messages[0][1]')
  expect(report?.reason).toMatch(/cannot be read .*built from its state instead/)
})

it('stores nothing for a conversation it holds, has open or deleted for good: taking it again adds nothing', async () => {
  const a = await sender(12)
  const b = await openSpace(newDb())
  expect((await b.receiveSealed(a.id, a.parts, 'item-1')).ok).toBe(true)
  const docId = conversationDocId(a.id)
  const rows = await updateRows(b.db, docId)
  expect(await b.receiveSealed(a.id, a.parts, 'item-1')).toEqual({ ok: true, value: false })
  expect(await updateRows(b.db, docId)).toBe(rows)
  expect(await b.messageCount(a.id)).toBe(12)

  // Nor one deleted for good on another device, whose tombstone came first: applied as an update,
  // it is deleted again as before.
  const d = await openSpace(newDb())
  expect((await d.state.change((doc) => markPurged(doc, a.id, new Date().toISOString()))).ok).toBe(
    true,
  )
  expect(await d.receiveSealed(a.id, a.parts, 'item-1')).toEqual({ ok: true, value: false })
  expect(await d.messageCount(a.id)).toBe(0)

  // One this device has open is not stored around its live document either.
  const c = await openSpace(newDb())
  const opened = await c.conversation(a.id)
  if (!opened.ok) throw new Error(opened.error.message)
  expect(await c.receiveSealed(a.id, a.parts, 'item-1')).toEqual({ ok: true, value: false })
  expect(await updateRows(c.db, docId)).toBe(0)
})

it('gives a conversation whole: its state and its messages in read order', async () => {
  const a = await sender(9)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, a.parts.state)
  expect(messagesOf(doc).toArray()).toEqual(a.sent)
  const pages = readSealedPages(a.parts.pages)
  expect(pages.ok && pages.value.map((m) => m.record)).toEqual(a.sent)
  // Nothing to give for a conversation the space does not know.
  expect(await a.space.sealedOf('no-such-conversation')).toEqual({ ok: true, value: null })
})
