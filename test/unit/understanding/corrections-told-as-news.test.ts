import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { restoreSubject } from '../../../renderer/runtime/understanding/subject-drop'

/** What went wrong with the corrections: a value left current, or the new one not filed. */
const corrections = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .map((f) => f.problem)
    .filter((p) => p.startsWith('correction left current') || p.includes('(supersede)'))

describe('changes told as news', () => {
  it('"new place is in Leyton" replaces where the speaker rented before', async () => {
    const corpus = scenario('home', [
      {
        say: 'We rent a two-bed in Walthamstow',
        expect: [{ kind: 'fact', words: ['Walthamstow'] }],
      },
      {
        say: 'ok officially moved! new place is in Leyton',
        at: '2026-06-04T09:00:00Z',
        expect: [
          { kind: 'fact', words: ['Leyton'], action: 'supersede', replaces: ['Walthamstow'] },
        ],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it.each([
    [
      'I rent a tiny apartment in Kutchan',
      'we just moved into the staff dorms up in Hirafu',
      'Hirafu',
      'Kutchan',
    ],
    [
      'I live in cathays with 3 other lads',
      'got a room in splott now, way cheaper',
      'splott',
      'cathays',
    ],
    ['I live in Leith', 'moved into a flat share in Gorgie last week', 'Gorgie', 'Leith'],
    ['I live in Chorlton', "we're in a semi in Sale now", 'Sale', 'Chorlton'],
    ['I live in Leyton', 'relocated up to Inverness for good last month', 'Inverness', 'Leyton'],
  ])(
    'after "%s", "%s" (a home told by what it is and where) replaces it',
    async (home, news, now, was) => {
      const corpus = scenario('home-told', [
        { say: home, expect: [{ kind: 'fact', words: [was] }] },
        {
          say: news,
          at: '2026-06-04T09:00:00Z',
          expect: [{ kind: 'fact', words: [now], action: 'supersede', replaces: [was] }],
        },
      ])
      expect(await corrections(corpus)).toEqual([])
    },
  )

  it.each([
    'we moved into the new office in Gorgie last week',
    'my sister moved into a flat in Gorgie',
    'got a room at the Hilton in Glasgow for the conference',
    "moved into the spare room at my mum's while the flat gets fixed",
    'moving into halls in Leeds next month',
  ])('"%s" leaves where the speaker lives alone', async (news) => {
    const corpus = scenario('not-home', [
      { say: 'I live in Leith', expect: [{ kind: 'fact', words: ['Leith'] }] },
      { say: news, at: '2026-06-04T09:00:00Z', expect: [] },
      { ask: 'where do I live?', answer: ['Leith'] },
    ])
    expect((await evaluate(corpus)).failures.filter((f) => f.problem.startsWith('answer'))).toEqual(
      [],
    )
  })

  it('"got a place in Fremantle, moved in on Saturday" files no home called Saturday', async () => {
    const corpus = scenario('moved-in', [
      { say: "I'm based in Perth", expect: [{ kind: 'fact', words: ['Perth'] }] },
      {
        say: 'got a place in Fremantle, moved in on Saturday',
        at: '2026-06-04T09:00:00Z',
        expect: [],
      },
      { ask: 'where do I live?', answer: ['Fremantle'], notAnswer: ['Saturday'] },
    ])
    expect((await evaluate(corpus)).failures.filter((f) => f.problem.startsWith('answer'))).toEqual(
      [],
    )
  })

  it('"my sister moved to Perth" leaves where the speaker lives alone', async () => {
    const corpus = scenario('not-mine', [
      { say: 'I live in Adelaide', expect: [{ kind: 'fact', words: ['Adelaide'] }] },
      { say: 'my sister moved to Perth last week', expect: [{ kind: 'fact', words: ['Perth'] }] },
      { ask: 'where do I live?', answer: ['Adelaide'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"cardiologist doubled the bisoprolol to 5mg" changes the dose', async () => {
    const corpus = scenario('doubled', [
      { say: "Dad's on 2.5mg of bisoprolol", expect: [{ kind: 'fact', words: ['bisoprolol'] }] },
      {
        say: 'cardiologist doubled the bisoprolol to 5mg',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['5mg'], action: 'supersede', replaces: ['2.5mg'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('"new number: 07700 900456" replaces the one phone number', async () => {
    const corpus = scenario('number', [
      { say: 'my phone number is 07700 900123', expect: [{ kind: 'fact', words: ['07700'] }] },
      { say: 'I work from home', expect: [{ kind: 'fact', words: ['home'] }] },
      {
        say: 'new number: 07700 900456',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['900456'], action: 'supersede', replaces: ['900123'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('"new timetable, school run is 8:05" replaces the time of the school run', async () => {
    const corpus = scenario('timetable', [
      { say: 'The school run is at 8:15', expect: [{ kind: 'fact', words: ['8:15'] }] },
      { say: 'I start work at 9', expect: [{ kind: 'fact', words: ['9'] }] },
      {
        say: 'new timetable, school run is 8:05 from Monday',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['8:05'], action: 'supersede', replaces: ['8:15'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('"sold the Golf, got a Skoda Octavia": the car got after the loss is the current one', async () => {
    const corpus = scenario('car', [
      { say: 'My car is a 2015 Golf', expect: [{ kind: 'fact', words: ['Golf'] }] },
      {
        say: 'sold the Golf, got a Skoda Octavia',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['Octavia'], action: 'supersede', replaces: ['Golf'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('"From June my shift changes" is when, not where the speaker is from', () => {
    expect(restoreSubject('From June my timing is changing to 2 to 10')).toBe(
      'From June my timing is changing to 2 to 10',
    )
    expect(restoreSubject('from Leeds originally')).toBe('I am from Leeds originally')
  })
})
