import { describe, expect, it } from 'vitest'
import { outcomeOf, type OpenThing } from '../../../renderer/runtime/understanding/outcome'
import { evaluate } from '../../support/understanding/evaluate'

const open: OpenThing[] = [
  { id: 't1', kind: 'task', text: 'Return the library books' },
  { id: 'i1', kind: 'issue', text: 'No hot water since Monday' },
  { id: 'i2', kind: 'issue', text: 'I am still waiting on my thyroid results' },
  { id: 't2', kind: 'task', text: 'Book the car in for a service before the Cornwall trip' },
]

describe('outcomes told by their result', () => {
  it.each([
    ['library books are back, paid a 60p fine', 't1', 'done'],
    ["hot water's back on, the engineer replaced a valve", 'i1', 'resolved'],
    ['thyroid results came back fine', 'i2', 'resolved'],
    ['took the car in for its service this morning', 't2', 'done'],
  ])('%s', (text, id, status) => {
    expect(outcomeOf(text, open)).toMatchObject({ item: { id }, status })
  })

  it.each([
    'patched the puncture',
    'the bike shop mended the puncture',
    'got the slow puncture patched at the weekend',
  ])('closes the one problem a repair verb names: %s', (text) => {
    const bike: OpenThing[] = [
      { id: 'i4', kind: 'issue', text: "Bike's got a slow puncture in the back tyre" },
      { id: 't4', kind: 'task', text: 'Renew the bike insurance' },
    ]
    expect(outcomeOf(text, bike)).toMatchObject({ item: { id: 'i4' }, status: 'resolved' })
  })

  it('closes the problem a fix names, though a task names who fixed it', () => {
    const withFixer: OpenThing[] = [
      { id: 'i3', kind: 'issue', text: 'The walk-in freezer keeps icing up' },
      { id: 't3', kind: 'task', text: 'Call Marek the refrigeration guy before Friday' },
    ]
    expect(
      outcomeOf('Marek came round, freezer repaired, it was a door seal', withFixer),
    ).toMatchObject({
      item: { id: 'i3' },
      status: 'resolved',
    })
    expect(
      outcomeOf('the freezer thing turned out to be a worn door seal', withFixer),
    ).toMatchObject({ item: { id: 'i3' }, status: 'resolved' })
  })

  it('reads "still …" about an open item as what is in its way', () => {
    expect(
      outcomeOf('still waiting on the plumber to come back about the hot water', open),
    ).toMatchObject({ item: { id: 'i1' }, status: 'blocked' })
    expect(outcomeOf('still no hot water', open)).toMatchObject({
      item: { id: 'i1' },
      status: 'blocked',
    })
  })

  it.each([
    "Cornwall trip: Padstow, staying at a cottage called Gull's Rest",
    'the library books are due back on Friday, I will return them',
    'I have to book the car service',
    'thyroid results should be back next week',
    'I went to the library',
  ])('is not an outcome: %s', (text) => {
    expect(outcomeOf(text, open)).toBeNull()
  })
})

