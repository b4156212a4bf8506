import { capture } from './capture'
import { findDate } from './dates'
import { lowerFirst } from './text'
import type { Capture } from './types'

/**
 * "…, need to book it", "must get it done before 15 August", "put that on my list", "don't let me
 * forget": something to do about what was
 * just said, pointing back at it with "it" or "that". Group 1 is the action, when there is one.
 */
const FOLLOW_UP =
  /^(?:and\s+|so\s+)?(?:(?:I\s+)?(?:need to|have to|must|should|got to|gotta|will have to|am going to)\s+((?:\w+\s+){0,2}?\w+\s+(?:it|that|them|this|him|her)(?:\s+(?:done|sorted|booked|renewed|sent|signed|in|back))?(?:\s+(?:before|by|after|in|on|at|this|next|today|tomorrow|tonight|soon|asap|up|off|back|first thing)\b[^,;]{0,30})?)|(?:please\s+)?(?:put|add)\s+(?:that|it|this|them)\s+(?:on|to)\s+(?:my|the)\s+(?:list|to-?do(?: list)?|tasks?)|(?:please\s+)?(?:do not|don't|dont)\s+let me forget(?:\s+(?:it|that|this))?|(?:please\s+)?remind me(?:\s+(?:about|of)\s+(?:it|that|this))?)$/iu

/** Whether a clause is a follow-up of what was just said ("…, put that on my list"). */
export const isFollowUp = (clause: string): boolean => FOLLOW_UP.test(clause.trim())

/**
 * The capture a follow-up turns the last one into: a task that keeps what was said and the action
 * ("MOT is due on the 19th — need to book it"), due when the statement gave a date. A problem or a
 * preference is left as it is.
 */
export function followUp(clause: string, last: Capture, now: Date): Capture | null {
  const m = FOLLOW_UP.exec(clause.trim())
  if (!m) return null
  // "the boiler is broken, need to fix it": a problem stays a problem; the follow-up adds nothing new.
  if (last.kind === 'issue' || last.kind === 'preference') return last
  const text = m[1] ? `${last.text} — need to ${lowerFirst(m[1])}` : last.text
  // "…, got to book it before 1 sept": the day said with the action, when the thing had none.
  const due =
    last.due ?? findDate(last.text, now)?.iso ?? (m[1] ? findDate(m[1], now)?.iso : null) ?? null
  return capture('task', text, { due, correction: last.correction })
}
