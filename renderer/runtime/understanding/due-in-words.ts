import { findDate } from './dates'
import type { Capture } from './types'

/** "today", "tonight", "this afternoon": the day the task is said on. */
const TODAY = /\b(?:today|tonight|this (?:morning|afternoon|evening))\b/iu

/** "before 25th", "by 20th": a day of the month said without "the". */
const BARE_DAY = /\b(by|before|until|till|on|due)\s+(\d{1,2}(?:st|nd|rd|th))\b/iu

/**
 * A task's deadline in the words the date reader leaves alone: "ring the insurers today" is due
 * today, "send it to sir before 20th" on the next 20th. A task with a deadline already, or any
 * other item, is returned as it is.
 */
export function dueInWords(c: Capture, now: Date): Capture {
  if (c.kind !== 'task' || c.due !== null) return c
  if (TODAY.test(c.text)) {
    const day = new Date(now)
    day.setHours(12, 0, 0, 0)
    return { ...c, due: day.toISOString() }
  }
  const bare = BARE_DAY.exec(c.text)
  if (!bare) return c
  const found = findDate(`${bare[1]!} the ${bare[2]!}`, now)
  return found ? { ...c, due: found.iso } : c
}
