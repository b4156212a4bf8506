import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

describe('what is due, said between "due" and the date, is the task', () => {
  it.each([
    ["van's due its MOT on the 21st", "van's MOT due on the 21st", '2026-05-21'],
    [
      'the boiler is due its annual service in June',
      "boiler's annual service due in June",
      '2026-06',
    ],
    ['my passport is due for renewal in July', "passport's renewal due in July", '2026-07'],
  ])('"%s" → "%s"', async (said, told, due) => {
    const { items, replies } = await converse([said])
    expect(replies[0]?.toLowerCase()).toContain(`added to your tasks: ${told.toLowerCase()}`)
    const task = items.find((i) => i.kind === 'task')
    expect(task && 'due' in task ? String(task.due) : '').toContain(due)
  })

  it('"rent\'s due on the 1st" keeps its plain form', async () => {
    const { replies } = await converse(["rent's due on the 1st"])
    expect(replies[0]).toBe('Added to your tasks: rent due on the 1st.')
  })
})
