import { periodChrono } from './date-periods'

const CHRONO = periodChrono()

/** Words that lead into a time: "on Monday", "from next week", "as of the 1st". */
const LEAD_IN = /\s+(?:on|from|since|starting|starting on|as of|in|at|this|next)\s*$/iu

/**
 * A phrase without the time said at its end: "Aldi on monday" → "Aldi", "Stripe from next week" →
 * "Stripe", "the Leeds branch two weeks ago" → "the Leeds branch". Which date the time names does
 * not matter here, only where its words are, so chrono reads it against a fixed day. A phrase that
 * is nothing but a time, or has none at its end, is returned as it is.
 */
export function withoutWhenTail(phrase: string): string {
  const trimmed = phrase.trimEnd()
  const found = CHRONO.parse(trimmed, new Date(Date.UTC(2026, 0, 1)))
  const last = found[found.length - 1]
  if (!last || last.index + last.text.length < trimmed.length) return phrase
  const kept = trimmed.slice(0, last.index).replace(LEAD_IN, '').trim()
  return kept === '' ? phrase : kept
}
