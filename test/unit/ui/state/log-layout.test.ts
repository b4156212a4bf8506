import { expect, it } from 'vitest'
import type { Message } from '../../../../shared/contract'
import { logLayout } from '../../../../renderer/ui/state/log-layout'
import { emptyThread, messageAt, withPage, type Thread } from '../../../../renderer/ui/state/thread'

let clock = Date.parse('2026-01-01T00:00:00Z')
const msg = (text: string, replyTo: string | null = null): Message => {
  clock += 1000
  return {
    schemaVersion: 2,
    id: `id-${text}`,
    role: replyTo === null ? 'user' : 'assistant',
    text,
    createdAt: new Date(clock).toISOString(),
    deviceId: 'd',
    speaker: null,
    replyTo,
    error: null,
  }
}

/** The log top to bottom as a person reads it. */
const rows = (thread: Thread, pending: string[], outgoing: number[] = []): string[] => {
  const layout = logLayout(thread, pending, outgoing)
  return Array.from({ length: layout.count }, (_, i) => {
    const row = layout.rowAt(i)
    if (row.kind === 'message') return messageAt(thread, row.index)?.text ?? '?'
    return row.kind === 'pending' ? `writing:${row.replyTo}` : `sending:${row.localId}`
  })
}

const q1 = msg('q1')
const a1 = msg('a1 failed', q1.id)
const q2 = msg('q2')
const a2 = msg('a2', q2.id)
const thread = withPage(emptyThread('c'), 0, [q1, a1, q2, a2], 4)

it('writes a retried reply under its question and earlier answers, not at the end', () => {
  expect(rows(thread, [q1.id], [1])).toEqual([
    'q1',
    'a1 failed',
    'writing:id-q1',
    'q2',
    'a2',
    'sending:1',
  ])
})

it('writes the reply to the newest message at the end, before unsaved messages', () => {
  const q3 = msg('q3')
  const t = withPage(emptyThread('c'), 0, [q1, a1, q2, a2, q3], 5)
  expect(rows(t, [q3.id], [1])).toEqual([
    'q1',
    'a1 failed',
    'q2',
    'a2',
    'q3',
    'writing:id-q3',
    'sending:1',
  ])
})

it('keeps saved rows on their index as key and finds their row', () => {
  const layout = logLayout(thread, [q1.id], [])
  expect([0, 1, 2, 3, 4].map((i) => layout.keyAt(i))).toEqual([0, 1, 'pending:id-q1', 2, 3])
  expect([0, 1, 2, 3].map((i) => layout.rowOf(i))).toEqual([0, 1, 3, 4])
})

it('puts a reply whose question is not loaded at the end', () => {
  expect(rows(thread, ['id-elsewhere'])).toEqual([
    'q1',
    'a1 failed',
    'q2',
    'a2',
    'writing:id-elsewhere',
  ])
})
