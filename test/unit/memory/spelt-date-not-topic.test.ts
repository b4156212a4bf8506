import { describe, expect, it } from 'vitest'
import { tell } from '../../support/understanding/tell'

describe('a correction whose day was said as "tomorrow" or a weekday', () => {
  it('is not about another item because the day it stands for falls in the same month', () => {
    const current = tell([
      "Kuba's school trip form has to be in by Thursday",
      "actually earlies finished, I'm on lates from tomorrow",
    ])
    expect(current.some((t) => t.startsWith("Kuba's school trip form"))).toBe(true)
    expect(current.some((t) => /lates from/u.test(t))).toBe(true)
  })

  it('is still matched by a month the person said', () => {
    const current = tell([
      'my dentist appointment is on March 20',
      'actually the appointment is March 24',
    ])
    expect(current.filter((t) => /appointment/u.test(t))).toHaveLength(1)
    expect(current.find((t) => /appointment/u.test(t))).toMatch(/24/u)
  })
})
