/** The shape of a value a correction can change: "41B" for "14B", "thursdays" for "wednesdays". */
export type ValueForm =
  | 'email'
  | 'phone'
  | 'money'
  | 'date'
  | 'time'
  | 'quantity'
  | 'weekday'
  | 'code'
  | 'rota'
  | 'number'

/** One value found in a text, with the form that tells what it can replace. */
export interface FormValue {
  form: ValueForm
  /** The words as written ("weds and sat", "850 MXN", "40mg"). */
  text: string
  /** For money and quantities, what is counted ("mxn", "£", "mg"); null when not said. */
  unit: string | null
}

const DAY = '(?:mon|tues|tue|wednes|weds|wed|thurs|thur|thu|fri|satur|sat|sun)(?:day)?s?'
const WEEKDAYS = new RegExp(
  `\\b${DAY}\\b(?:(?:\\s*(?:,|&|/|and|or|to|through|-|–)\\s*|\\s+)${DAY}\\b)*`,
  'giu',
)
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
const PHONE = /(?<![\p{L}\p{N}])\+?\d[\d ()-]{6,}\d(?![\p{L}\p{N}])/gu
const CURRENCY = '(?:£|\\$|€|¥|₹|R\\$|A\\$|NZ\\$|C\\$)'
const CURRENCY_WORD =
  '(?:quid|bucks|dollars|euros|pounds|rupees|rand|pesos|yen|usd|eur|gbp|aud|cad|nzd|mxn|inr|zar|chf|sek|nok|dkk|pln|brl|sgd|hkd|jpy)'
const MONEY = new RegExp(
  `${CURRENCY}\\s?\\d[\\d,.]*\\s?k?\\b|\\b\\d[\\d,.]*\\s?k?\\s?${CURRENCY_WORD}\\b`,
  'giu',
)
/** Hours from one to another: "6 to 2", "9am-5pm", "11 till 7" (a shift, opening hours). */
const HOURS =
  /\b\d{1,2}(?::\d{2})?(?:\s?(?:am|pm))?\s?(?:to|till|til|until|-|–)\s?\d{1,2}(?::\d{2})?(?:\s?(?:am|pm))?\b(?!\s*(?:%|[\p{L}µ]+\b(?<!\b(?:am|pm|on|off|and|at|in|every|each|most|weekdays?|weekends?|daily|shifts?|now|from|with|but|or|then|mon\p{L}*|tue\p{L}*|wed\p{L}*|thu\p{L}*|fri\p{L}*|sat\p{L}*|sun\p{L}*)))|[:.,]?\d)/giu
const TIME =
  /\b(?:half|quarter)\s+(?:past\s+|to\s+)?\d{1,2}\b(?![:.,]?\d)|\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|(?<=\bat\s)\d{1,2}\b(?![:.,]?\d)/giu
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
/**
 * What an ordinal counts when it is not a day of the month: "2nd year law", "3rd grade", "the 14th
 * floor", "her 5th birthday", "my 2nd attempt".
 */
const ORDINAL_OF =
  '(?:year|yr|grade|form|floor|place|time|gen|generation|round|semester|term|class|standard|edition|birthday|anniversary|child|kid|baby|attempt|try|go|week|month|day|hole|set|division|team|line|row|stage|season|level|degree|dan|kyu|cousin|street|st|avenue|ave|century|wedding|dose|jab|shot|pregnancy|trimester|overtime)s?\\b'
