import { describe, expect, it } from 'vitest'
import { problemsAfter } from '../../support/understanding/say-in-turn'
import { handledBy, verdictEnds } from '../../../renderer/runtime/understanding/verdict'

describe('the word of whoever deals with a trouble', () => {
  it.each([
    [
      'left shoulder clicks and aches when I do big reaches',
      'physio gave me rehab bands and no campus board for 6 weeks',
    ],
    [
      'my lower back is killing me, pain down the left leg',
      'GP sent me to physio, sciatica they think',
    ],
    [
      "can't sleep after nights, lying awake till 2pm",
      'GP says try melatonin and a fixed wind-down',
    ],
    [
      'the oven in the bakery will not get past 150 degrees',
      'engineer says the oven needs a new thermostat, part on order',
    ],
  ])('after "%s", "%s" is a note on that problem, still open', async (trouble, word) => {
    const [problem, ...rest] = await problemsAfter([trouble, word])
    expect(rest).toEqual([])
    expect(problem).toEqual(expect.objectContaining({ open: true, note: word }))
  })

  it('"garage says ABS sensor, fixed for £180" resolves the van problem it names', async () => {
    const problems = await problemsAfter([
      'the ABS light on the van keeps coming on',
      'garage says ABS sensor, fixed for £180',
    ])
    expect(problems.map((p) => p.open)).toEqual([false])
  })

  it("a health worker's word is not about a problem that is not of the body", async () => {
    const problems = await problemsAfter([
      'the tourniquets keep snapping, third one this week',
      'OT gave me a wrist splint and exercises, feels much better',
    ])
    expect(problems).toEqual([expect.objectContaining({ open: true, note: null })])
  })

  it('a name for the trouble alone ("physio reckons it\'s ITB") is not read as its handling', async () => {
    const problems = await problemsAfter([
      'my left knee has been niggly since the long run',
      "physio reckons it's ITB, rest for a week",
    ])
    expect(problems).toEqual([expect.objectContaining({ open: true, note: null })])
  })
})

describe('who deals with a trouble', () => {
  it.each([
    ['ship doctor say it is bursitis', 'ship doctor'],
    ["IT say it's an estates problem", 'IT'],
    ['engineer came, compressor gone', 'engineer'],
    ['vet has her on tubes', 'vet'],
  ])('%s → %s', (said, who) => expect(handledBy(said)).toBe(who))

  it.each([
    'my mum says the boiler is fine',
    'Viktor says the plumber can come Thursday',
    'I think it is the pads',
  ])('not %s', (said) => expect(handledBy(said)).toBeNull())

  it('a bit better is not the end of it; much better is', () => {
    expect(verdictEnds('physio gave me a strap, slightly better')).toBe(false)
    expect(verdictEnds('OT gave me a splint, feels much better')).toBe(true)
    expect(verdictEnds('GP says try melatonin and a fixed wind-down')).toBe(false)
  })
})
