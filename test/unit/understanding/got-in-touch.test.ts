import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { docTools } from '../../support/understanding/evaluate'

/** Says each message in turn, two minutes apart; returns each task and whether it is done. */
async function after(messages: string[]): Promise<{ text: string; done: boolean }[]> {
  const doc = new Y.Doc()
  let clock = Date.parse('2026-05-18T09:00:00Z')
  for (const text of messages) {
    const now = new Date((clock += 120_000))
    await respondOffline(
      {
        text,
        now,
        firstTurn: false,
        change: { now, actor: 'assistant', source: { conversationId: 'c', messageId: `${clock}` } },
      },
      docTools(doc, now, async () => []),
    )
  }
  return readMemory(doc).items.flatMap((i) =>
    i.kind === 'task' ? [{ text: i.text, done: i.taskStatus === 'done' }] : [],
  )
}

describe('an errand to get in touch, told done in other words', () => {
  it.each([
    ['I need to call the bank about the missing payment', 'spoke to the bank'],
    ['I have to ring the letting agent about the boiler', 'finally got hold of the letting agent'],
    ['I need to talk to my manager about the rota', 'got through to my manager this morning'],
    ['I need to ring the vet about the dog', 'phoned the vet this morning'],
    ['I need to chase the council about the permit', 'chased the council about the permit'],
  ])('after "%s", "%s" finishes it and no other task', async (task, report) => {
    const tasks = await after([task, 'I need to renew the car insurance before June', report])
    expect(tasks.map((t) => t.done)).toEqual([true, false])
  })
})
