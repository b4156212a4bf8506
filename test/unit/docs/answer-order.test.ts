import 'fake-indexeddb/auto'
import { expect, it } from 'vitest'
import { message, newDb, openSpace } from './space-harness'

it('an answer is read back directly under the message it answers, after earlier answers to it', async () => {
  const space = await openSpace(newDb())
  const c = await space.createConversation('Order', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const q1 = message('first question')
  const q2 = message('second question')
  const failed = { ...message('', 'assistant'), replyTo: q1.id, error: { code: 'x', message: 'x' } }
  const a2 = { ...message('second answer', 'assistant'), replyTo: q2.id }
  const retried = { ...message('first answer', 'assistant'), replyTo: q1.id }
  for (const m of [q1, failed, q2, a2, retried])
    expect((await space.append(c.value.id, [m])).ok).toBe(true)

  const page = await space.page(c.value.id, 0, 10)
  expect(page.ok && page.value.map((m) => m.text)).toEqual([
    'first question',
    '',
    'first answer',
    'second question',
    'second answer',
  ])
  // The stored message keeps its own time; only its place in the list follows its question.
  expect(page.ok && page.value[2]?.createdAt).toBe(retried.createdAt)
  const where = await space.locateMessage(retried.id)
  expect(where?.offset).toBe(2)
})
