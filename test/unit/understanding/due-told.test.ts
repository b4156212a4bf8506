import { describe, expect, it } from 'vitest'
import { itemExtras } from '../../../shared/schema/item-extras'
import { converse } from '../../support/understanding/say-in-turn'

/** The current tasks after the messages, with the day each is due. */
async function tasksAfter(
  messages: readonly string[],
): Promise<{ text: string; due: string | null; done: boolean }[]> {
  return (await converse(messages, '2026-11-02T09:00:00Z')).items
    .filter((i) => i.kind === 'task' && i.status === 'active')
    .map((i) => ({
      text: i.text,
      due: itemExtras(i).extras.due?.slice(0, 10) ?? null,
      done: i.kind === 'task' && i.taskStatus === 'done',
    }))
}

describe("a day something is due, told as someone else's word", () => {
  it.each([
    ['my MOT is due on the 30th', 'garage said the MOT is actually due the 24th', '2026-11-24'],
    [
      'need to send the tax return by the 20th',
      'accountant says the tax return deadline is the 15th actually',
      '2026-11-15',
    ],
  ])('after "%s", "%s" moves its day and does not finish it', async (task, word, day) => {
    expect(await tasksAfter([task, word])).toEqual([
      expect.objectContaining({ due: day, done: false }),
    ])
  })

  it("someone's own deadline is theirs", async () => {
    expect(
      await tasksAfter([
        'I need to finish my essay by Monday',
        'my sister said her essay is due friday',
      ]),
    ).toEqual([expect.objectContaining({ due: '2026-11-09' })])
  })
})
