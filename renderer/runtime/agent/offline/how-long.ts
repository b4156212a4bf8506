/** "How long have I been an instructor?", "how long I been doing this": how long something has gone on. */
const HOW_LONG =
  /^how long\s+(?:have|has|'ve)\s+(?:I|we)\b|^how long\s+(?:I|we)(?:\s*'ve|\s+have)?\s+(?:been|had|worked|lived|done|known)\b/iu

/** A stretch of time: "for 11 years", "doing it 8 years", "14 months sober", "since 2019". */
const STRETCH =
  /\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|a few|several|many)\s+(?:years?|yrs?|months?|weeks?|decades?)\b(?!\s+(?:old|ago|from now|time|later)\b)|\bsince\s+(?:(?:19|20)\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b/iu

/** A stretch still to come ("in 3 weeks", "for the next two months"): not how long it has been. */
const AHEAD =
  /\b(?:in|within|next|another|the next)\s+(?:\d+|a|one|two|three|few)\s+(?:years?|months?|weeks?)\b/iu

/** Whether a question asks how long something has gone on ("how long have I been sober?"). */
export const asksHowLong = (question: string): boolean => HOW_LONG.test(question.trim())

/**
 * Whether a text says how long something has gone on: "I been ADI for 11 years", "doing it 8
 * years"; not an age ("she is 6 years old"), a time ago or one to come ("in 3 weeks").
 *
 * @example
 * saysHowLong('I been ADI for 11 years') // → true
 * saysHowLong('Tiana is 6 years old') // → false
 */
export const saysHowLong = (text: string): boolean => STRETCH.test(text) && !AHEAD.test(text)
