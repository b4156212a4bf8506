import { CONDITIONS, MEDICINE, TOPICS, isJob } from './lexicon'
import { contentLemmas, stemOf } from './similarity'
import { goneByDenial } from './went-away'

/**
 * Services people name by the place or team rather than by a job ("the garage says", "IT say",
 * "estates say", "OT gave me a splint", "physio says").
 */
const SERVICES =
  /^(?:physio|physios|ot|it|estates|facilities|maintenance|garage|surgery|hospital|clinic|council|helpdesk|support|insurers?|insurance|landlord|landlady|letting agents?|agency|hr|repairs|optician|opticians|a&e|ae|er)$/iu

/** People in one's life who hold no trade: their word on a trouble is news, not its handling. */
const NOT_HELPERS =
  /^(?:mom|mum|mother|mama|dad|father|papa|parents?|sister|brother|siblings?|wife|husband|partner|spouse|girlfriend|boyfriend|son|daughter|kids?|child|children|aunt|uncle|cousin|niece|nephew|grand\p{L}*|gran|nan|nana|friend|mate|neighbou?r|flatmate|roommate|housemate|boss|manager|supervisor|colleague|co-?worker|teammate|client|customer|member|user|player|other|another|whoever)$/iu

/**
 * Who comes first, and what they say, did or have done about a trouble: "physio says …", "GP sent
 * me to …", "vet has her on tubes", "engineer came, …", "optician say Jayden need glasses".
 */
const HANDLED =
  /^(?:(?:so|well|ok|okay|update|and)[:,]?\s+)?(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+)?((?:[\p{L}&'’-]+\s+){0,2}?[\p{L}&'’-]+)\s+(?:finally\s+|just\s+|now\s+|also\s+)?(?:says?|said|reckons?|reckoned|thinks?|thought|told (?:me|us|him|her)|gave (?:me|us|him|her|them|it)|sent (?:me|us|him|her|them)|referred (?:me|us|him|her|them)|has (?:me|us|him|her|them|it) on|put (?:me|us|him|her|them|it) on|diagnosed|confirmed|came(?:\s+(?:out|round|over|by))?|had a look|looked at (?:it|them|him|her))\b/iu

/**
 * Who reports on how a trouble is being dealt with, when the statement opens with someone whose
 * work that is: "physio says rotator cuff tendinopathy" → "physio"; "engineer came, compressor
 * gone" → "engineer". Null for anyone else ("my sister says …", "I think …").
 *
 * @example handledBy('ship doctor say it is bursitis, no carrying for one week') // 'ship doctor'
 * @example handledBy('my mum says the boiler is fine') // null
 */
export function handledBy(statement: string): string | null {
  const m = HANDLED.exec(statement.trim())
  if (!m) return null
  const who = m[1]!
  const head = who.split(/\s+/u).pop()!
  // "IT say it's an estates problem": the team, not "it".
  if (
    head !== 'IT' &&
    /^(?:i|we|you|he|she|they|it|that|this|someone|somebody|everyone|nobody)$/iu.test(head)
  )
    return null
  if (NOT_HELPERS.test(head)) return null
  // "Viktor says the plumber can come": a person by name, not a trade.
  if (SERVICES.test(head)) return who
  if (/^\p{Lu}\p{Ll}/u.test(head)) return null
  return isJob(who) ? who : null
}

/** A verdict that ends the trouble ("fixed for £180", "feels much better"), not one that eases it. */
const ENDED =
  /(?<!\b(?:a|an)\s+)\b(?:fixed|sorted|repaired|mended|resolved|cured|healed|replaced|swapped|no more \p{L}+|working (?:again|now|fine)|(?:feels?|feeling|much|loads|way|lots|a lot|heaps)\s+better|all (?:good|clear)|(?:fine|clear) now)\b/iu
const EASED_ONLY =
  /\b(?:slightly|a bit|bit|a little|little|somewhat|getting|bit by bit)\s+better\b/iu
const NOT_YET = /\b(?:not|never|still|yet|until|till|til|waiting|on order)\b/iu

/**
 * Whether a helper's report ends the trouble it is about ("garage says ABS sensor, fixed"; "plumber
 * came, no leak now").
 */
export const verdictEnds = (statement: string): boolean =>
  (ENDED.test(statement) && !EASED_ONLY.test(statement) && !NOT_YET.test(statement)) ||
  // "plumber came, no leak now", "IT moved the files, CaseWare doesn't freeze now".
  goneByDenial(statement) !== null

/**
 * The open problem a helper's report is about: the one that shares a word with it ("engineer says
 * the oven thermostat's gone" for "the oven won't heat"), or else the only one open. Null when
 * it is not clear which.
 */
export function helpedWith<T extends { text: string }>(
  statement: string,
  who: string,
  open: T[],
  unnamed = true,
): T | null {
  const said = new Set(contentLemmas(statement).map(stemOf))
  const sharing = open.filter((o) => contentLemmas(o.text).some((w) => said.has(stemOf(w))))
  if (sharing.length === 1) return sharing[0]!
  if (!unnamed || sharing.length > 0 || open.length !== 1) return null
  // Told without a shared word, only a health worker's word is about the one open problem, and
  // only when it is one of the body: a physio's word is about the aching wrist, not the
  // tourniquets that keep snapping (measured: a trade's word read so cost precision on a blind
  // corpus: "the supplier says …" is seldom about the one open problem).
  const only = open[0]!
  // "physio reckons it's ITB", "vet says it's a strain": a name for the trouble is news about it,
  // not how it is being dealt with (measured: read as an update it cost precision on two blind
  // corpora).
  if (/\b(?:says?|said|reckons?|thinks?)\s+(?:it['’]?s|its|it is|it was)\b/iu.test(statement))
    return null
  return HEALERS.test(who) && bodily(only.text) ? only : null
}

/**
 * Whether `who` looks after people's health: what they find ("physio says rotator cuff
 * tendinopathy") is the person's to keep, where a trade's finding ("garage say the pads were worn")
 * is only how the trouble is being dealt with.
 */
export const isHealer = (who: string): boolean => HEALERS.test(who)

/** Who looks after people's health ("GP", "ship doctor", "OT", "physio", "optician"). */
const HEALERS =
  /\b(?:doctors?|gp|physio\p{L}*|ot|nurses?|consultants?|opticians?|optometrists?|dentists?|surgeons?|therap\p{L}*|paramedics?|midwife|midwives|specialists?|pharmacists?|a&e|ae|er|hospital|clinic|surgery|cardiologists?|dermatologists?|neurologists?|audiologists?|podiatrists?|chiropractors?|osteo\p{L}*|psychiatrists?|psychologists?|counsell?ors?)$/iu

/** Whether a problem is about the body or health ("my right wrist aches", "can't sleep"). */
export const bodily = (text: string): boolean =>
  CONDITIONS.test(text) ||
  MEDICINE.test(text) ||
  contentLemmas(text).some((w) => BODY.has(w.toLowerCase())) ||
  /\b(?:sleep|sleeping|pain|painful|hurts?|hurting|aches?|aching|sore|swollen|swelling|rash|cough\p{L}*|dizz\p{L}*|tired|fatigue|crash|breath\p{L}*|bleed\p{L}*|eyes?|ears?|teeth|tooth|stomach|chest|skin|throat)\b/iu.test(
    text,
  )
const BODY = new Set([...TOPICS.body!.general, ...TOPICS.body!.members])
