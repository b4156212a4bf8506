import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

/** What went wrong with the corrections: a value left current, or the new one not filed. */
const corrections = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .map((f) => f.problem)
    .filter((p) => p.startsWith('correction left current') || p.includes('(supersede)'))

/** `before`, then two days later `fix`, which should replace `was` with `now` in an item of `kind`. */
const corrected = (
  before: string,
  fix: string,
  now: string,
  was: string,
  kind: 'fact' | 'task' = 'fact',
): Promise<string[]> =>
  corrections(
    scenario('corrected', [
      { say: before, expect: [{ kind, words: [was] }] },
      {
        say: fix,
        at: '2026-05-06T09:00:00Z',
        expect: [{ kind, words: [now], action: 'supersede', replaces: [was] }],
      },
    ]),
  )

describe('a mistake owned before a colon', () => {
  it('"I had the wrong Saturday in my diary: the wedding is the 23rd" corrects the day', async () => {
    expect(
      await corrected(
        'I have a wedding on the 16th of May',
        'I had the wrong Saturday in my diary: the wedding is the 23rd.',
        '23rd',
        '16th',
      ),
    ).toEqual([])
  })

  it('"small mix-up with the times: book club starts at 7:30" is a new time, not the same task again', async () => {
    expect(
      await corrected(
        'book club starts at 7',
        'small mix-up with the times: book club starts at 7:30',
        '7:30',
        '7',
        'task',
      ),
    ).toEqual([])
  })
})

describe('"is change to", as many Englishes say it', () => {
  it.each([
    [
      'my hospital appointment is on the 8th',
      'the appointment is change to 10 May because the doctor is away',
      '10 May',
      '8th',
    ],
    ['my driving test is on the 14th', 'test change to the 21st, examiner sick', '21st', '14th'],
  ])('after "%s", "%s" is the new value', async (before, fix, now, was) => {
    expect(await corrected(before, fix, now, was)).toEqual([])
  })

  it('"I want to change to an automatic car" replaces nothing', async () => {
    const corpus = scenario('change-to-not', [
      { say: 'my driving test is on the 14th', expect: [{ kind: 'fact', words: ['14th'] }] },
      { say: 'I want to change to an automatic car', at: '2026-05-06T09:00:00Z', expect: [] },
      { ask: 'when is my driving test?', answer: ['14th'] },
    ])
    expect((await evaluate(corpus)).failures.filter((f) => f.problem.startsWith('answer'))).toEqual(
      [],
    )
  })
})
