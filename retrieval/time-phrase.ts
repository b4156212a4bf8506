/**
 * Finds one time phrase in a query ("last week", "in March", "on 2026-03-04", "3 days ago") and turns
 * it into a date range relative to `now`, in the local time zone of the caller. Ranges are
 * half-open: `from` inclusive, `to` exclusive. Weeks start on Monday.
 */
export type TimePhrase = {
  /** The query with the phrase removed and whitespace tidied. */
  query: string
  from: Date | null
  to: Date | null
  /** The phrase as written in the query, or null when there was none. */
  phrase: string | null
}

type Range = { from: Date; to: Date }
type Rule = { pattern: RegExp; toRange: (match: RegExpExecArray, now: Date) => Range | null }

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sept', 'sep'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
]
const MONTH = `(${MONTHS.flat().join('|')})`
const ORDINAL = '(?:st|nd|rd|th)?'
const NUMBER_WORDS = [
  'a',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]
const COUNT = `(\\d{1,3}|${NUMBER_WORDS.join('|')})`

function monthIndex(name: string): number {
  const lower = name.toLowerCase()
  return MONTHS.findIndex((names) => names.includes(lower))
}

function count(word: string): number {
  const lower = word.toLowerCase()
  const index = NUMBER_WORDS.indexOf(lower)
  if (index === 0) return 1
  return index > 0 ? index : Number(lower)
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

function day(year: number, month: number, date: number): Range | null {
  const from = new Date(year, month, date)
  // Reject dates that roll over, like February 30.
  if (from.getMonth() !== month || from.getDate() !== date) return null
  return { from, to: addDays(from, 1) }
}

function month(year: number, index: number): Range {
  return { from: new Date(year, index, 1), to: new Date(year, index + 1, 1) }
}

function startOfWeek(date: Date): Date {
  const start = startOfDay(date)
  const sinceMonday = (start.getDay() + 6) % 7
  return addDays(start, -sinceMonday)
}

// Each pattern is matched case-insensitively with word boundaries; the earliest match in the query
// wins, and among matches at the same place the longest.
const RULES: readonly Rule[] = [
  {
    pattern: /(?:on\s+)?(\d{4})-(\d{2})-(\d{2})/,
    toRange: (m) => day(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  },
  {
    pattern: new RegExp(`(?:on\\s+)?${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})`),
    toRange: (m) => day(Number(m[3]), monthIndex(m[1] ?? ''), Number(m[2])),
  },
  {
    pattern: new RegExp(
      `(?:on\\s+)?(?:the\\s+)?(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`,
    ),
    toRange: (m) => day(Number(m[3]), monthIndex(m[2] ?? ''), Number(m[1])),
  },
  {
    pattern: new RegExp(`(?:in|during)\\s+${MONTH},?\\s+(\\d{4})`),
    toRange: (m) => month(Number(m[2]), monthIndex(m[1] ?? '')),
  },
  {
    // The most recent such month that has begun: in February, "in March" is last year's March.
    pattern: new RegExp(`(?:in|during)\\s+${MONTH}`),
    toRange: (m, now) => {
      const index = monthIndex(m[1] ?? '')
      return month(index <= now.getMonth() ? now.getFullYear() : now.getFullYear() - 1, index)
    },
  },
  {
    // Only years that have begun, so "in 2048 dimensions" stays text.
    pattern: /(?:in|during)\s+((?:19|20)\d{2})/,
    toRange: (m, now) => {
      const year = Number(m[1])
      return year <= now.getFullYear()
        ? { from: new Date(year, 0, 1), to: new Date(year + 1, 0, 1) }
        : null
    },
  },
  {
    pattern: /today/,
    toRange: (_m, now) => ({ from: startOfDay(now), to: addDays(startOfDay(now), 1) }),
  },
  {
    pattern: /yesterday/,
    toRange: (_m, now) => ({ from: addDays(startOfDay(now), -1), to: startOfDay(now) }),
  },
  {
    pattern: new RegExp(`${COUNT}\\s+days?\\s+ago`),
    toRange: (m, now) => {
      const from = addDays(startOfDay(now), -count(m[1] ?? ''))
      return { from, to: addDays(from, 1) }
    },
  },
  {
    pattern: /this\s+week/,
    toRange: (_m, now) => ({ from: startOfWeek(now), to: addDays(startOfWeek(now), 7) }),
  },
  {
    pattern: /last\s+week/,
    toRange: (_m, now) => ({ from: addDays(startOfWeek(now), -7), to: startOfWeek(now) }),
  },
  {
    pattern: /this\s+month/,
    toRange: (_m, now) => month(now.getFullYear(), now.getMonth()),
  },
  {
    pattern: /last\s+month/,
    toRange: (_m, now) => month(now.getFullYear(), now.getMonth() - 1),
  },
]

const COMPILED = RULES.map((rule) => ({
  regex: new RegExp(`\\b${rule.pattern.source}\\b`, 'i'),
  toRange: rule.toRange,
}))

/**
 * Extracts the first time phrase of `query` as a date range relative to `now`.
 * @example
 * parseTimePhrase('What did I say about Pinecone last week?', new Date(2026, 2, 11))
 * // => { query: 'What did I say about Pinecone?', from: Mon 2 Mar 2026, to: Mon 9 Mar 2026, phrase: 'last week' }
 */
export function parseTimePhrase(query: string, now: Date): TimePhrase {
  let best: { index: number; text: string; range: Range } | null = null
  for (const rule of COMPILED) {
    const match = rule.regex.exec(query)
    if (match === null) continue
    const range = rule.toRange(match, now)
    if (range === null) continue
    const text = match[0]
    const better =
      best === null ||
      match.index < best.index ||
      (match.index === best.index && text.length > best.text.length)
    if (better) best = { index: match.index, text, range }
  }
  if (best === null) return { query: tidy(query), from: null, to: null, phrase: null }
  const rest = query.slice(0, best.index) + ' ' + query.slice(best.index + best.text.length)
  return { query: tidy(rest), from: best.range.from, to: best.range.to, phrase: best.text }
}

/** Collapses whitespace and the gaps a removed phrase leaves before punctuation. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([?.!,;:])/g, '$1')
    .trim()
}
