import type { MemoryItem, MemoryKind } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { isRelation } from '../understanding/lexicon'
import { addsOne, otherOwner } from './whose'
import { contentLemmas, stemOf } from '../understanding/similarity'
import { changedValue } from '../understanding/value-change'
import { parse } from '../understanding/nlp'
import {
  formValues,
  replaceable,
  sameValue,
  valuesOrNumbers,
  type FormValue,
} from '../understanding/value-forms'

/** Words that say a value changed or was wrong; they name nothing the value is about. */
export const CHANGE_WORDS = new Set(
  (
    'now|anymore|actually|instead|correction|sorry|wrong|mean|meant|earlier|before|move|change|' +
    'switch|swap|relocate|extend|delay|upgrade|drop|up|down|raise|increase|lower|reduce|cut|bump|push|put|go|back|new|next|last|week|' +
    'from|still|rather|update|flip|always|mistake|misread|misspeak|typo|wait|scratch|day|week|' +
    'month|year|time|hour|minute|morning|afternoon|evening|night|weekend|every|each|today|tomorrow'
  ).split('|'),
)

/**
 * Family, friends and pets: whose a value is, not what it is about ("my son's football"). A
 * professional ("the consultant is March 27", "the dentist moved it") names the thing itself.
 */
const OWNER =
  /^(?:mom|mum|mother|mama|dad|father|papa|parents|sister|brother|sibling|siblings|wife|husband|partner|spouse|girlfriend|boyfriend|fianc[eé]e?|son|daughter|kid|kids|child|children|baby|grand\p{L}*|nan|nana|gran|granny|aunt|uncle|cousin|niece|nephew|step\p{L}+|in-laws|\p{L}+-in-law|best friend|friend|roommate|flatmate|housemate|neighbou?r|mate|best mate|bestie|gf|bf|hubby|dog|cat|puppy|kitten|pet|rabbit|bunny|hamster|parrot|horse|fish|greyhound|labrador|retriever|terrier|spaniel|poodle|collie|beagle|pug|husky|dachshund|bulldog|corgi|whippet)$/iu

/** Whether a word names whose a thing is (family, friends, pets), not what it is. */
export const isOwner = (word: string): boolean => OWNER.test(word)

/**
 * "the Nguyens'" and "Nguyens", "visiting" and "visit", which the lemmatiser leaves apart (it reads
 * a word by its sentence), are one word.
 */
const stem = (w: string): string => stemOf(w.replace(/['’]?s?['’]?$/u, ''))

/**
 * "inspectors" and "inspection", "appointment" and "appointed": one word told two ways, by the six
 * letters they start with, which the stemmer leaves apart.
 */
const oneWord = (a: string, b: string): boolean =>
  a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6)

/** Values that identify one thing on their own: an address to write to, a number to call, a rota, an amount in a unit. */
const ownsItsForm = (v: FormValue): boolean =>
  v.form === 'email' ||
  v.form === 'phone' ||
  // One rota of days on and off is worked at a time.
  v.form === 'rota' ||
  // Hours from one to another are a shift or opening hours: one such item is meant.
  (v.form === 'time' && v.unit === 'hours') ||
  ((v.form === 'money' || v.form === 'quantity') && v.unit !== null)

/** Spans of time that can be the thing itself, not a value's unit ("950 MXN an hour"). */
const TIME_WORD =
  /^(?:day|week|month|year|time|hour|minute|morning|afternoon|evening|night|weekend)$/u

/** "my hours got cut to 20", "our mornings": a span of time someone has is what a value is about. */
const ownedTimes = (text: string): Set<string> =>
  new Set(
    [...text.matchAll(/\b(?:my|our|his|her|their)\s+(\p{L}+)/giu)]
      .flatMap((m) => contentLemmas(m[1]!))
      .filter((w) => TIME_WORD.test(w)),
  )

/** What was said: its words, the new value when known apart from them, and what it is about. */
export interface SaidValue {
  text: string
  /** The new value alone ("950 MXN an hour"); its forms are read from `text` when absent. */
  value?: string
  /** The kind it was filed as; null for a bare value ("it's the 14th"). */
  kind: MemoryKind | null
  subject?: string | null
  /** Said as a bare correction of something said before ("sorry, I meant 950 MXN an hour"). */
  bare?: boolean
}

