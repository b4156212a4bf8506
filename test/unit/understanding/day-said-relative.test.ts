import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

// converse() starts on Monday 18 May 2026, 09:00.
describe('a day said relative to now is kept as the day it means', () => {
  it.each([
    ['my dentist is tomorrow', 'your dentist is on Tuesday, May 19', '2026-05-19'],
    [
      'my dentist appointment is tomorrow',
      'your dentist appointment is on Tuesday, May 19',
      '2026-05-19',
    ],
  ])('"%s" → "%s"', async (said, told, due) => {
    const { items, replies } = await converse([said])
    expect(replies[0]).toBe(`Noted: ${told}.`)
    expect(JSON.stringify(items[0])).toContain(due)
  })

  it('"my dentist is Dr Patel" is who, not when', async () => {
    const { replies } = await converse(['my dentist is Dr Patel'])
    expect(replies[0]).toBe('Noted: your dentist is Dr Patel.')
  })

  it('a moved event says the day it was, not "next Thursday" said a week ago', async () => {
    const { replies } = await converse([
      'parents evening is next Thursday at 4',
      'actually parents evening got moved to Wednesday',
    ])
    expect(replies[1]).toMatch(/\(was Thursday, May 28 at 4\)\.$/u)
  })
})
