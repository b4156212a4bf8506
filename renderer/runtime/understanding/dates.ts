import { namesPeriod, periodChrono } from './date-periods'
import type { DueWindow } from './types'

/** A date a sentence names, resolved against the message's time. */
export interface FoundDate {
  iso: string
  /** The words that named it ("by Friday" → "Friday"). */
  phrase: string
  index: number
  /** Whether a time of day was said. */
  hasTime: boolean
  /** "2 coffees a day", "£90 a week": how much for each day or week, never a deadline. */
  each?: true
}

/** Chrono, taught period ends and holidays (`date-periods.ts`). */
const CHRONO = periodChrono()

const DURATION_ONLY = /^\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)$/iu

/** "for 3 years", "for a few months": a length of time ("off work for two weeks" sets an end). */
const FOR_DURATION =
  /^for\s+(?:the\s+(?:next|last|past)\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|a couple of|couple of)\s+(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?)$/iu

/** "I've been a midwife", "lived here", "had the car": what has held so far, up to now. */
const SO_FAR =
  /\b(?:been|lived|worked|known|had|owned|used|run|taught|studied|played|driven|done|kept|married|together)\b|\b(?:I|we)\s+(?:have|'ve|’ve)\s+(?!to\b)\p{L}+/iu

/** What denies the date after it: "not the 28th", "no longer Friday", "isn't on the 3rd". */
const DENIED_BEFORE =
  /\b(?:not|no longer|isn['’]t|is not|wasn['’]t|was not)\s+(?:(?:on|at|for|due)\s+)?(?:the\s+)?$/iu

/**
 * The first date or time in `text` (chrono-node), skipping one the text denies, looking forward
 * from `now` as people do when they say "by Friday". Ages and durations ("34 years old") are not
 * dates.
 */
export function findDate(text: string, now: Date): FoundDate | null {
  const found = findDates(text, now)
  // "not the 28th anymore, the publisher moved the demo to May 5": a day denied is the old one.
  const kept = found.filter((d) => !DENIED_BEFORE.test(text.slice(0, d.index)))
  const all = kept.length > 0 ? kept : found
  // "Next month I have to do reviews, due May 15": the date a deadline word points at wins.
  return (
    all.find((d) =>
      /\b(?:due|by|before|until|deadline|no later than)\s*(?:on\s+|the\s+)?$/iu.test(
        text.slice(0, d.index),
      ),
    ) ??
    all[0] ??
    null
  )
}

/** "2 coffees", "£90", "ten cigarettes", "a few pints": an amount, said before "a day" or "a week". */
const AMOUNT =
  /(?:\d[\d.,]*\s*[\p{L}%]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|a couple of|couple of|some)\s+\p{L}+)\s*$/iu

/** The deadline a found date sets: none for "2 coffees a day". */
export const dueOf = (found: FoundDate | null): string | null =>
  found && !found.each ? found.iso : null

