import type { MemoryItemView } from '../../../../shared/contract/models'
import { itemExtras } from '../../../../shared/schema/item-extras'
import { canonical } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'
import type { AskWord } from '../../understanding/types'
import { hasAnswerForm } from './answer-form'
import { toldNext } from './told-next'

/** A question about how things stand now: "where am I working now?", "what do I use these days?". */
export const asksNow = (question: string): boolean =>
  /\b(?:now|currently|these days|at the moment|nowadays|right now|any ?more)\b/iu.test(question)

/** A day, a month or a stretch of the calendar a change can start on ("Monday", "March", "next term"). */
const START =
  '(?:today|tomorrow|(?:this|next|the)\\s+(?:week|weekend|month|term|semester|season|year|first|1st|start\\b[^,.;]*)|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'

/** Words that say something changed: "agency move me to Corby", "we're on the Marston estate now". */
export const CHANGED = new RegExp(
  [
    '\\b(?:now|instead|any ?more|no longer|switch(?:ed|ing)?|swapp?(?:ed|ing)?|chang(?:ed|ing)|mov(?:e|ed|es|ing)|transferr?(?:ed|ing)?|stopped|dropped|quit|renewed|new|upped|shift(?:ed)?\\s+to)\\b',
    // "from March", "as of Monday", "starting next term": when it starts, not a span of days or
    // hours ("from Monday to Friday", "from 3 till 6").
    `\\b(?:from|as\\s+of|starting|beginning)\\s+${START}\\b(?!\\s+(?:to|till|til|until|through|thru)\\b|\\s*-)`,
    // "she is not more at that school", "no more choir for me": what no longer holds.
    '\\b(?:not|no)\\s+more\\b',
  ].join('|'),
  'iu',
)

/** The kinds a dated change of plan is filed as. */
const DATED = new Set(['fact', 'task'])

const wordsOf = (text: string): Set<string> => new Set(contentLemmas(text).map(canonical))

/**
 * What holds now of what `item` said, when the person told a change of it later without it being
 * filed as a correction: "I work at the Rexa warehouse outside Daventry" then "agency move me to
 * the Corby site from Monday". The newest later item that says a change, shares a word with
 * `item`, and has the form asked (a place for "where"); or, when the change does not say it ("we
 * moved the unit"), what was told right after it ("we're on the Marston Trading Estate now").
 * Null when nothing later changed it.
 *
 * @example
 * saidSince(daventry, views, 'where', now) // → the view of "Agency move me to the Corby site …"
 */
export function saidSince(
  item: MemoryItemView,
  views: readonly MemoryItemView[],
  form: AskWord,
  now: Date,
  question: string,
): MemoryItemView | null {
  const mine = wordsOf(item.item.text)
  const formed = (v: MemoryItemView): boolean =>
    hasAnswerForm(
      form,
      v.item.text,
      Boolean(itemExtras(v.item).extras.due ?? itemExtras(v.item).extras.schedule),
      now,
      question,
    )
  const later = views
    .filter(
      (v) =>
        v.item.status === 'active' &&
        v.item.id !== item.item.id &&
        // "My passport expires 3 June", then "passport renewed, new expiry is June 2036" filed as a
        // task: a fact and a dated task can say one thing.
        (v.item.kind === item.item.kind || (DATED.has(v.item.kind) && DATED.has(item.item.kind))) &&
        v.item.createdAt > item.item.createdAt &&
        CHANGED.test(v.item.text) &&
        [...wordsOf(v.item.text)].some((w) => mine.has(w)),
    )
    .sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt))
  for (const v of later) {
    if (formed(v)) return v
    const next = toldNext(v, views, form, now)
    if (next !== null && next.item.id !== item.item.id) return next
  }
  return null
}
