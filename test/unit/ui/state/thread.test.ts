import { expect, it } from 'vitest'
import type { Message } from '../../../../shared/contract'
import {
  emptyThread,
  messageAt,
  withAppended,
  withPage,
} from '../../../../renderer/ui/state/thread'

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
const texts = (t: ReturnType<typeof emptyThread>): string[] =>
  Array.from({ length: t.total }, (_, i) => messageAt(t, i)?.text ?? '?')

it('places an answer under its question, as the runtime stores it', () => {
  const q1 = msg('q1')
  const q2 = msg('q2')
  let t = withPage(emptyThread('c'), 0, [q1, q2], 2)
  t = withAppended(t, [msg('a1', q1.id)])
  t = withAppended(t, [msg('a2', q2.id)])
  t = withAppended(t, [msg('a1 again', q1.id)])
  expect(texts(t)).toEqual(['q1', 'a1', 'a1 again', 'q2', 'a2'])
})

it('drops the loaded pages when the question is not loaded, so they are read again', () => {
  const t = withAppended(withPage(emptyThread('c', 1), 0, [msg('other')], 1), [
    msg('answer', 'id-elsewhere'),
  ])
  expect(t.total).toBe(2)
  expect(t.pages).toEqual({})
})