describe('the offline assistant in a conversation', () => {
  it('closes an open item reported by its result, and answers from the person’s own words', async () => {
    const s = await evaluate({
      description: 'inline',
      scenarios: [
        {
          id: 'inline-1',
          now: '2026-03-02T09:00:00Z',
          turns: [
            {
              say: 'need to take the library books back before Friday',
              expect: [{ kind: 'task', words: ['library books'], due: '2026-03-06' }],
            },
            {
              say: 'library books are back, paid a small fine',
              expect: [
                { kind: 'task', words: ['library books'], action: 'update', status: 'done' },
              ],
            },
            { say: "I'm 6'2 tall and wear size 12 shoes", expect: [] },
            { ask: 'how tall am I?', answer: ["6'2"] },
            { say: 'my coworker Dave says Kubernetes is overkill', expect: [] },
            { ask: 'what does Dave think about Kubernetes?', unknown: true },
            { ask: 'what is my shoe size?', answer: ['12'] },
          ],
        },
      ],
    })
    // Whatever the rules filed from the height statement, the answers and the update must hold.
    expect(s.failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
    expect(s.updates).toEqual({ total: 1, ok: 1 })
  })
})

describe('corrections told about the thing', () => {
  it('replaces the item they are about, and only that one', async () => {
    const s = await evaluate({
      description: 'inline',
      scenarios: [
        {
          id: 'inline-2',
          now: '2026-04-01T09:00:00Z',
          turns: [
            {
              say: 'I sing in the Minster community choir, rehearsals are on Wednesday evenings',
              expect: [{ kind: 'fact', words: ['choir'] }],
            },
            {
              say: 'my sister runs a bakery in Whitby',
              expect: [{ kind: 'fact', words: ['bakery'] }],
            },
            {
              say: "the community choir's moving rehearsals to Thursdays from next month",
              expect: [
                {
                  kind: 'fact',
                  words: ['Thursdays'],
                  action: 'supersede',
                  replaces: ['Wednesday'],
                },
              ],
            },
            { ask: 'when are choir rehearsals?', answer: ['Thursday'], notAnswer: ['Wednesday'] },
            {
              say: 'our new apprentice Josh starts on Monday',
              expect: [{ kind: 'fact', words: ['Josh'] }],
            },
            {
              say: 'actually Josh starts the 29th, not Monday',
              expect: [
                { kind: 'fact', words: ['29th'], action: 'supersede', replaces: ['Monday'] },
              ],
            },
            { ask: 'what does my sister do?', answer: ['bakery'] },
          ],
        },
      ],
    })
    expect(s.failures).toEqual([])
  })
})

describe('corrections that name the old value or change the job', () => {
  it('replaces the item holding the old name, the old workplace, and nothing said in the same message', async () => {
    const s = await evaluate({
      description: 'inline',
      scenarios: [
        {
          id: 'inline-named-old',
          now: '2026-05-04T09:00:00Z',
          turns: [
            {
              say: 'I am a staff nurse at the Royal Infirmary in Derby',
              expect: [{ kind: 'fact', words: ['Royal Infirmary'] }],
            },
            {
              say: 'my accountant is Priya Shah from Ledgerwise',
              expect: [{ kind: 'fact', words: ['Priya'] }],
            },
            {
              say: "big change, I'm with Pinewood Hospice now",
              expect: [
                {
                  kind: 'fact',
                  words: ['Pinewood'],
                  action: 'supersede',
                  replaces: ['Royal Infirmary'],
                },
              ],
            },
            { ask: 'where do I work?', answer: ['Pinewood'], notAnswer: ['Royal Infirmary'] },
            {
              say: "Ledgerwise isn't doing my books anymore, my accountant's Tom Reyes these days",
              expect: [
                { kind: 'fact', words: ['Ledgerwise', 'anymore'] },
                { kind: 'fact', words: ['Tom Reyes'], action: 'supersede', replaces: ['Priya'] },
              ],
            },
            { ask: 'who is my accountant?', answer: ['Tom'], notAnswer: ['Priya'] },
            {
              say: "I'm Ingrid Moss, I'm 61 and retired from teaching",
              expect: [
                { kind: 'fact', words: ['Ingrid'] },
                { kind: 'fact', words: ['61'] },
              ],
            },
            { ask: 'what is my name?', answer: ['Ingrid'] },
          ],
        },
      ],
    })
    expect(s.failures).toEqual([])
  })
})

describe('answers about the thing asked for', () => {
  it('does not answer "my gym membership fee" with the gym, and still answers "my flat number"', async () => {
    const s = await evaluate({
      description: 'inline',
      scenarios: [
        {
          id: 'inline-head',
          now: '2026-07-01T09:00:00Z',
          turns: [
            {
              say: 'I go to the PureGym on Mill Road three mornings a week',
              expect: [{ kind: 'fact', words: ['PureGym'] }],
            },
            {
              say: 'my car insurance renews on the 14th of August',
              expect: [{ kind: 'fact', words: ['insurance'] }],
            },
            { say: "I'm in flat 7C", expect: [{ kind: 'fact', words: ['7C'] }] },
            { ask: "what's my gym membership fee?", unknown: true },
            { ask: "what's my car's mileage?", unknown: true },
            { ask: "what's my flat number?", answer: ['7C'] },
            { ask: 'when does my car insurance renew?', answer: ['14'] },
          ],
        },
      ],
    })
    expect(s.failures.filter((f) => f.problem.startsWith('answer'))).toEqual([])
  })
})

describe('answers of the kind asked for', () => {
  it('does not answer "how many" without a number or "what is it called" without a name', async () => {
    const s = await evaluate({
      description: 'inline',
      scenarios: [
        {
          id: 'inline-3',
          now: '2026-06-01T09:00:00Z',
          turns: [
            {
              say: 'I run a small pottery studio in Frome',
              expect: [{ kind: 'fact', words: ['pottery'] }],
            },
            {
              say: 'metric for everything please, kilos and litres',
              expect: [{ kind: 'preference', words: ['metric'] }],
            },
            { ask: "what's my studio called?", unknown: true },
            { ask: 'how many kilos of clay do I have?', unknown: true },
            { ask: 'where is my studio?', answer: ['Frome'] },
          ],
        },
      ],
    })
    expect(s.failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
  })
})

describe('a task whose thing is done or has come, named by one word', () => {
  const tasks: OpenThing[] = [
    { id: 't4', kind: 'task', text: 'Send the proposal to the client by Wednesday' },
    { id: 't5', kind: 'task', text: "Get the kids' passports renewed" },
    { id: 'i4', kind: 'issue', text: 'The bathroom extractor fan is making a horrible noise' },
  ]

  it.each([
    ['proposal went out this morning', 't4'],
    ['passports arrived in the post today', 't5'],
  ])('%s', (text, id) => {
    expect(outcomeOf(text, tasks)).toMatchObject({ item: { id }, status: 'done' })
  })

  it('is nothing when another open item has the word too', () => {
    const two = [...tasks, { id: 't6', kind: 'task' as const, text: 'Print the proposal for Jim' }]
    expect(outcomeOf('proposal went out this morning', two)).toBeNull()
  })
})

describe('an outcome that is only part of the way', () => {
  const knee: OpenThing[] = [
    { id: 'i1', kind: 'issue', text: 'My left knee is swelling every day' },
  ]
  it.each([
    'knee is a bit better',
    'knee is slightly better since the physio',
    'knee is getting better',
  ])('does not close the problem: %s', (text) => {
    expect(outcomeOf(text, knee)?.status).not.toBe('resolved')
  })
  it('closes it when it is much better', () => {
    expect(outcomeOf('knee is much better now', knee)).toMatchObject({ status: 'resolved' })
  })
  it('reads "over" as ended only when something is over, not "anything over 10k"', () => {
    expect(outcomeOf('my left knee hurts after anything over 10k', knee)).toBeNull()
    const flu: OpenThing[] = [
      { id: 'i2', kind: 'issue', text: 'The flu has been awful since Sunday' },
    ]
    expect(outcomeOf('the flu is over', flu)).toMatchObject({ status: 'resolved' })
  })
})

describe('a fix told by how the thing now goes', () => {
  it('"starts first time" ends the problem it names', () => {
    const minibus: OpenThing[] = [
      { id: 'i1', kind: 'issue', text: "Minibus won't start in the cold" },
    ]
    expect(outcomeOf('minibus has a new battery, starts first time', minibus)).toMatchObject({
      status: 'resolved',
    })
  })
})
