import * as chrono from 'chrono-node'

/**
 * Chrono (casual English) taught the deadlines people set by the end of a stretch of time or by a
 * holiday, which it reads wrongly or not at all: "by the end of the day" (chrono: tomorrow), "end of
 * the week" (a week from now), "by the end of the year" (a year from now), "this quarter" (today),
 * "EOD", "EOW", "close of business", "in Q3", "mid-April", "late May", "before Christmas", "Easter
 * weekend". Each is a day, never a time; the person's words stay in the stored text.
 */

type Day = { year: number; month: number; day: number }

const dayOf = (d: Date): Day => ({
  year: d.getFullYear(),
  month: d.getMonth() + 1,
  day: d.getDate(),
})
const at = (year: number, month: number, day: number): Date => new Date(year, month - 1, day, 12)
/** The last day of a month (1–12), February of leap years included. */
const lastDay = (year: number, month: number): number => new Date(year, month, 0).getDate()
const addDays = (d: Date, n: number): Date =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, 12)

/** Friday of the week `weeks` from now (on a weekend, this week's end is its Sunday). */
function weekEnd(now: Date, weeks: number): Date {
  const dow = now.getDay()
  if (weeks === 0 && (dow === 6 || dow === 0)) return addDays(now, dow === 6 ? 1 : 0)
  const toFriday = (5 - dow + 7) % 7
  return addDays(now, (dow === 6 ? 6 : dow === 0 ? 5 : toFriday) + 7 * weeks)
}

const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1
const quarterEnd = (year: number, q: number): Date => at(year, q * 3, lastDay(year, q * 3))
const quarterStart = (year: number, q: number): Date => at(year, q * 3 - 2, 1)

/** Easter Sunday of `year` (the Gregorian computus). */
export function easterSunday(year: number): Date {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return at(year, month, day)
}

/** The `n`th given weekday (0 = Sunday) of a month; `n` = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n < 0) {
    const last = at(year, month, lastDay(year, month))
    return addDays(last, -((last.getDay() - weekday + 7) % 7))
  }
  const first = at(year, month, 1)
  return addDays(first, ((weekday - first.getDay() + 7) % 7) + 7 * (n - 1))
}

/** Holidays that fall on a day people name; movable ones computed for the year. */
const HOLIDAYS: ReadonlyArray<{ words: string; date: (year: number) => Date }> = [
  { words: 'christmas eve|xmas eve', date: (y) => at(y, 12, 24) },
  { words: 'boxing day', date: (y) => at(y, 12, 26) },
  { words: 'christmas(?: day)?|xmas(?: day)?', date: (y) => at(y, 12, 25) },
  { words: "new year['’]?s eve|nye|hogmanay", date: (y) => at(y, 12, 31) },
  { words: "new year['’]?s(?: day)?", date: (y) => at(y, 1, 1) },
  { words: "valentine['’]?s(?: day)?", date: (y) => at(y, 2, 14) },
  { words: "(?:st\\.? )?patrick['’]?s day|paddy['’]?s day", date: (y) => at(y, 3, 17) },
  { words: 'halloween', date: (y) => at(y, 10, 31) },
  { words: 'bonfire night|guy fawkes(?: night)?', date: (y) => at(y, 11, 5) },
  { words: 'burns night', date: (y) => at(y, 1, 25) },
  { words: 'good friday', date: (y) => addDays(easterSunday(y), -2) },
  { words: 'easter monday', date: (y) => addDays(easterSunday(y), 1) },
  { words: 'easter(?: sunday| day| weekend)?', date: (y) => easterSunday(y) },
  { words: 'thanksgiving', date: (y) => nthWeekday(y, 11, 4, 4) },
  { words: "father['’]?s day", date: (y) => nthWeekday(y, 6, 0, 3) },
]

/** The next time a yearly day comes round, today included. */
function next(now: Date, date: (year: number) => Date): Date {
  const today = at(now.getFullYear(), now.getMonth() + 1, now.getDate())
  const d = date(now.getFullYear())
  return d.getTime() >= today.getTime() ? d : date(now.getFullYear() + 1)
}

const MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
]
const MONTH = `(${MONTHS.join('|')})`
const monthNumber = (word: string): number =>
  MONTHS.findIndex((m) => new RegExp(`^(?:${m})$`, 'iu').test(word)) + 1

/** A month said without a year: this year's unless it has passed (the current month is this one). */
function monthYear(now: Date, month: number): number {
  return month >= now.getMonth() + 1 ? now.getFullYear() : now.getFullYear() + 1
}

const END = '(?:(?:the\\s+)?end\\s+of|(?:the\\s+)?close\\s+of)\\s+(?:the\\s+|this\\s+)?'

/** "EOD Thursday", "end of day on the 12th": the day said after it is the day meant. */
const NOT_A_DAY_AFTER =
  '(?![\\s,]+(?:on\\s+)?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|the\\s+\\d|\\d|next|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))'

/** "the Christmas party", "Easter eggs", "a Halloween costume": the holiday names a thing, not a day. */
const NAMES_A_THING =
  '(?!\\s+(?!(?:at|on|in|by|to|and|or|but|so|for|from|with|before|after|then|too|this|next|last|if|when|i|we|you|he|she|they|it|is|was|will|please|pls|again|as)\\b)\\p{Ll})'

const PARSERS: ReadonlyArray<{
  pattern: RegExp
  day: (m: RegExpMatchArray, now: Date) => Date | null
}> = [
  // "by end of day", "EOD", "COB", "close of business", "end of play": today.
  {
    pattern: new RegExp(
      `\\b(?:${END}(?:day|business|play)|eod|cob|eop)\\b${NOT_A_DAY_AFTER}`,
      'iu',
    ),
    day: (_m, now) => at(now.getFullYear(), now.getMonth() + 1, now.getDate()),
  },
  // "end of the week", "EOW", "end of next week".
  {
    pattern: new RegExp(`\\b(?:${END}(next\\s+)?(?:the\\s+)?week|(eow))\\b`, 'iu'),
    day: (m, now) => weekEnd(now, m[1] ? 1 : 0),
  },
  // "end of the month", "EOM", "end of next month" (chrono reads "end of month" itself, not "the").
  {
    pattern: new RegExp(`\\b(?:${END}(next\\s+)?(?:the\\s+)?month|(eom))\\b`, 'iu'),
    day: (m, now) => {
      const d = new Date(now.getFullYear(), now.getMonth() + (m[1] ? 1 : 0), 1)
      return at(d.getFullYear(), d.getMonth() + 1, lastDay(d.getFullYear(), d.getMonth() + 1))
    },
  },
  // "this quarter", "end of (the) quarter", "EOQ", "next quarter", "end of next quarter".
  {
    pattern: new RegExp(
      `\\b(?:${END}(next\\s+)?(?:the\\s+)?quarter|(?:this|the)\\s+quarter|(next)\\s+quarter|eoq)\\b`,
      'iu',
    ),
    day: (m, now) => {
      const ahead = m[1] || m[2] ? 1 : 0
      const q = quarterOf(now.getMonth() + 1) + ahead
      return quarterEnd(now.getFullYear() + (q > 4 ? 1 : 0), q > 4 ? q - 4 : q)
    },
  },
  // "in Q3", "Q4 2027", "by Q2" (by the quarter's start), "before Q3" — not "the Q3 roadmap".
  {
    pattern:
      /\b(?:((?:by|before)\s+)|(?:in|during|for|until|till)\s+|(?=q[1-4]\s+20\d\d\b))q([1-4])(?:\s+(20\d\d)|'(\d\d))?\b/iu,
    day: (m, now) => {
      const q = Number(m[2])
      const said = m[3] ?? (m[4] ? `20${m[4]}` : null)
      const year = said
        ? Number(said)
        : quarterEnd(now.getFullYear(), q).getTime() >= now.getTime()
          ? now.getFullYear()
          : now.getFullYear() + 1
      return m[1] ? quarterStart(year, q) : quarterEnd(year, q)
    },
  },
  // "end of the year", "by year end", "year-end", "EOY", "end of next year".
  {
    pattern: new RegExp(
      `\\b(?:${END}(next\\s+)?(?:the\\s+)?year|(?:the\\s+)?year[- ]end|eoy)\\b`,
      'iu',
    ),
    day: (m, now) => at(now.getFullYear() + (m[1] ? 1 : 0), 12, 31),
  },
  // "mid-April", "middle of May", "early June", "late July", "the start of March".
  {
    pattern: new RegExp(
      `\\b(mid|middle\\s+of|early|earlier\\s+in|beginning\\s+of|start\\s+of|late|later\\s+in|towards\\s+the\\s+end\\s+of)[-\\s]+(?:the\\s+month\\s+of\\s+)?${MONTH}\\b(?!\\s+\\d)`,
      'iu',
    ),
    day: (m, now) => {
      const month = monthNumber(m[2]!)
      if (month === 0) return null
      const year = monthYear(now, month)
      const part = m[1]!.toLowerCase()
      const day = /^(?:mid|middle)/u.test(part)
        ? 15
        : /^(?:early|earlier|beginning|start)/u.test(part)
          ? 5
          : 25
      const d = at(year, month, day)
      // "early March" said on March 20: this month's early days are gone; the date is today's.
      return d.getTime() < now.getTime() && year === now.getFullYear()
        ? at(year, month, now.getDate())
        : d
    },
  },
  ...HOLIDAYS.map(({ words, date }) => ({
    pattern: new RegExp(`\\b(?:${words})(?![\\p{L}'’])${NAMES_A_THING}`, 'iu'),
    day: (_m: RegExpMatchArray, now: Date) => next(now, date),
  })),
]

const PERIOD_WORDS =
  /\b(?:quarter|q[1-4]|end of|close of|eod|eow|eom|eoq|eoy|cob|eop|year[- ]end|mid|middle of|early|earlier in|beginning of|start of|late|later in|towards the end of)\b/iu
/** Every holiday's words as one pattern, compiled once (this runs on every date phrase). */
const HOLIDAY_WORDS = new RegExp(`\\b(?:${HOLIDAYS.map(({ words }) => words).join('|')})\\b`, 'iu')

/** Whether a date phrase is one of these: a stretch of time named by its end, a quarter, a part of a month or a holiday. */
export const namesPeriod = (phrase: string): boolean =>
  PERIOD_WORDS.test(phrase) || HOLIDAY_WORDS.test(phrase)

let shared: chrono.Chrono | undefined

/**
 * A chrono that also reads period ends, quarters, parts of a month and holidays: built once and
 * shared by every reader of dates (it holds no state between parses).
 */
export function periodChrono(): chrono.Chrono {
  return (shared ??= buildPeriodChrono())
}

function buildPeriodChrono(): chrono.Chrono {
  const c = chrono.casual.clone()
  for (const { pattern, day } of PARSERS) {
    // First, so that where chrono reads the same words ("this quarter" as today) this reading wins.
    c.parsers.unshift({
      pattern: () => new RegExp(pattern.source, pattern.flags.replace('g', '')),
      extract: (context, match) => {
        const d = day(match, context.refDate)
        if (!d) return null
        // The phrase starts at the period itself, so "by Friday" keeps its preposition outside.
        const words = match[0].replace(/^(?:by|before|in|during|for|until|till)\s+/iu, '')
        const result = context.createParsingResult(
          match.index! + match[0].length - words.length,
          words,
          dayOf(d),
        )
        return result
      },
    })
  }
  // "by March" said on March 2: this month, up to its end — not next year's March, where chrono's
  // looking forward puts a month whose first day has passed.
  c.refiners.push({
    refine: (context, results) => {
      const now = context.refDate
      for (const r of results) {
        const s = r.start
        if (
          s.isCertain('month') &&
          !s.isCertain('day') &&
          !s.isCertain('year') &&
          s.get('month') === now.getMonth() + 1 &&
          s.get('year') !== now.getFullYear()
        ) {
          s.assign('year', now.getFullYear())
          s.assign('day', lastDay(now.getFullYear(), now.getMonth() + 1))
        }
      }
      return results
    },
  })
  return c
}
