import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { errandOf } from '../../../renderer/runtime/understanding/errand'

describe('an errand done by the person it was waiting on', () => {
  it.each(['she signed!', 'they signed 🎉', "they've signed"])(
    '%s finishes "get the tenant to sign the new lease"',
    async (report) => {
      const items = await openAfter([
        'need to get the tenant to sign the new lease this week',
        'I have to pay the gas bill',
        report,
      ])
      expect(items).toEqual([
        expect.objectContaining({ open: false }),
        expect.objectContaining({ open: true }),
      ])
    },
  )

  it('finishes only an errand that was for someone else to do', () => {
    const open = [{ id: 'gas', text: 'pay the gas bill' }]
    expect(errandOf('he has paid', open)).toBeNull()
    expect(
      errandOf('she signed the form', [{ id: 'l', text: 'get the tenant to sign' }]),
    ).toBeNull()
  })

  it('finishes nothing when two errands wait on that verb', () => {
    const open = [
      { id: 'a', text: 'get the tenant to sign the new lease' },
      { id: 'b', text: 'need to get the Bennetts in to sign their contract' },
    ]
    expect(errandOf('they signed', open)).toBeNull()
  })
})

describe('a yes from the person a task asks', () => {
  it('"Dave said yes" finishes "ask Dave to cover my Saturday shift"', async () => {
    const items = await openAfter([
      'I have to ask Dave to cover my Saturday shift',
      'need to renew the car insurance before May',
      'Dave said yes',
    ])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})

describe('a task told done by where its thing now stands', () => {
  it.each([
    ["card's in the post", 'must post the birthday card to my nan'],
    ['council tax all set up', 'I need to set up the council tax direct debit'],
  ])('%s finishes "%s"', async (report, task) => {
    const items = await openAfter([task, 'I have to pick up the dry cleaning', report])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})

describe('a fix said of "it"', () => {
  it.each(['fixed it, just needed a plunger', "it's working again"])(
    '%s resolves the one open problem, not the open task',
    async (report) => {
      const items = await openAfter([
        'the sink keeps backing up',
        'I need to pay the gas bill',
        report,
      ])
      expect(items.map((i) => i.open)).toEqual([false, true])
    },
  )

  it('resolves nothing when two problems are open', async () => {
    const items = await openAfter([
      'the sink keeps backing up',
      'the car makes a grinding noise when I brake',
      "it's working again",
    ])
    expect(items.map((i) => i.open)).toEqual([true, true])
  })
})

describe('a fix told in words that read as a fact or a wish', () => {
  it('"no more nightmares since we changed his bedtime" resolves the nightmares', async () => {
    const items = await openAfter([
      'my son keeps having nightmares',
      'no more nightmares since we changed his bedtime',
    ])
    expect(items).toEqual([expect.objectContaining({ open: false })])
  })
})

describe('an errand done told by its own verb alone', () => {
  it.each([
    [
      'Delivered today, Malte was happy',
      'I must deliver the onboarding screens to Lumora by Friday',
    ],
    ['swapped with Gaz, sorted', 'need to swap a shift for it'],
    ['handed it in', 'need to hand in unit 7 by friday'],
  ])('%s finishes "%s"', async (report, task) => {
    const items = await openAfter([task, 'I have to pick up the dry cleaning', report])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })

  it('finishes nothing when the verb is done to another thing', () => {
    const open = [{ id: 'd', text: 'deliver the onboarding screens to Lumora' }]
    expect(errandOf('I delivered the twins on Friday', open)).toBeNull()
    expect(errandOf('I delivered today', open)?.id).toBe('d')
  })
})

describe('an errand done told by the noun of its verb', () => {
  it.each([
    ['application in!', 'i want to apply for the band 4 associate practitioner job by the 19th'],
    ['registration done at Boldmere surgery', 'must register with the GP'],
    ['payment went through', 'I have to pay the nursery fees by friday'],
  ])('%s finishes "%s"', async (report, task) => {
    const items = await openAfter([task, 'I have to pick up the dry cleaning', report])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})

describe('an errand sent by another way of sending', () => {
  it('"posted them today by Einschreiben" finishes "send the Apostille documents"', async () => {
    const items = await openAfter([
      'I must send the Apostille documents to Landesdirektion before 15 February',
      'I have to pick up the dry cleaning',
      'posted them today by Einschreiben',
    ])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})
