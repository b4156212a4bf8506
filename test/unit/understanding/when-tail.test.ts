import { describe, expect, it } from 'vitest'
import { withoutWhenTail } from '../../../renderer/runtime/understanding/when-tail'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date('2026-05-04T09:00:00Z')
const employer = (text: string): string | null => {
  for (const r of analyze(text, NOW).readings)
    if (r.type === 'capture')
      for (const c of r.captures) if (c.subject === 'employer') return c.value
  return null
}

describe('a place of work without the time said after it', () => {
  it.each([
    ['Aldi on monday', 'Aldi'],
    ['Stripe from next week', 'Stripe'],
    ['the Leeds branch two weeks ago', 'the Leeds branch'],
    ['Halfords next Tuesday', 'Halfords'],
  ])('%s → %s', (phrase, kept) => expect(withoutWhenTail(phrase)).toBe(kept))

  it.each(['Sunday Times', 'March Networks', 'Acme Corp', 'Monday.com', 'Friday'])(
    'keeps %s whole',
    (phrase) => expect(withoutWhenTail(phrase)).toBe(phrase),
  )

  it.each([
    ['started at Aldi on monday', 'Aldi'],
    ['I joined Halfords from next week as a fitter', 'Halfords'],
    ['just started at Kwik Fit on Saturday', 'Kwik Fit'],
    ['moved to Ocado as of the 1st of June', 'Ocado'],
  ])('"%s" works at %s', (text, org) => expect(employer(text)).toBe(org))
})
