import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { writeFreshSpace } from '../../../renderer/runtime/files/write-fresh-space'
import { isSealedSegment } from '../../../renderer/runtime/docs/segment-meta'
import { Space } from '../../../renderer/runtime/space/space'
import { conversationDocId, messagesOf, segmentDocId } from '../../../shared/docs'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import type { SessionData } from '../../../shared/session/session-data'
import { recordingListener } from '../docs/space-harness'

const AT = Date.parse('2026-05-01T10:00:00.000Z')
const at = (n: number): string => new Date(AT + n * 1000).toISOString()

/**
 * A records-only session (a file from elsewhere) with one conversation of `count` messages. Message
 * 10 answers message 9; message `late`'s clock was behind, so it sorts among earlier messages.
 */
function longSession(count: number, late: number | null): SessionData {
  const messages = Array.from({ length: count }, (_, i): Message => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `m${i}`,
    role: i % 2 === 0 ? 'user' : 'assistant',
    text: `message ${i}`,
    createdAt: at(i === late ? 2.5 : i + 1),
    deviceId: 'import:test',
    speaker: null,
    replyTo: i === 10 ? 'm9' : null,
    error: null,
  }))
  return {
    exportedAt: at(0),
    app: { name: 'keepsake', version: 'test' },
    scope: 'space',
    space: { id: 'file-space', name: 'From a file', createdAt: at(0) },
    memory: [],
    quarantine: [],
    yjs: null,
    conversations: [
      {
        id: 'long',
        title: 'Long',
        createdAt: at(0),
        updatedAt: at(count),
        deletedAt: null,
        yjs: null,
        messages,
      },
    ],
  }
}

/**
 * Imports `longSession(23, late)` as a new space with segments of `segmentSize`, in batches of one
 * message (inside a conversation a batch then closes at 20: its first 21 messages go in one
 * transaction, the last 2 in the next); opens it.
 */
async function imported(
  segmentSize: number,
  late: number | null = 21,
): Promise<{ space: Space; db: SpaceDb; id: string }> {
  const id = `space-${crypto.randomUUID()}`
  const db = new SpaceDb(id)
  const data = longSession(23, late)
  const noExtras = () => ({ quarantine: [], kv: [] })
  await writeFreshSpace(db, id, data, null, new Set(), noExtras, () => undefined, 1, segmentSize)
  const opened = await Space.open(db, id, 'From a file', recordingListener(), { segmentSize })
  if (!opened.ok) throw new Error(opened.error.message)
  return { space: opened.value, db, id }
}

async function texts(space: Space): Promise<string[]> {
  const page = await space.page('long', 0, 100)
  if (!page.ok) throw new Error(page.error.message)
  return page.value.map((m) => m.text)
}

async function count(space: Space, n: number | null): Promise<number> {
  const doc = n === null ? await space.conversation('long') : await space.segment('long', n)
  if (!doc.ok) throw new Error(doc.error.message)
  return messagesOf(doc.value.doc).length
}

test('a long conversation from a file is stored in segments, read as one, in the same order as one document', async () => {
  const whole = await imported(1000)
  const { space, db } = await imported(5)
  expect(await whole.space.segments('long')).toEqual([])
  // Its own document holds the first 5; no segment starts with an answer to the message before it.
  expect(await space.segments('long')).toEqual([0, 1, 2, 3])
  const counts = [await count(space, null)]
  for (const n of [0, 1, 2, 3]) counts.push(await count(space, n))
  expect(counts).toEqual([5, 6, 5, 5, 2])
  const docIds = new Set((await db.updates.toArray()).map((u) => u.docId))
  expect(docIds).toContain(conversationDocId('long'))
  expect(docIds).toContain(segmentDocId('long', 3))
  // Full segments before the newest are sealed, as appends leave them.
  const sealed = await Promise.all(
    [0, 1, 2, 3].map(async (n) => {
      const s = await space.segment('long', n)
      return s.ok && isSealedSegment(s.value.doc)
    }),
  )
  expect(sealed).toEqual([true, true, true, false])
  const order = await texts(whole.space)
  expect(order).toHaveLength(23)
  // The last transaction's first message sorts among the first's: it is placed among their pages.
  expect(order.indexOf('message 21')).toBe(2)
  expect(await texts(space)).toEqual(order)
  expect(await space.messageCount('long')).toBe(23)
  whole.space.close()
  space.close()
})

test('the first append after importing a long conversation goes to its newest segment, and all of it stays after a restart', async () => {
  const whole = await imported(1000, null)
  const order = await texts(whole.space)
  whole.space.close()
  // The last transaction's messages all come after the first's: their pages are cut after them.
  const { space, id } = await imported(5, null)
  expect(await texts(space)).toEqual(order)
  const appended = await space.append('long', [
    {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'new-one',
      role: 'user',
      text: 'written after the import',
      createdAt: at(100),
      deviceId: 'device-a',
      speaker: null,
      replyTo: null,
      error: null,
    },
  ])
  expect(appended.ok).toBe(true)
  expect(await count(space, 3)).toBe(3)
  expect(await count(space, null)).toBe(5)
  space.close()
  const again = await Space.open(new SpaceDb(id), id, 'From a file', recordingListener(), {
    segmentSize: 5,
  })
  if (!again.ok) throw new Error(again.error.message)
  const after = await texts(again.value)
  expect(after).toHaveLength(24)
  expect(after.at(-1)).toBe('written after the import')
  again.value.close()
})
