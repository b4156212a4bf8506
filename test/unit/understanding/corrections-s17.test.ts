import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { converse } from '../../support/understanding/say-in-turn'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { changedValue } from '../../../renderer/runtime/understanding/value-change'

describe('corrections said in more ways (session 17)', () => {
  it('"oh my mistake the hearing appointment is the 18th" corrects, with no comma after the opener', async () => {
    const corpus = scenario('my-mistake', [
      {
        say: 'I have a hearing aid appointment at Specsavers on 17 May at 11am',
        expect: [{ kind: 'fact', words: ['hearing aid', '17 May'] }],
      },
      {
        say: 'Oh my mistake the hearing appointment is the 18th',
        expect: [{ kind: 'fact', words: ['18th'], action: 'supersede', replaces: ['17 May'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"sorry, not Mondays, Thursdays" puts the new day where the old one was', async () => {
    const corpus = scenario('not-first', [
      {
        say: 'I work part time in a Drogerie on Karl-Liebknecht-Straße, Mondays and Saturdays',
        expect: [{ kind: 'fact', words: ['Drogerie', 'Mondays'] }],
      },
      {
        say: 'Sorry, not Mondays, Thursdays',
        expect: [
          {
            kind: 'fact',
            words: ['Drogerie', 'Thursdays and Saturdays'],
            action: 'supersede',
            replaces: ['Mondays'],
          },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"sorry not Kofi, the deputy is Kwame" replaces the item that named Kofi', async () => {
    const corpus = scenario('not-name-first', [
      { say: 'my deputy is Kofi', expect: [{ kind: 'fact', words: ['Kofi'] }] },
      {
        say: 'sorry not Kofi, the deputy is Kwame',
        expect: [{ kind: 'fact', words: ['Kwame'], action: 'supersede', replaces: ['Kofi'] }],
      },
      { ask: 'who is my deputy?', answer: ['Kwame'], notAnswer: ['Kofi'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"Correction: the courier date is the 29th" moves the date and marks nothing done', async () => {
    const { items, replies } = await converse(
      [
        "We're preparing the 1820s enclosure maps for loan to the British Library, courier date is 22 March.",
        'I need to complete the condition reports for all six maps by 12 March.',
        "Correction: the courier date is the 29th, the Library asked for a week's delay.",
      ],
      '2027-02-12T10:43:00Z',
    )
    expect(replies[2]).not.toMatch(/Marked done/u)
    const current = items.filter((i) => i.status === 'active')
    expect(current.some((i) => i.text.includes('22 March'))).toBe(false)
    expect(current.some((i) => i.text.includes('29th'))).toBe(true)
    expect(current.some((i) => i.kind === 'task' && i.taskStatus === 'done')).toBe(false)
  })

  it('"fieldwork got pushed to the 27th" moves the plan its subject names', async () => {
    const corpus = scenario('subject-names-task', [
      {
        say: 'Fieldwork on the Isle of May starts May 20, 3 weeks',
        // A day for the diary, as dev-g files it: a fact.
        expect: [{ kind: 'fact', words: ['Fieldwork'] }],
      },
      {
        say: 'I need to send chapter 3 to Alasdair by 14 May',
        expect: [{ kind: 'task', words: ['chapter 3'] }],
      },
      {
        say: "fieldwork got pushed to the 27th bc the boat's in dry dock",
        expect: [{ kind: 'fact', words: ['27th'], action: 'supersede', replaces: ['May 20'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"sorry I meant the ferry is the 19th, the earlier sailing was sold out" keeps the value, not the reason', async () => {
    const corpus = scenario('value-then-why', [
      {
        say: "I'm booked on the Northlink ferry to Aberdeen on the 18th",
        expect: [{ kind: 'fact', words: ['Northlink', '18th'] }],
      },
      {
        say: 'Sorry I meant the ferry is the 19th, the earlier sailing was sold out',
        expect: [{ kind: 'fact', words: ['19th'], action: 'supersede', replaces: ['18th'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a value said to be changing to ("raising the rent to £1,350") is the new value', () => {
    expect(changedValue("landlord's raising the rent to £1,350 from May")).toBe('£1,350')
    expect(changedValue('they are putting it up to $95')).toBe('$95')
  })
})
