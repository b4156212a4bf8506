import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'
import { expand } from '../../../renderer/runtime/understanding/text'

describe('"it\'s X no more": a name that holds no longer', () => {
  it.each([
    [
      "I'm a night nurse on the cardiac ward at Wythenshawe",
      "actually it's Wythenshawe no more, I moved to Stepping Hill last month",
      'Wythenshawe',
      'Stepping Hill',
    ],
    [
      'I work at Brightwave as a designer',
      "Brightwave no more, I'm with Orbit now",
      'Brightwave',
      'Orbit',
    ],
    ['we live in Leeds', 'its Leeds no more, we moved to York', 'Leeds', 'York'],
    ['I bank with Monzo', 'Monzo no more. switched to Starling', 'Monzo', 'Starling'],
  ])('%s / %s', async (first, later, old, now) => {
    // A preference said in between is what a bare "it's …" used to correct.
    const current = await currentAfter([first, "please don't give me long answers", later])
    expect(current.some((t) => t.includes(now))).toBe(true)
    expect(current.some((t) => t.includes(old))).toBe(false)
    expect(current.some((t) => /long answers/u.test(t))).toBe(true)
    expect(current.some((t) => /no more/iu.test(t))).toBe(false)
  })

  it('leaves other "no more" as it was', () => {
    expect(expand('no more pain since Tuesday')).toBe('no more pain since Tuesday')
    expect(expand("it's no more than 5 minutes")).toBe('it is no more than 5 minutes')
    expect(expand("I can't take it no more")).toBe('I cannot take it no more')
    expect(expand('I no more eat meat')).toBe('I no more eat meat')
  })
})
