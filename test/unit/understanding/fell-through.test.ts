import { describe, expect, it } from 'vitest'
import { workAfter } from '../../support/understanding/say-in-turn'
import { fellThrough } from '../../../renderer/runtime/understanding/fell-through'

const after = workAfter

describe('an errand tried that fell through', () => {
  it.each([
    [
      'I must book an appointment at the LEA before 1 December',
      'The appointment website for the LEA has no free slots at all, been trying every morning',
    ],
    [
      'I must renew my stall licence at the Msasa office before 30 November',
      'Went to Msasa but they say the system is offline, come back next week',
    ],
    [
      'I need to get passport photos done for the kids',
      'went to Boots for the passport photos but the booth was out of order',
    ],
    [
      'need to book the MOT for the van before the 20th',
      'tried booking the van MOT, garage is full up till the 25th',
    ],
    ['gotta buy tickets for the Coldplay gig', 'coldplay tickets sold out in ten minutes ugh'],
    [
      'I have to register the car at the licensing office',
      'went down to the licensing office today closed for the holiday they said come back monday',
    ],
    [
      'need to call the tax office about my refund',
      'been calling the tax office all week, nobody picks up',
    ],
    [
      'I need to renew my library card',
      'tried renewing the library card online but the site was down',
    ],
  ])('"%s" … "%s" leaves the task held up, not done', async (task, tried) => {
    const items = await after([task, tried])
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/^task blocked: /u)
  })

  it.each([
    [
      'I must renew my agent contract with Econet before 30 November',
      'Went to Msasa and signed the contract renewal',
    ],
    ['need to book the MOT for the van before the 20th', 'booked the van MOT for the 18th'],
    [
      'need to call the tax office about my refund',
      'called the tax office, they are sending the refund',
    ],
    [
      'I need to get passport photos done for the kids',
      'booth at Boots was out of order so got the passport photos done at Snappy Snaps',
    ],
  ])('"%s" … "%s" is still done', async (task, done) => {
    const items = await after([task, done])
    expect(items.filter((i) => i.startsWith('task done: '))).toHaveLength(1)
  })

  it('tells the way shut from a thing done to it', () => {
    expect(fellThrough('the council office was shut till Monday')).toBe(true)
    expect(fellThrough('no available appointments before March')).toBe(true)
    expect(fellThrough('they turned us away at the gate')).toBe(true)
    expect(fellThrough('closed the old account at Barclays')).toBe(false)
    expect(fellThrough('site was down this morning but it is working again')).toBe(false)
    expect(fellThrough('no more pain in my knee')).toBe(false)
  })
})
