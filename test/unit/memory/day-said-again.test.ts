import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

describe('a new day for a weekly thing swaps the day in the old sentence in its number, and keeps what was said', () => {
  it.each([
    [
      'Every Tuesday I go to the knitting circle at the chapel.',
      'Correction: the knitting circle is on Wednesdays now, not Tuesdays.',
      'Every Wednesday I go to the knitting circle at the chapel (the knitting circle is on Wednesdays now)',
    ],
    [
      'I do the big shop at Lidl on Saturdays',
      'sorry, the big shop is on Sundays now, not Saturdays',
      'I do the big shop at Lidl on Sundays',
    ],
  ])('%s / %s', async (first, later, now) => {
    expect(await currentAfter([first, later])).toEqual([now])
  })
})