/** Every date in `text`, in order, including "the 13th" (the next 13th of a month). */
export function findDates(text: string, now: Date): FoundDate[] {
  const out: FoundDate[] = []
  // "the marathon on 21 June, first full one": the word after the comma is not the month's day (a
  // semicolon keeps chrono from reading "June, first" as June 1, and keeps every index in place).
  // "bin day is Wednesday now": the day is the new value, not the present moment (chrono reads
  // "Wednesday now" as one time, today's).
  // "the end o' March": Scots and Irish "o'" is "of" (same length, so indices stay).
  const read = text
    .replace(MONTH_THEN_ORDINAL, '$1;')
    .replace(DAY_THEN_NOW, '$1;')
    .replace(/\bo['’](?=\s)/giu, 'of')
  for (const r of CHRONO.parse(read, now, { forwardDate: true })) {
    // In the person's words ("end o' March"), as long as what chrono read.
    const phrase = text.slice(r.index, r.index + r.text.length).trim()
    // "today", "this morning", "this year", "last week" place an event in the present or past;
    // they are not a date to keep or a deadline.
    if (
      /^(?:today|tonight|now|yesterday|this (?:morning|afternoon|evening|year|week|month)|last\s+\w+|earlier|recently|\w+ (?:morning|afternoon|evening)s?)$/iu.test(
        phrase,
      ) &&
      !/^(?:tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?: (?:morning|afternoon|evening|night))?$/iu.test(
        phrase,
      )
    )
      continue
    if (DURATION_ONLY.test(phrase)) continue
    // "a midwife for 12 years", "lived here for 3 years": how long it has held, not when it ends.
    if (FOR_DURATION.test(phrase) && SO_FAR.test(text.slice(0, r.index))) continue
    // "I work Monday to Thursday", "open Mon-Fri": days of every week, not one date.
    if (
      DAY_RANGE.test(phrase) ||
      new RegExp(`^${DAY_NAME}\\s*(?:-|–|to|through|thru|till|until)\\s*${DAY_NAME}\\b`, 'iu').test(
        text.slice(r.index),
      ) ||
      new RegExp(`\\b${DAY_NAME}\\s*(?:-|–|to|through|thru|till|until)\\s*$`, 'iu').test(
        text.slice(0, r.index),
      )
    )
      continue
    // "a night shift", "the morning ones", "evening classes": a part of the day naming a thing.
    if (
      PART_OF_DAY.test(phrase) &&
      /^\s+(?!(?:I|we|you|he|she|they|it|and|or|but|so|then|at|on|in|to|for|with|before|after|please|pls|plz|too|again|instead|if|when|because|till|until)\b)\p{L}/iu.test(
        text.slice(r.index + r.text.length),
      )
    )
      continue
    // "a couple of times a month", "twice a week": how often, not when.
    const each = /^an?\s+(?:day|week|fortnight|month|year)$/iu.test(phrase)
    if (each && /\b(?:times?|once|twice|thrice)\s*$/iu.test(text.slice(0, r.index))) continue
    // "2 coffees a day", "£90 a week", "took a day off": how much, not a deadline (kept as a date the
    // sentence holds, marked so no due date is taken from it).
    const amount =
      each &&
      (AMOUNT.test(text.slice(0, r.index)) ||
        /^\s+off\b/iu.test(text.slice(r.index + r.text.length)))
    if (/^\d{1,2}$/u.test(phrase)) continue
    let date = r.start.date()
    if (Number.isNaN(date.getTime())) continue
    // "the dentist Thursday at 3": an appointment's bare hour from 1 to 7 is in the afternoon.
    if (
      r.start.isCertain('hour') &&
      !r.start.isCertain('meridiem') &&
      !/\b(?:am|a\.m\.|morning|night|early)\b/iu.test(
        `${phrase} ${text.slice(r.index + r.text.length, r.index + r.text.length + 12)}`,
      ) &&
      date.getHours() >= 1 &&
      date.getHours() <= 7
    )
      date = new Date(date.getTime() + 12 * 3_600_000)
    // "mark the essays by Monday" said on a Monday means next Monday: today is "today".
    if (
      /^(?:(?:on|by|before|until|till)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/iu.test(
        phrase,
      ) &&
      date.toDateString() === now.toDateString()
    )
      date = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 7, date.getHours())
    // "by Friday the 12th", "Monday 3rd": the day of the month said after a weekday fixes which one.
    const ordinal = WEEKDAY_THEN_ORDINAL.exec(read.slice(r.index + r.text.length))
    if (ordinal && /(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]*$/iu.test(phrase))
      date = nextDayOfMonth(Number(ordinal[1]), now, date.getDay()) ?? date
    if (Number.isNaN(date.getTime())) continue
    out.push({
      iso: date.toISOString(),
      phrase,
      index: r.index,
      hasTime: r.start.isCertain('hour'),
      ...(amount ? { each: true as const } : {}),
    })
  }
  for (const m of text.matchAll(
    /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|century|floor|time|anniversary|birthday|place|row))/giu,
  )) {
    if (out.some((d) => m.index! >= d.index && m.index! < d.index + d.phrase.length)) continue
    // "Friday the 12th": already the weekday's date.
    if (
      out.some(
        (d) =>
          d.index + d.phrase.length <= m.index! &&
          /day[\s,]*$/iu.test(d.phrase) &&
          /^\s*,?\s*$/u.test(text.slice(d.index + d.phrase.length, m.index)),
      )
    )
      continue
    const d = nextDayOfMonth(Number(m[1]), now)
    if (!d) continue
    out.push({ iso: d.toISOString(), phrase: m[0], index: m.index!, hasTime: false })
  }
  // "parents' evening is Wednesday at 6": a part of the day alone gives way to a date that names the day.
  const bare = (d: FoundDate): boolean => PART_OF_DAY.test(d.phrase)
  const named = out.some((d) => !bare(d))
  return out.filter((d) => !named || !bare(d)).sort((a, b) => a.index - b.index)
}

