import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import type { FilesProgress } from '../../../shared/contract/files-requests'
import { writeFreshSpace } from '../../../renderer/runtime/files/write-fresh-space'
import { freshConversationPlans } from '../../../renderer/runtime/files/import-plans'
import { commitUpdates } from '../../../renderer/runtime/docs/commit-updates'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import type { SessionData } from '../../../shared/session/session-data'
import { openSpace } from './runtime-harness'

const AT = Date.parse('2026-05-01T10:00:00.000Z')

function session(conversations: number, perConversation: number): SessionData {
  const at = (n: number): string => new Date(AT + n * 1000).toISOString()
  return {
    exportedAt: at(0),
    app: { name: 'keepsake', version: 'test' },
    scope: 'space',
    space: { id: 'file-space', name: 'From a file', createdAt: at(0) },
    memory: [],
    quarantine: [],
    yjs: null,
    conversations: Array.from({ length: conversations }, (_, c) => ({
      id: `c${c}`,
      title: `Conversation ${c}`,
      createdAt: at(c * 100),
      updatedAt: at(c * 100 + perConversation),
      deletedAt: null,
      yjs: null,
      messages: Array.from({ length: perConversation }, (_, i): Message => ({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id: `c${c}-m${i}`,
        role: i % 2 === 0 ? 'user' : 'assistant',
        text: `message ${i} of conversation ${c}`,
        createdAt: at(c * 100 + i + 1),
        deviceId: 'import:test',
        speaker: null,
        replyTo: null,
        error: null,
      })),
    })),
  }
}

test('a new space is stored a batch at a time, letting each stored conversation go, and holds everything', async () => {
  const id = `space-${crypto.randomUUID()}`
  const db = new SpaceDb(id)
  const data = session(5, 3)
  const held: number[][] = []
  const counts = await writeFreshSpace(
    db,
    id,
    data,
    null,
    new Set(),
    () => ({ quarantine: [], kv: [] }),
    (p: FilesProgress) => {
      if (p.phase === 'Writing conversations')
        held.push(data.conversations.map((c) => c.messages.length))
    },
    4,
  )
  db.close()
  expect(counts).toEqual({ messagesAdded: 15, memoryWritten: 0 })
  // Two conversations (6 messages) make a batch; once stored, their messages are let go.
  expect(held).toEqual([
    [0, 0, 3, 3, 3],
    [0, 0, 0, 0, 3],
    [0, 0, 0, 0, 0],
  ])
  expect(data.conversations.map((c) => c.title)).toEqual(
    ['0', '1', '2', '3', '4'].map((n) => `Conversation ${n}`),
  )
  const space = await openSpace(id, 'From a file')
  const summaries = await space.summaries()
  expect(summaries.map((s) => [s.id, s.messageCount]).sort()).toEqual(
    ['c0', 'c1', 'c2', 'c3', 'c4'].map((c) => [c, 3]),
  )
  const page = await space.page('c3', 0, 10)
  expect(page.ok && page.value.map((m) => m.text)).toEqual([
    'message 0 of conversation 3',
    'message 1 of conversation 3',
    'message 2 of conversation 3',
  ])
})

test('a batch that cannot be stored rejects, so the caller deletes the unregistered database', async () => {
  const id = `space-${crypto.randomUUID()}`
  const db = new SpaceDb(id)
  const written = writeFreshSpace(
    db,
    id,
    session(4, 3),
    null,
    new Set(),
    () => ({ quarantine: [], kv: [] }),
    (p: FilesProgress) => {
      // The disk goes away after the first batch.
      if (p.phase === 'Writing conversations' && p.done === 2) db.close()
    },
    4,
  )
  await expect(written).rejects.toThrow()
})

test('a new space is laid out in pages exactly as writing each conversation into an empty database would', async () => {
  // 600 messages (three pages), stamped out of order as ChatGPT's client clock leaves them.
  const data = session(2, 600)
  for (const c of data.conversations)
    c.messages.forEach((m, i) => {
      if (i % 7 === 3) m.createdAt = new Date(AT - i * 1000).toISOString()
    })
  const plans = data.conversations.map((c) => [...freshConversationPlans(c, new Set())][0]!)
  const stored = async (newDocuments: boolean): Promise<unknown> => {
    const id = `space-${crypto.randomUUID()}`
    const db = new SpaceDb(id)
    await commitUpdates(db, plans, undefined, { newDocuments })
    const pages = await db.messagePages.toArray()
    const dirs = await db.pageDirs.toArray()
    const updates = (await db.updates.toArray()).map((u) => [u.seq, u.docId, u.update])
    db.close()
    return { pages, dirs, updates }
  }
  const written = await stored(true)
  expect(written).toEqual(await stored(false))
  expect((written as { pages: unknown[] }).pages).toHaveLength(6)
})

test('a conversation written by two updates of one new-space commit has pages that carry the later seq', async () => {
  const data = session(1, 300)
  const [plan] = [...freshConversationPlans(data.conversations[0]!, new Set())]
  if (!plan) throw new Error('no plan')
  const half = plan.rows.messages.length / 2
  const first = { ...plan, rows: { ...plan.rows, messages: plan.rows.messages.slice(0, half) } }
  const second = {
    ...plan,
    update: new Uint8Array(plan.update),
    rows: { ...plan.rows, messages: plan.rows.messages.slice(half) },
  }
  const db = new SpaceDb(`space-${crypto.randomUUID()}`)
  const seqs = await commitUpdates(db, [first, second], undefined, { newDocuments: true })
  const pages = await db.messagePages.toArray()
  db.close()
  expect(seqs).toHaveLength(2)
  expect(pages.length).toBeGreaterThan(1)
  expect(pages.every((p) => p.seq === Math.max(...seqs))).toBe(true)
  expect(pages.reduce((n, p) => n + p.messages.length, 0)).toBe(300)
  // The rows handed in are not stamped or copied into what is stored.
  expect(plan.rows.messages.every((m) => m.seq === undefined)).toBe(true)
})
