import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { findDate, formatDate } from '../understanding/dates'

const DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const MONTHS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)'
/** A date as stored items spell it (`formatDate`): "Tuesday, December 8", "…, 2027", "… at 09:30". */
export const SPELT = new RegExp(
  `\\b(${DAYS}, ${MONTHS} \\d{1,2}(?:, \\d{4})?)( at \\d{1,2}(?:[:.]\\d{2})?(?:\\s?[ap]m)?\\b)?`,
  'iu',
)
/** A value that names only a day of the week or of the month: "Wednesday", "weds", "the 14th". */
const DAY_ONLY =
  /^(?:on\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|(?:the\s+)?\d{1,2}(?:st|nd|rd|th))$/iu
/** A value that names only a time of day: "3pm", "at 9:30", "half 2" is not read. */
const TIME_ONLY = /^(?:at\s+|the\s+)?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?$/iu
const DAY_MS = 86_400_000

/** A day said alone, read near an old date: the Wednesday of its week, the 14th of its month. */
const readNear = (said: string, due: string): ReturnType<typeof findDate> =>
  findDate(said, new Date(Date.parse(due) - 3 * DAY_MS))

/** The date a correction moves an item to: its new text, and its due date. */
export interface AmendedDate {
  /** The old text with its date spelt anew, or null when the text spells no date of its own. */
  text: string | null
  /** The old date as the text spelt it, when `text` spells it anew. */
  was: string | null
  due: string
}

/**
 * "make that Wednesday" after "book the vet for Mango on Tuesday, December 8": a bare correction of
 * when, for an item with a due date. A day alone is read near the old date (the Wednesday of that
 * week, not the next one after today; "the 14th" of that month), anything else ("tomorrow", "March
 * 20") from the message's time; a time alone ("3pm") keeps the day. The old time of day stays
 * unless a new one is said, and where the
 * text spells the old date it spells the new one: "… on Wednesday, December 9". Null when the item
 * has no due date or the value is not a date.
 */
export function amendedDate(old: MemoryItem, value: string, now: Date): AmendedDate | null {
  const due = itemExtras(old).extras.due
  if (!due) return null
  const said = value.trim()
  const near = DAY_ONLY.test(said)
  const found = near ? readNear(said, due) : findDate(said, now)
  if (!found) return null
  // The value is a date, not a sentence that holds one.
  const rest = said.slice(0, found.index) + said.slice(found.index + found.phrase.length)
  if (
    /[\p{L}\p{N}]/u.test(
      rest.replace(/\b(?:on|the|at|for|by|until|till|before|it's|its|it is)\b/giu, ''),
    )
  )
    return null
  const before = new Date(due)
  let when = new Date(found.iso)
  // "make it 3pm": the same day at the new time.
  if (TIME_ONLY.test(said)) {
    when = new Date(before)
    when.setHours(new Date(found.iso).getHours(), new Date(found.iso).getMinutes(), 0, 0)
  } else if (!found.hasTime) when.setHours(before.getHours(), before.getMinutes(), 0, 0)
  const spelt = SPELT.exec(old.text)
  // A new time alone is put where the old one was said, as said ("at 3pm").
  if (!spelt || TIME_ONLY.test(said)) {
    // "no wait, by May 28" after "renew the insurance by May 20": the date as the text said it,
    // said anew, so "by" is not said twice.
    const by = /^(?:by|until|till|before)\s/iu.test(said) && !TIME_ONLY.test(said)
    const held = by ? findDate(old.text, now) : null
    return held
      ? {
          text: old.text.replace(held.phrase, found.phrase),
          was: held.phrase,
          due: when.toISOString(),
        }
      : { text: null, was: null, due: when.toISOString() }
  }
  // A new day keeps the time as it was said ("… at 3pm"); a new day and time spell both.
  const was = found.hasTime ? spelt[0] : spelt[1]!
  return {
    text: old.text.replace(was, formatDate(when.toISOString(), found.hasTime, now)),
    was,
    due: when.toISOString(),
  }
}

/**
 * "the VAT return is due on the 14th" told as a correction of "VAT return due 7th April": a new due
 * date said by its day alone (of the month or of the week) is that day near the old due date — April
 * 14, not the 14th of the month the message is sent in; a weekday is the one in the old date's week —
 * unless that day has passed (an old deadline gone by: the next such day from now is meant). The old
 * time of day stays.
 * Null when the text's date names more than a day (a month, "tomorrow", a date in full).
 */
export function dayNearOldDue(oldDue: string, text: string, now: Date): string | null {
  const found = findDate(text, now)
  const said = found?.phrase.trim() ?? ''
  if (!found || !DAY_ONLY.test(said)) return null
  const before = new Date(oldDue)
  let when: Date
  const ordinal = /\d{1,2}/u.exec(said)
  if (ordinal) {
    // "the 14th": that day of the old date's month ("by the end of March" → March 14, not April).
    when = new Date(before)
    when.setDate(Number(ordinal[0]))
    if (when.getDate() !== Number(ordinal[0])) return null
  } else {
    // A weekday: the one in the old date's week.
    const near = readNear(said, oldDue)
    if (!near) return null
    when = new Date(near.iso)
    when.setHours(before.getHours(), before.getMinutes(), 0, 0)
  }
  const today = new Date(now)
  today.setHours(0, 0, 0, 0)
  return when < today ? null : when.toISOString()
}
