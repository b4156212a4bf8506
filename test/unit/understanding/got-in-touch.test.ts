import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'

/** Says each message in turn, two minutes apart; returns each task and whether it is done. */
async function after(messages: string[]): Promise<{ text: string; done: boolean }[]> {
  return (await sayInTurn(messages)).flatMap((i) =>
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
