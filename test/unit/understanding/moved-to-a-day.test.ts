import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

const current = (items: { status: string; text: string }[]): string[] =>
  items.filter((i) => i.status === 'active').map((i) => i.text)

describe('"X got moved to <a day>" is a new date, not a hand-over', () => {
  it.each([
    'actually parents evening got moved to Wednesday',
    'parents evening was moved to Wednesday',
  ])('"%s" moves the event and says so', async (moved) => {
    // 18 May 2026 is a Monday: "next Thursday at 4" is May 28, the Wednesday of that week May 27.
    const { items, replies } = await converse(['parents evening is next Thursday at 4', moved])
    expect(replies[1]).toMatch(/^Updated: /u)
    expect(replies[1]).not.toMatch(/open task/u)
    const now = current(items).filter((t) => /parents evening/iu.test(t))
    expect(now).toHaveLength(1)
    expect(now[0]).toMatch(/Wednesday/u)
  })

  it.each([
    ['parents evening has been moved to next Wednesday', /Wednesday, May 27/u],
    ['the parents evening got pushed back to Friday', /Friday, May 2\d/u],
  ])('"%s", said without "my", moves the event too', async (moved, day) => {
    const { items, replies } = await converse(['parents evening is next Thursday at 4', moved])
    expect(replies[1]).toMatch(/^Updated: /u)
    const now = current(items).filter((t) => /parents evening/iu.test(t))
    expect(now).toHaveLength(1)
    expect(now[0]).toMatch(day)
  })

  it('"the Jenkins ticket got moved to Sarah" is still read as handing the task over', async () => {
    const { items, replies } = await converse([
      'I need to fix the Jenkins ticket by Friday',
      'the Jenkins ticket got moved to Sarah',
    ])
    expect(replies[1]).not.toMatch(/^Noted/u)
    const task = items.find((i) => i.kind === 'task' && /Jenkins/u.test(i.text))
    expect(task && 'taskStatus' in task ? task.taskStatus : null).toBe('done')
  })
})
