import { findDate } from './dates'
import { TASK_CUE } from './cues'

/** A thing, then "is on" or "starts", then its day: nothing before the thing but its article. */
const ON_A_DAY =
  /^(?:(?:the|my|our|his|her|their)\s+)?(?!(?:I|we|you|he|she|they|it|this|that|there)\b)[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,7}?\s+(?:is|are|was|were)\s+(?:(?:on|for)\s+)?(?:the\s+)?$|^(?:(?:the|my|our|his|her|their)\s+)?(?!(?:I|we|you|he|she|they|it|this|that|there)\b)[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,7}?\s+(?:starts?|begins?|kicks? off|opens?)\s+(?:on\s+)?(?:the\s+)?$/iu

/**
 * Whether a clause only says on what day something happens: "the Christmas market stall is on 12
 * December", "fieldwork on the Isle of May starts April 20, 3 weeks". A line for the diary, kept as
 * a fact: not something to do (no "need to", "by") and not a fault ("stall" is the market's).
 *
 * @example diaryLine('the Christmas market stall is on 12 December', now) // true
 * @example diaryLine('the boiler is on the blink since Monday', now) // false
 */
export function diaryLine(text: string, now: Date): boolean {
  // "launch target is June 1": a deadline is something to do by that day.
  if (TASK_CUE.test(text) || /\b(?:target|deadline|cut-?off|closing date|due)\b/iu.test(text))
    return false
  const date = findDate(text, now)
  if (date === null || date.each) return false
  return ON_A_DAY.test(text.slice(0, date.index))
}