/** A day of a month: "April 8", "8 April", "the 14th", "14th of March". */
const DATE = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|\\b(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b(?!\\s+${ORDINAL_OF})`,
  'giu',
)
/** A number and what it counts: "40mg", "3 swims", "12 hours" (a unit typed against it is a known one). */
const QUANTITY =
  /\b(\d+(?:[.,]\d+)?)(?:\s(%|[\p{Ll}µ][\p{L}µ]*)|(%|mg|mcg|µg|ml|kg|g|lbs?|oz|km|mi|cm|mm|m|l|k|hrs?|h|mins?|gb|tb|mb|kw|kwh|x)\b)/gu
/** A rota of days on and off: "4 on 4 off", "11 days on, 3 off", "2 weeks on/2 off", "3on3off". */
const ROTA =
  /\b\d{1,2}\s*(?:(?:days?|nights?|weeks?|shifts?)\s*)?on\s*(?:[,/&]\s*|and\s+)?\d{1,2}\s*(?:(?:days?|nights?|weeks?)\s*)?off\b/giu
/** Letters and digits in one word: a flat ("14B"), a model ("A320"), a gate code ("7Q4"). */
const CODE =
  /(?<![\p{L}\p{N}@.])(?=[\p{L}\p{N}-]*\p{N})(?=[\p{L}\p{N}-]*\p{L})[\p{L}\p{N}-]{2,}(?![\p{L}\p{N}@])/gu
/**
 * A number on its own ("cut to 20", "stop at 110", "rent is 1350 a month"): not part of a date, a
 * time, a code or an amount in a unit, nor a year or a share ("2019", "30%").
 */
const NUMBER = /(?<![\p{L}\p{N}.,:/£$€#-])\d{1,4}(?:[.,]\d{1,3})?(?![\p{L}\p{N}%:/]|[.,]\d)/gu
const YEAR = /^(?:19|20)\d\d$/u

/** Words after a number that say how much or how many times, not what is counted. */
const NOT_A_UNIT =
  /^(?:st|nd|rd|th|am|pm|and|or|to|of|a|an|the|in|on|at|for|per|by|from|with|is|are|was|it|so|but|if|ish|or so)$/iu

const unitOf = (word: string): string => word.toLowerCase().replace(/(?<=\p{L}{3})s$/u, '')

/** One currency however it is written: "42 quid" and "£35", "20 bucks" and "$15" are alike. */
const CURRENCY_SIGN: [RegExp, string][] = [
  [/^(?:quid|pounds?|gbp)$/iu, '£'],
  [/^(?:bucks?|dollars?|usd)$/iu, '$'],
  [/^(?:euros?|eur)$/iu, '€'],
  [/^(?:rupees?|inr)$/iu, '₹'],
]
const currencyOf = (written: string): string =>
  CURRENCY_SIGN.find(([re]) => re.test(written))?.[1] ?? unitOf(written)

/**
 * Every value of a form a correction can change, in order of appearance; a span is read as the
 * most specific form that covers it (an email before the code inside it, money before a number).
 * With `numbers`, a number said alone is a value too.
 */
export function formValues(text: string, numbers = false): FormValue[] {
  const found: (FormValue & { index: number; end: number })[] = []
  const take = (re: RegExp, make: (m: RegExpMatchArray) => FormValue | null): void => {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0
      const end = index + m[0].length
      if (found.some((f) => index < f.end && end > f.index)) continue
      const value = make(m)
      if (value) found.push({ ...value, index, end })
    }
  }
  take(EMAIL, (m) => ({ form: 'email', text: m[0], unit: null }))
  take(PHONE, (m) =>
    (m[0].match(/\d/gu) ?? []).length >= 7 ? { form: 'phone', text: m[0], unit: null } : null,
  )
  take(MONEY, (m) => {
    const unit =
      new RegExp(`^${CURRENCY}`, 'iu').exec(m[0])?.[0] ??
      new RegExp(`${CURRENCY_WORD}$`, 'iu').exec(m[0])?.[0] ??
      null
    return { form: 'money', text: m[0], unit: unit ? currencyOf(unit) : null }
  })
  take(ROTA, (m) => ({ form: 'rota', text: m[0], unit: null }))
  take(HOURS, (m) => ({ form: 'time', text: m[0], unit: 'hours' }))
  take(TIME, (m) => ({ form: 'time', text: m[0], unit: null }))
  take(WEEKDAYS, (m) => ({ form: 'weekday', text: m[0], unit: null }))
  take(DATE, (m) => ({ form: 'date', text: m[0], unit: null }))
  take(QUANTITY, (m) => {
    const unit = (m[2] ?? m[3])!
    // "7 racing", "3 coming": a doing after a count says what they do, not what is counted.
    const doing = /\p{L}{2}ing$/iu.test(unit) && m[1] !== '1'
    return NOT_A_UNIT.test(unit) || doing
      ? null
      : { form: 'quantity', text: m[0], unit: unitOf(unit) }
  })
  take(CODE, (m) => ({ form: 'code', text: m[0], unit: null }))
  if (numbers)
    take(NUMBER, (m) => (YEAR.test(m[0]) ? null : { form: 'number', text: m[0], unit: null }))
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ form, text: t, unit }) => ({ form, text: t, unit }))
}

/**
 * The values of a text, or when it holds none of a form, its numbers said alone ("my hours got cut
 * to 20", "gp upped it to 100"): a number is a value only where nothing more telling is.
 */
export function valuesOrNumbers(text: string): FormValue[] {
  const values = formValues(text)
  return values.length > 0 ? values : formValues(text, true)
}

const plain = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim()

/** Whether two values are the same value ("Weds and Sat", "weds & sat" are not; "14B", "14b" are). */
export const sameValue = (a: FormValue, b: FormValue): boolean =>
  a.form === b.form && plain(a.text) === plain(b.text)

const amount = (v: FormValue): number =>
  Number(/\d[\d,]*(?:\.\d+)?/u.exec(v.text)?.[0].replace(/,/gu, '') ?? NaN)

/** Forms a number on its own can stand for: "cut to 20" changes "30 hours", "1450" changes "£1,350". */
const COUNTED = new Set<ValueForm>(['number', 'money', 'quantity'])

/**
 * A number on its own for a number or an amount: the same thing counted, when the two are of a
 * size (within twice each other, as a change is; "20" is no new "2,000"). An amount in a unit
 * ("5 minutes") never stands for a number said without one ("20 at night"), which may count anything.
 */
function numberFor(next: FormValue, old: FormValue): boolean {
  if (next.form !== 'number' || !COUNTED.has(old.form)) return false
  const [a, b] = [amount(next), amount(old)]
  return a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= 2
}

/** Whether `old` is a different value that `next` can stand in for: same form, same unit. */
export function replaceable(next: FormValue, old: FormValue): boolean {
  if (plain(next.text) === plain(old.text)) return false
  if (next.form === 'number' || old.form === 'number') return numberFor(next, old)
  return (
    next.form === old.form && (next.unit === null || old.unit === null || next.unit === old.unit)
  )
}
