import { findDates, findSchedule } from '../../understanding/dates'
import { isPlace, parse } from '../../understanding/nlp'
import { RELATION_PATTERN } from '../../understanding/lexicon'
import type { AskWord } from '../../understanding/types'

/** A day, a month, a time of day, a year or a repeat said in words ("Thursdays", "the 23rd", "2028"). */
const WHEN_WORDS =
  /\b(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bmay\s+\d|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b(?:tomorrow|tonight|weekly|monthly|daily|fortnightly|every|weekends?|mornings?|evenings?|afternoons?|nights?)\b/iu

/** A month's name, which is capitalised without naming anyone. */
const MONTH =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$/iu

/** Someone named ("Gwen", "Dr. Yilmaz", "Roadstone") or a relation ("my brother"). */
const RELATION = new RegExp(`\\b(?:${RELATION_PATTERN})\\b`, 'iu')

const named = (text: string): string[] =>
  [...text.matchAll(/(?<!^)(?<![.!?]\s)\b\p{Lu}[\p{L}'’.-]*/gu)]
    .map((m) => m[0])
    .filter((w) => w !== 'I' && !/^I['’]/u.test(w) && !WHEN_WORDS.test(w) && !MONTH.test(w))

/**
 * Whether an item's text has the form of what a question word asks for: a date or a repeat for
 * "when", someone for "who", a place for "where". Other question words take any text. Used when no
 * item shares enough of a question's words to answer it outright, so that what an item says is at
 * least the kind of thing asked ("when's the Nguyen install?" — "Nguyens pushed it back to the 9th").
 * A name or a place the question itself says is not what it asks for: "who do I practise German
 * with?" is not answered by "my German is B2", "where did I work before Germany?" not by "…in
 * Germany".
 *
 * @example
 * hasAnswerForm('when', 'We meet every Thursday at 11', false, now) // → true
 * hasAnswerForm('who', 'the boiler is leaking again', false, now) // → false
 * hasAnswerForm('who', 'My German is B2', false, now, 'who do I practise German with') // → false
 */
export function hasAnswerForm(
  ask: AskWord,
  text: string,
  dated: boolean,
  now: Date,
  question = '',
): boolean {
  const asked = question.toLowerCase()
  const fresh = (w: string): boolean =>
    w !== '' && !asked.includes(w.toLowerCase().replace(/['’]s$/u, ''))
  const tagged = (tags: string): boolean =>
    parse(text)
      .match(tags)
      .text()
      .split(/[^\p{L}'’.-]+/u)
      .some(fresh)
  switch (ask) {
    case 'when':
      return (
        dated ||
        WHEN_WORDS.test(text) ||
        findSchedule(text) !== null ||
        findDates(text, now).length > 0
      )
    case 'who':
      return RELATION.test(text) || named(text).some(fresh) || tagged('(#Person|#Organization)')
    case 'where':
      return (
        // "based out of Southmead", "flying out of Aberdeen Dyce": "out of" says where, too.
        [
          ...text.matchAll(
            /\b(?:in|at|near|from|on|to|outside|out of)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*)/gu,
          ),
        ].some((m) => fresh(m[1]!)) ||
        named(text).some((w) => isPlace(w) && fresh(w)) ||
        tagged('#Place')
      )
    default:
      return true
  }
}
