import { findDate } from './dates'
import { nameSpan } from './name-span'
import { formValues, replaceable } from './value-forms'
import { isStopWord } from './text'

const WEEKDAY = '(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?s?'

/**
 * Where a text holds a value of the same form as `value`: a date or day for a date ("scratch
 * that, Thursday" corrects "Tuesday" in "parents evening is Tuesday at 6"), an amount of money for
 * money, a time for a time, a number for a number, a name for a name ("Leeds" for "Manchester").
 * Null when the text holds none.
 */
export function valueSpan(text: string, value: string, now: Date): string | null {
  // The whole value of that form: "weds and sat" for "tues and sat", "ruth.okonkwo@…" for an email.
  const wanted = formValues(value)
  for (const held of formValues(text))
    if (wanted.some((v) => replaceable(v, held))) return held.text
  const money = /[£$€¥₹]\s?\d[\d,.]*(?:\s?k)?|\b\d[\d,.]*\s?(?:quid|bucks|dollars|euros|pounds)\b/iu
  if (money.test(value)) return money.exec(text)?.[0] ?? null
  const time = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/iu
  if (time.test(value) && !findDate(value, now)?.phrase.match(/\d{1,2}(?:st|nd|rd|th)/u))
    return time.exec(text)?.[0] ?? null
  if (findDate(value, now)) {
    // A day for a day, a day of the month for one ("the 14th"), before any other date phrase
    // (chrono reads "evening" in "parents evening" as a time).
    const weekday = new RegExp(`\\b${WEEKDAY}\\b`, 'iu')
    const ordinal = /\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+\p{L}+)?\b/iu
    for (const form of [weekday, ordinal]) {
      if (form.test(value)) {
        const hit = form.exec(text)?.[0]
        if (hit) return hit
      }
    }
    const found = findDate(text, now)
    if (
      found &&
      !/^(?:morning|afternoon|evening|night|tonight|noon|midday)$/iu.test(found.phrase.trim())
    )
      return found.phrase.replace(/^(?:on|by|at)\s+/iu, '').trim()
    return ordinal.exec(text)?.[0] ?? weekday.exec(text)?.[0] ?? null
  }
  const number = /\b\d[\d,.]*\b/u
  if (number.test(value)) return number.exec(text)?.[0] ?? null
  return nameSpan(text, value) ?? sameHeadSpan(text, value)
}

/** A short noun phrase: "a full marathon", "the blue one", "double shifts". */
const PHRASE = /^(?:(?:a|an|the|my|our)\s+)?((?:[\p{L}-]+\s+){1,2})([\p{L}-]{3,})$/iu

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/**
 * "a half marathon" in "training for a half marathon in April" for "a full marathon": the phrase
 * with the same last word and as many words before it, said differently. Null when none is.
 */
function sameHeadSpan(text: string, value: string): string | null {
  const m = PHRASE.exec(value.trim())
  if (!m || isStopWord(m[2]!.toLowerCase())) return null
  const before = m[1]!.trim().split(/\s+/u).length
  const hit = new RegExp(
    `(?<![\\p{L}-])(?:(?:a|an|the|my|our)\\s+)?(?:[\\p{L}-]+\\s+){${before}}${escaped(m[2]!)}s?(?![\\p{L}-])`,
    'iu',
  ).exec(text)?.[0]
  return hit && hit.toLowerCase() !== value.trim().toLowerCase() ? hit : null
}

/** Whether a value has a form of its own (a date, a day, a time, an amount, a number or a code). */
export function hasForm(value: string, now: Date): boolean {
  return formValues(value).length > 0 || /\d/u.test(value) || findDate(value, now) !== null
}
