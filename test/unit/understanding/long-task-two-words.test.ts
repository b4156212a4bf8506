import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'

describe('a long task reported done by two of its words', () => {
  it.each([
    [
      'Jones referral went in yesterday',
      'need to write up the safeguarding referral for the Jones family and send it to the duty team',
    ],
  ])('%s finishes it when no other open item shares two words', async (report, task) => {
    const items = await openAfter([task, 'I have to book the car in for its MOT', report])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })

  it('finishes neither when two open tasks share two words with the report', async () => {
    const items = await openAfter([
      'need to write up the safeguarding referral for the Jones family and send it to the duty team',
      'I have to chase the Jones family referral paperwork with the school office and the GP',
      'Jones referral went in yesterday',
    ])
    expect(items.map((i) => i.open)).toEqual([true, true])
  })
})