/** What may follow a weekday to name its day of the month: " the 12th", ", 3rd". */
const WEEKDAY_THEN_ORDINAL = /^\s*,?\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)/iu

/**
 * The next day numbered `day` from `now` (from today on), skipping months too short to have it ("the
 * 31st" said in February is March 31). With `weekday`, the one such day this month or next that
 * falls on it ("Friday the 12th"), else null: a weekday and a day that do not agree soon are left
 * as the weekday says. Null for a day no month has.
 */
function nextDayOfMonth(day: number, now: Date, weekday?: number): Date | null {
  if (day < 1 || day > 31) return null
  for (let ahead = 0; ahead < (weekday === undefined ? 13 : 2); ahead++) {
    const d = new Date(now.getFullYear(), now.getMonth() + ahead, day, 12)
    if (d.getDate() !== day || d.getTime() < now.getTime() - 12 * 3_600_000) continue
    if (weekday === undefined || d.getDay() === weekday) return d
  }
  return null
}

/** A day said before "now" ("it's Friday now"); the space between becomes a semicolon. */
const DAY_THEN_NOW = /\b((?:mon|tues|wednes|thurs|fri|satur|sun)days?)\s(?=now\b)/giu

const MONTH_THEN_ORDINAL =
  /\b((?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|april|may|june|july|august|september|october|november|december),(?=\s+(?:first|second|third|fourth|fifth|last|next|one|two)\b)/giu

const PART_OF_DAY =
  /^(?:(?:in|on|at)\s+)?(?:the\s+)?(?:morning|afternoon|evening|night|noon|midnight)s?$/iu

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "Friday, March 6" (with the year when it is not `now`'s, and the time when one was said). */
export function formatDate(iso: string, hasTime: boolean, now: Date): string {
  const d = new Date(iso)
  const time = hasTime
    ? ` at ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    : ''
  return `${DAYS[d.getDay()]}, ${spellDay(iso, now)}${time}`
}

/** A day as a person writes it, without the weekday: "March 4", or "March 4, 2025" in another year. */
export function spellDay(iso: string, now: Date): string {
  const d = new Date(iso)
  const year = d.getFullYear() !== now.getFullYear() ? `, ${d.getFullYear()}` : ''
  return `${MONTHS[d.getMonth()]} ${d.getDate()}${year}`
}

/** A word that ends the thing a day owns ("Friday's demo is at 3", "Thursday's release and …"). */
const OWNED_END =
  /^(?:is|are|was|were|will|has|had|have|starts|begins|at|on|in|by|to|and|or|but|so|for|from|with|before|after|got|been|moved|now|then|too|as|if|when|because)$/iu

/** A date phrase said relative to when it was said: "next Thursday", "tomorrow", "in 3 days". */
export const RELATIVE =
  /\b(?:today|tonight|tomorrow|yesterday|next|this|last|coming|in \d+|in (?:a|an|one|two|three|four|five|six|a few|several)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|eod|end of)\b/iu

/**
 * Replaces a relative date phrase with the date it means, so a stored item still reads right next
 * week: "renew my passport by Friday" → "renew my passport by Friday, March 6".
 */
export function anchorDate(text: string, found: FoundDate, now: Date): string {
  if (!RELATIVE.test(found.phrase) && !namesPeriod(found.phrase)) return text
  const before = text.slice(0, found.index)
  // "we meet every Thursday at 11" repeats; no one Thursday is meant.
  if (/\b(?:every|each)\s+(?:other\s+|single\s+|second\s+)?$/iu.test(before)) return text
  // "bin day is Tuesday", "my day off is Wednesday", "payday's Friday": a weekday that comes round.
  if (
    /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/iu.test(found.phrase.trim()) &&
    /\b(?:\w*day|days|day off|nights?)\s+(?:is|are|'s|falls on|will be)\s+(?:on\s+|usually\s+|always\s+)?$/iu.test(
      before,
    )
  )
    return text
  // "next month", "next year": a month or a year, not one day of it (a deadline "by next month"
  // keeps its day). "Next week" keeps its day too: spelt as a week it cost answers (blind-2).
  const span = /^(?:(?:next|this|coming)\s+(month|year)|in\s+(?:a|one)\s+(month|year))$/iu.exec(
    found.phrase.trim(),
  )
  const lead = text.slice(0, found.index)
  if (span && !/\b(?:by|before|until|till|no later than)\s*$/iu.test(lead)) {
    const d = new Date(found.iso)
    const year = d.getFullYear() !== now.getFullYear() ? ` ${d.getFullYear()}` : ''
    const when =
      (span[1] ?? span[2]!).toLowerCase() === 'month'
        ? `${MONTHS[d.getMonth()]!}${year}`
        : String(d.getFullYear())
    const said = /\b(?:in|during|for|from|since|after|starting|until|till|to)\s*$/iu.test(lead)
      ? when
      : `in ${when}`
    return `${lead}${said}${text.slice(found.index + found.phrase.length)}`
  }
  // "Monday the 3rd": the day of the month said after the weekday belongs to the same date.
  const rest = text.slice(found.index + found.phrase.length)
  const ordinal = /^\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b/iu.exec(rest)
  if (ordinal) {
    // Kept as said, with the date beside it: "Monday the 3rd (August 3)" — or, when that Monday
    // is not the 3rd, as said alone.
    if (new Date(found.iso).getDate() !== Number(/\d+/u.exec(ordinal[0])![0])) return text
    const when = formatDate(found.iso, found.hasTime, now).replace(/^\p{L}+day,\s*/u, '')
    return `${before}${found.phrase}${ordinal[0]} (${when})${rest.slice(ordinal[0].length)}`
  }
  // "before Thursday's release": the date goes after what is Thursday's ("Thursday's release
  // (March 5)"), not between the day and its "'s".
  const owned = /^['’]s((?:\s+[\p{L}-]+)+)/u.exec(rest)
  if (owned) {
    // Up to three words, ending before a word that goes on to say something of it.
    let upto = 2
    let kept = 0
    for (const w of owned[1]!.matchAll(/\s+([\p{L}-]+)/gu)) {
      if (kept === 3 || OWNED_END.test(w[1]!)) break
      upto = 2 + w.index + w[0].length
      kept++
    }
    if (kept === 0) return text
    const when = formatDate(found.iso, found.hasTime, now)
    const phrase = found.phrase.trim()
    const shown = when.toLowerCase().startsWith(`${phrase.toLowerCase()}, `)
      ? when.slice(phrase.length + 2)
      : when
    return `${before}${found.phrase}${rest.slice(0, upto)} (${shown})${rest.slice(upto)}`
  }
  const after = rest
  // "before the weekend rush", "the Friday meeting": the phrase names a thing, not when; the date
  // goes beside it instead of into the sentence.
  if (
    /\bthe\s*$/iu.test(before) ||
    /^\s+(?!(?:at|on|in|by|to|and|or|but|so|for|from|with|before|after|morning|afternoon|evening|night|tonight|then|too|as|if|when|because|please|pls|i|we|you|is|was|will|first|thing|latest|lunchtime|noon|midday)\b)\p{L}/iu.test(
      after,
    )
  ) {
    const when = formatDate(found.iso, found.hasTime, now)
    // "the Friday meeting" gives "the Friday (May 15) meeting", not "Friday (Friday, May 15)".
    // Chrono's phrase may carry the comma after it ("weekend, braai…"): the date goes before it.
    const phrase = found.phrase.replace(/[\s,;:.]+$/u, '')
    const said = phrase.toLowerCase()
    const shown = when.toLowerCase().startsWith(`${said}, `) ? when.slice(said.length + 2) : when
    return `${before}${phrase} (${shown})${text.slice(found.index + phrase.length)}`
  }
  // "by the end of the quarter", "EOW", "before Easter": the person's words stay, with the day beside
  // them ("by the end of the quarter (Wednesday, September 30)").
  if (namesPeriod(found.phrase)) {
    const phrase = found.phrase.replace(/[\s,;:.]+$/u, '')
    return `${before}${phrase} (${formatDate(found.iso, false, now)})${text.slice(found.index + phrase.length)}`
  }
  // "call mom tomorrow" → "call mom on Thursday, March 5"; "by Friday", "pushed to Wednesday" keep
  // their own preposition.
  const on =
    /\b(?:by|on|before|until|till|til|from|after|for|due|at|this|next|in|to|since|around|through|thru|between|and|or)\s*$/iu.test(
      before,
    ) || before.trim() === ''
      ? ''
      : 'on '
  return `${before}${on}${dateAsSaid(found, now)}${after}`
}

/**
 * The date in full with the time kept in the person's words: "Thursday 2pm" → "Thursday, January
 * 22 at 2pm", not "at 14:00".
 */
function dateAsSaid(found: FoundDate, now: Date): string {
  if (!found.hasTime) return formatDate(found.iso, false, now)
  const phrase = found.phrase.replace(/[\s,;:.]+$/u, '')
  const time =
    /\b(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o['’]?clock)|noon|midday|midnight|lunchtime)\b/iu.exec(
      phrase,
    ) ?? /(?:\bat\s+|@\s*)(\d{1,2}(?:[:.]\d{2})?)(?!\s*(?:st|nd|rd|th)\b)/iu.exec(phrase)
  return time
    ? `${formatDate(found.iso, false, now)} at ${time[1]!.trim()}`
    : formatDate(found.iso, true, now)
}

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)days?'
const DAY_NAME =
  '(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)'
/** "Monday to Thursday", "Mon-Fri", "Tuesdays through Saturdays": a stretch of every week. */
const DAY_RANGE = new RegExp(
  `\\b${DAY_NAME}\\s*(?:-|–|to|through|thru|till|until)\\s*${DAY_NAME}\\b`,
  'iu',
)
const SCHEDULE = new RegExp(
  [
    `\\bevery\\s+(?:other\\s+|single\\s+)?(?:day|weekday|weekend|morning|evening|night|week|month|year|${WEEKDAY}|\\d+\\s+(?:days|weeks|hours))(?:\\s*(?:,|and|&)\\s*${WEEKDAY})*`,
    `\\beach\\s+(?:${WEEKDAY}|day|week|month|morning)`,
    `\\bon\\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days(?:\\s*(?:,|and|&)\\s*${WEEKDAY})*`,
    `\\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)(?:\\s*(?:,|and|&)\\s*${WEEKDAY})*`,
    // "Thursday nights", "Saturday mornings": one part of every such day.
    '\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\s+(?:mornings|afternoons|evenings|nights|lunchtimes)\\b',
    '\\b(?:on|at)\\s+(?:weekends|weeknights|weekdays)\\b|\\bweeknights\\b',
    DAY_RANGE.source,
    '\\b(?:daily|weekly|monthly|nightly|twice a (?:day|week|month)|once a (?:day|week|month)|\\d+ times a (?:day|week))\\b',
  ].join('|'),
  'iu',
)
const TIME =
  /\b(?:at|from|@)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:-|to|until)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?/iu

/** A recurring schedule in words ("every weekday at 9:30", "Tuesdays and Thursdays at 6pm"), if any. */
export function findSchedule(text: string): string | null {
  const m = SCHEDULE.exec(text)
  if (!m) return null
  const time = TIME.exec(text)
  return time ? `${m[0].trim()} ${time[0].trim()}` : m[0].trim()
}

const startOfDay = (d: Date): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate())
const addDays = (d: Date, n: number): Date =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + n)

/** The stretch of time a question about deadlines means ("this week", "today", "next week"). */
export function dueWindow(question: string, now: Date): DueWindow | null {
  const q = question.toLowerCase()
  const today = startOfDay(now)
  // Weeks start on Monday.
  const monday = addDays(today, -((today.getDay() + 6) % 7))
  const win = (from: Date, to: Date, label: string): DueWindow => ({
    from: from.toISOString(),
    to: to.toISOString(),
    label,
  })
  if (/\btoday\b|\btonight\b/u.test(q)) return win(today, addDays(today, 1), 'today')
  if (/\btomorrow\b/u.test(q)) return win(addDays(today, 1), addDays(today, 2), 'tomorrow')
  if (/\bnext week\b/u.test(q)) return win(addDays(monday, 7), addDays(monday, 14), 'next week')
  if (/\b(?:this|the) week(?:end)?\b|\bthis wk\b/u.test(q))
    return win(today, addDays(monday, 7), 'this week')
  if (/\bnext (?:few|couple of) days\b|\bsoon\b|\bcoming up\b|\bupcoming\b/u.test(q))
    return win(today, addDays(today, 7), 'in the next few days')
  if (/\bthis month\b/u.test(q))
    return win(today, new Date(now.getFullYear(), now.getMonth() + 1, 1), 'this month')
  if (/\bnext month\b/u.test(q))
    return win(
      new Date(now.getFullYear(), now.getMonth() + 1, 1),
      new Date(now.getFullYear(), now.getMonth() + 2, 1),
      'next month',
    )
  return null
}
