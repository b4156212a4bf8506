import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { openAfter } from '../../support/understanding/say-in-turn'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('problems', () => {
  it('reads a pain going on now as a problem, a lasting condition as a fact', () => {
    expect(kinds('my shoulder has been sore since the move')).toEqual(['issue'])
    expect(kinds('I have a bad knee')).toEqual(['fact'])
  })
  it.each([
    'my right wrist aches by lunch every day',
    'my knee is swelling after long shifts, painful on the stairs',
    'my lower back aches every morning',
  ])('reads a pain that comes every day, or is swelling now, as a problem: "%s"', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })
  it.each([
    'the A string snapped halfway through the gig',
    'the caterer cancelled on us this morning',
    'the refund still has not come through',
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })
  it.each([
    'client hasnt paid my invoice from March',
    "the landlord still hasn't fixed the broken window in the bedroom",
    'the courier never turned up',
    'I still have not heard back from the council about the permit',
    'my parcel from Argos never arrived',
    "the heating in the kids' room doesn't come on at all",
  ])(
    'reads "%s", something owed and not done or a thing that will not work, as a problem',
    (text) => {
      expect(kinds(text)).toEqual(['issue'])
    },
  )
  it.each([
    'two fingers on my left hand have been numb since Tuesday',
    'my feet keep tingling at night',
    'my mum has had a toothache all week',
    'my eyesight has been blurry since the new tablets',
  ])('reads "%s", a body going wrong, as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })
  it.each(["I haven't paid the rent yet", 'my son has never been to Paris'])(
    'does not read "%s", the person\'s own errand or a life fact, as a problem',
    (text) => {
      expect(kinds(text)).not.toContain('issue')
    },
  )
  it('does not read "I don\'t do X" as something fixed', () => {
    expect(kinds("I don't do early morning calls, afternoons only")).not.toContain('status')
  })

  it('closes a problem reported fixed by its outcome', async () => {
    const corpus: Corpus = {
      description: 'fixes by outcome',
      scenarios: [
        {
          id: 'fixed',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'the radiator in the hall keeps banging at night',
              expect: [{ kind: 'issue', words: ['radiator'] }],
            },
            {
              say: 'my wrist has been aching since Sunday',
              expect: [{ kind: 'issue', words: ['wrist'] }],
            },
            {
              say: 'heating engineer bled the radiator, no more banging',
              expect: [
                { kind: 'issue', words: ['radiator'], action: 'update', status: 'resolved' },
              ],
            },
            {
              say: "wrist's all good now",
              expect: [{ kind: 'issue', words: ['wrist'], action: 'update', status: 'resolved' }],
            },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
  it('marks each thing done when one report names several', async () => {
    const corpus: Corpus = {
      description: 'several done',
      scenarios: [
        {
          id: 'several',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: 'need to renew the car tax', expect: [{ kind: 'task', words: ['car tax'] }] },
            {
              say: 'also need to book the boiler service',
              expect: [{ kind: 'task', words: ['boiler'] }],
            },
            {
              say: 'car tax and boiler service are done',
              expect: [
                { kind: 'task', words: ['car tax'], action: 'update', status: 'done' },
                { kind: 'task', words: ['boiler'], action: 'update', status: 'done' },
              ],
            },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('waiting on someone who has not answered', () => {
  it.each([
    "the caterers haven't got back to me about the menu",
    'the insurer never got back to us about the claim',
    "the venue hasn't confirmed the booking",
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })
})

describe('an answer from someone who had not answered', () => {
  it.each([
    [
      'The Landesdirektion does not answer my emails since 3 weeks',
      'Finally they called back, file is complete!',
    ],
    [
      "my landlord isn't replying to my texts about the damp",
      'he finally rang me back, coming monday',
    ],
  ])('"%s" is ended by "%s", and the open task stays', async (problem, answer) => {
    const items = await openAfter(['I need to pay the council tax', problem, answer])
    expect(items.map((i) => i.open)).toEqual([true, false])
  })

  it('ends nothing when someone else answers', async () => {
    const items = await openAfter([
      "my landlord isn't replying to my texts about the damp",
      'the school called me back about Jayden',
    ])
    expect(items.map((i) => i.open)).toEqual([true])
  })
})

describe('someone keeping back what is the person’s', () => {
  it.each([
    'customs is holding my parcel',
    'my landlord is refusing to give back the deposit',
    'the agency still refuses to refund the fees',
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })
  it.each(['the hotel is holding my room till 6', 'Mum is keeping my old car for me'])(
    'reads "%s", a favour, as no problem',
    (text) => {
      expect(kinds(text)).not.toContain('issue')
    },
  )
})