/**
 * "correction: the flat is 41B" after "I'm in flat 14B", "lessons moved to thursdays" after "guitar
 * lessons wednesdays at 6", "earlier I meant 950 MXN an hour": a new value of a form (a day, a date,
 * a time, an amount, a dose, a code, an email, a phone number) replaces the current item that holds
 * a different value of that form and shares the most words with what is said about it. With no word
 * shared, only the one item holding an email, a phone number or an amount in the same unit is meant.
 * Items about someone else ("my son" against "my daughter") are never the target, nor is a task's
 * deadline, when the statement is not a task, unless it names the task by two words or more ("the
 * MOT garage moved my car booking to the 24th"). Undefined when no one item is clearly meant.
 */
export function sameFormTarget(
  current: readonly MemoryItem[],
  said: SaidValue,
): MemoryItem | undefined {
  const { text, kind, subject = null } = said
  if (addsOne(text)) return undefined
  const values = valuesOrNumbers(said.value ?? text)
  if (values.length === 0) return undefined
  const numbers = values.some((v) => v.form === 'number')
  // A number said alone is a new value only when said to be one ("my hours got cut to 20").
  if (numbers && !said.bare && changedValue(text, true) === null) return undefined
  let rest = text
  for (const v of values) rest = rest.replace(v.text, ' ')
  // Whose it is ("my son") is checked apart; a shared relation says nothing about which of theirs.
  const own = ownedTimes(rest)
  const words = new Set(
    contentLemmas(rest)
      .filter((w) => (!CHANGE_WORDS.has(w) || own.has(w)) && !(isRelation(w) && OWNER.test(w)))
      .map(stem),
  )
  // What a dated statement is about, by its subject ("fieldwork time" → fieldwork).
  const about = subject?.endsWith(' time')
    ? contentLemmas(subject.slice(0, -' time'.length))
        .filter((w) => !CHANGE_WORDS.has(w))
        .map(stem)
    : []
  const scored = current
    .filter((i) => {
      const own = itemExtras(i).extras.subject ?? null
      if (subject && own && own !== subject) return false
      return !otherOwner(text, i.text)
    })
    .flatMap((i) => {
      const held = formValues(i.text, numbers)
      const fits = values.filter(
        (v) => held.some((h) => replaceable(v, h)) && !held.some((h) => sameValue(v, h)),
      )
      if (fits.length === 0) return []
      const common = new Set(
        contentLemmas(i.text)
          .map(stem)
          .filter((w) => words.has(w) || [...words].some((x) => oneWord(w, x))),
      )
      const shared = common.size
      // A task's deadline is changed by a statement that names the task in two words or more
      // ("parents evening moved to the 12th") or by what the statement is about ("fieldwork got
      // pushed to the 27th"), never by a value that may be about anything else.
      if (
        shared < 2 &&
        !about.some((w) => common.has(w)) &&
        i.kind === 'task' &&
        kind !== 'task' &&
        itemExtras(i).extras.due
      )
        return []
      return [{ i, shared, owned: fits.some(ownsItsForm) }]
    })
    .sort((a, b) => b.shared - a.shared || b.i.confirmedAt.localeCompare(a.i.confirmedAt))
  const best = scored[0]
  if (!best) return undefined
  if (best.shared > 0) return (scored[1]?.shared ?? 0) < best.shared ? best.i : undefined
  // Nothing shared: only a bare value ("it's 80mg", "she upped it to 80mg") that names nothing else.
  // "the doctor dropped my dose to 5mg": a value said to be changed to is as bare as "it's 5mg".
  const bare = said.bare || words.size === 0 || changedValue(text) !== null
  // "I catch the 7:15 now" after "I get the 7:45 train", "I've got the 27th instead" after "I'm
  // working Boxing Day": a time or a date said to hold now that names no thing of its own is the
  // one time or date held.
  const timeNow =
    values.some((v) => v.form === 'time' || v.form === 'date') &&
    NOW_HOLDS.test(text) &&
    contentLemmas(parse(rest).nouns().out('text') as string).every((w) => CHANGE_WORDS.has(w))
  return scored.length === 1 && ((best.owned && bare) || timeNow) ? best.i : undefined
}

/** Said to hold from now on: "now", "these days", "instead". */
const NOW_HOLDS = /\b(?:now|these days|instead|from now on)\b/iu
