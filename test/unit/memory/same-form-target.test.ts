import { describe, expect, it } from 'vitest'
import { tell } from '../../support/understanding/tell'

describe('a new value of the same form replaces only what it is about', () => {
  it('"correction: the flat is 41B" replaces flat 14B', () => {
    const current = tell([
      "I'm in flat 14B btw, buzzer's broken so just call",
      'correction: the flat is 41B',
    ])
    expect(current.join(' | ')).not.toContain('14B')
    expect(current.join(' | ')).toContain('41B')
  })

  it("another child's club on a new day leaves the first child's day current", () => {
    const current = tell([
      "my daughter's football is on Tuesdays",
      "my son's football moved to Thursdays",
    ])
    expect(current.join(' | ')).toContain('Tuesdays')
    expect(current.join(' | ')).toContain('Thursdays')
  })

  it('one more class "too" leaves the first class current', () => {
    const current = tell([
      'my pottery class is on Mondays',
      "there's now a second pottery class on Fridays too",
    ])
    expect(current.join(' | ')).toContain('Mondays')
  })

  it('a new day for something that shares no word with it leaves the old day current', () => {
    const current = tell(['bin day is Tuesdays', 'my yoga moved to Thursdays'])
    expect(current.join(' | ')).toContain('Tuesdays')
  })

  it('a dose in another unit, or a new dose of another medicine, is not the old dose', () => {
    const current = tell([
      "I'm on propranolol 40mg as a preventative",
      'my vitamin D is now 2 tablets a day',
      'they moved me to sertraline 50mg now',
    ])
    expect(current.join(' | ')).toContain('40mg')
  })
})
