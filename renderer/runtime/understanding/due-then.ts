import { findDates, type FoundDate } from './dates'
import type { Capture } from './types'

/** "before then", "by that date", "ahead of that": a deadline said by pointing back. */
const POINTS_BACK =
  /\b(?:before|by|until|till|ahead of|no later than)\s+(?:then|that(?:\s+(?:date|day))?)(?=$|[\s,.;!?])/iu

/** "next month", "this year": a span, not a day to be done by. */
const SPAN = /^(?:(?:next|this|coming)\s+(?:month|year)|in\s+(?:a|one)\s+(?:month|year))$/iu

/** "at 3:15", "9am": a time of the day just named, not a day of its own. */
export const TIME_ONLY = /^(?:at\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?$/iu

/** The last day named in `text` that could be a deadline. */
function lastDay(text: string, now: Date): FoundDate | null {
  return (
    findDates(text, now)
      .filter((d) => !d.each && !SPAN.test(d.phrase.trim()) && !TIME_ONLY.test(d.phrase.trim()))
      .at(-1) ?? null
  )
}

/**
 * A task due "before then" takes the day last named before it: earlier in the sentence, then in
 * `before` (what was said before it, oldest first): "my visa expires 10 May so I have to apply to
 * extend before then", or "the trip is on the 22nd" … "I need to restock the hypo kits before then".
 * Anything else, or a task with no day to point to, is returned as it is.
 */
export function dueThen(
  c: Capture,
  sentence: string,
  before: readonly string[],
  now: Date,
): Capture {
  if (c.kind !== 'task' || c.due !== null || !POINTS_BACK.test(c.text)) return c
  const at = sentence.search(POINTS_BACK)
  if (at < 0) return c
  for (const text of [...before, sentence.slice(0, at)].reverse()) {
    const day = lastDay(text, now)
    if (!day) continue
    // Only the deadline: a day written into the words would stay when that day is moved.
    return { ...c, due: day.iso }
  }
  return c
}
