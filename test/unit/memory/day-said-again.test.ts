import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

describe('a new day for a weekly thing swaps the day in the old sentence in its number, and keeps what was said only if it adds to it', () => {
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
    [
      'My exam of pharmacology is on 14 june',
      'sorry the exam is 16 june not 14',
      'My exam of pharmacology is on 16 june',
    ],
    ['I take 50mg of sertraline', "I'm down to 25mg now", 'I take 25mg of sertraline'],
    [
      'Gran takes 40mg of atorvastatin',
      'her GP upped it to 80mg',
      'Gran takes 80mg of atorvastatin (her GP upped it to 80mg)',
    ],
  ])('%s / %s', async (first, later, now) => {
    expect(await currentAfter([first, later])).toEqual([now])
  })
})
