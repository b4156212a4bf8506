import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { goneByDenial } from '../../../renderer/runtime/understanding/went-away'
import { readProgress } from '../../../renderer/runtime/understanding/rules-progress'

/** Whether each open task or problem is still open after the messages, in the order told. */
const stillOpen = async (messages: string[]): Promise<boolean[]> =>
  (await openAfter(messages)).map((i) => i.open)

describe('an errand done to "him", "them" or "it"', () => {
  it.each(['emailed him this morning', 'emailed him', 'called them, they were lovely'])(
    '"%s" finishes the one errand with that verb',
    async (report) => {
      const verb = report.startsWith('called') ? 'call the bank' : 'email the landlord'
      expect(
        await stillOpen([`I need to ${verb} about the damp`, 'I have to pay the gas bill', report]),
      ).toEqual([false, true])
    },
  )
})

describe('getting in touch about a problem does not end it', () => {
  it('"called the plumber about the tap" leaves the leaking tap open', async () => {
    expect(
      await stillOpen(['the kitchen tap keeps leaking', 'called the plumber about the tap']),
    ).toEqual([true])
  })
})

describe('a task done, told by where its thing now is', () => {
  it.each([
    ['took the jacket back, got a refund', 'I need to return the jacket to Zara'],
    ["report's with Dana", 'I need to finish the quarterly report for Dana by Thursday'],
    ['MOT passed, no advisories', 'need to get the van MOT done'],
  ])('"%s" finishes "%s"', async (report, task) => {
    expect(await stillOpen([task, 'I have to pick up the dry cleaning', report])).toEqual([
      false,
      true,
    ])
  })
})

describe('the answer of whom a task was to ask', () => {
  it('"Tom said he can do it" finishes "ask Tom to cover my Saturday shift"', async () => {
    expect(
      await stillOpen([
        'I have to ask Tom to cover my Saturday shift',
        'need to book flights for Lisbon',
        'Tom said he can do it',
      ]),
    ).toEqual([false, true])
  })

  it('a no, or an answer still to come, finishes nothing', async () => {
    for (const report of ["Tom said he can't", 'Tom said he might'])
      expect(await stillOpen(['I have to ask Tom to cover my Saturday shift', report])).toEqual([
        true,
      ])
  })
})

describe('a problem told as gone by what it stopped doing', () => {
  it('"he\'s stopped scratching" resolves "the dog keeps scratching his left ear"', async () => {
    expect(
      await stillOpen([
        'the dog keeps scratching his left ear',
        'the boiler pressure keeps dropping',
        "he's stopped scratching",
      ]),
    ).toEqual([false, true])
  })

  it('reads the trouble, not what should happen', () => {
    expect(goneByDenial("he's stopped scratching")).toEqual(['scratching'])
    expect(goneByDenial('the fridge stopped cooling')).toBeNull()
  })
})

describe('a problem told as gone by how it is now', () => {
  it.each([
    ['our wifi drops every evening around 8', 'new router came, no drops all week'],
    ["I'm stuck on the migration script", 'figured out the migration, had to disable the triggers'],
  ])('"%s" … "%s"', async (problem, report) => {
    expect(await stillOpen([problem, 'I need to pay the gas bill', report])).toEqual([false, true])
  })
})

describe('some of several done is under way, not done', () => {
  it.each(['done three of the five reports', 'about half the reports are written'])(
    '"%s"',
    async (report) => {
      expect(
        readProgress({ text: report, now: new Date(), correction: false, explicit: false }),
      ).toEqual(expect.objectContaining({ status: 'in_progress', about: 'reports' }))
    },
  )
})
