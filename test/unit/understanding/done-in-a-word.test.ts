import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'

describe('a task ended in one word', () => {
  it.each(['SUBMITTED. 3 days early 🙌', 'APPROVED!!! 🙏🏾', 'filed. 8 days to spare'])(
    '"%s" finishes the task last spoken of',
    async (report) => {
      const items = await openAfter([
        'I have to pay the gas bill',
        'need to file my annual accounts with Companies House by 30 September',
        'accounts are waiting for Nadia to finish the bank rec',
        report,
      ])
      expect(items.map((i) => i.open)).toEqual([true, false])
    },
  )
})

describe('a thing told with what was done to it', () => {
  it.each([
    ['must get the 14 US orders out before 2 December', 'US orders all posted, 14 of them'],
    ['nitrates paperwork has to be in by the end of the month', 'paperwork gone in'],
    ['need to buy school shoes for Jayden', 'shoes bought, Clarks in Whitgift'],
    ['must set up council tax direct debit this week', 'council tax also finish'],
  ])('"%s" is finished by "%s"', async (task, report) => {
    expect((await openAfter([task, report])).map((i) => i.open)).toEqual([false])
  })

  it.each(['the courier collected at 3', 'Dad went in for his op today'])(
    '"%s" is someone doing something, not the parcel done',
    async (report) => {
      const items = await openAfter(['need to get the parcel for Dad collected', report])
      expect(items.map((i) => i.open)).toEqual([true])
    },
  )
})

describe('a step done while the task waits on someone', () => {
  it.each([
    'passport forms posted, now waiting for the Passport Office',
    'visa application is in, now waiting for the Home Office, could be 8 weeks',
  ])('"%s" leaves the task open', async (report) => {
    const items = await openAfter([
      report.startsWith('passport')
        ? 'need to renew my passport by June'
        : 'I have to apply to extend my visa before May',
      report,
    ])
    expect(items.map((i) => i.open)).toEqual([true])
  })
})

describe('a short form of a hyphenated task name', () => {
  it('"SE doc sent to the inspectors" finishes "need the self-evaluation done"', async () => {
    const items = await openAfter([
      'Need the self-evaluation done by the 23rd',
      'the roof in the P4 classroom is leaking again',
      'SE doc sent to the inspectors. phew',
    ])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})
