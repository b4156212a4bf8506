import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('a birth expected on a day is a fact, not a deadline', () => {
  it.each([
    'My wife Dewi is pregnant, due in September, our second child',
    'my sister is due in May',
    'our daughter-in-law is expecting, due mid October',
    "partner's due with twins in Feb",
    'the mare is due to foal in april',
    "my sister's baby is due in May",
    "my girlfriend's due end of june, first baby",
    'missus is due with our third on the 20th',
  ])('%s is a fact', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })

  it.each([
    'the car is due for a service in May',
    'my passport is due for renewal in June',
    'the report is due in August',
    'our first payment is due on the 1st',
    'my daughter is due in court on the 5th',
    "the dog's due her jabs in May",
  ])('%s is still a thing due', (text) => {
    expect(kinds(text)).toEqual(['task'])
  })
})
