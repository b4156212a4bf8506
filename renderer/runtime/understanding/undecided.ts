/**
 * A plan told as not yet decided: "Ioana and me are thinking maybe to move back to Cluj in a few
 * years", "thinking of going automatic next year", "next month want to learn motion graphics maybe,
 * not sure". Nothing to keep until it is decided ("not sure why" or "not sure what time" still
 * tell something).
 */
const UNDECIDED =
  /^(?:(?:[\p{L}'’-]+\s+(?:and|&)\s+(?:me|I)|we|they)\s+(?:are|were)\s+)?thinking\s+(?:maybe|of|about)\b|[,;]\s*(?:(?:but\s+)?(?:I\s+am|I'm|im|am)\s+)?not\s+sure(?:\s+yet)?[\s.!]*$/iu

/**
 * Whether a sentence only says the person is weighing up a plan, not what holds.
 *
 * @example isUndecided('thinking of going automatic next year') // true
 * @example isUndecided('Jobs are getting killed after 4 hours, not sure why') // false
 */
export const isUndecided = (sentence: string): boolean => UNDECIDED.test(sentence.trim())
