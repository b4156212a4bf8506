import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { contentLemmas, stemOf } from '../understanding/similarity'
import {
  formValues,
  replaceable,
  valuesOrNumbers,
  type FormValue,
} from '../understanding/value-forms'
import { CHANGE_WORDS } from './same-form-target'

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
const wordsOf = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])

/**
 * "the practice is in Musselburgh, not Leith" after "I've started as a receptionist at a vet practice
 * in Leith": a correction that names the old value but restates only part of the old item keeps the
 * rest of it, with the one value swapped — "…at a vet practice in Musselburgh" — instead of losing
 * the job to "the practice is in Musselburgh". A name is swapped whole ("Tom Reilly" for "Tom").
 * Null unless the old text holds the named old value once and the new text brings exactly one
 * capitalised name the old text lacks.
 */
export function swappedValue(old: MemoryItem, c: Capture): string | null {
  const named = c.replaces
  if (!named || named.startsWith('*') || old.kind !== 'fact' || c.kind !== 'fact') return null
  const at = new RegExp(`\\b${escaped(named)}\\b`, 'giu')
  if ((old.text.match(at) ?? []).length !== 1) return null
  const known = wordsOf(old.text)
  const fresh = (c.text.match(/(?<!^)\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu) ?? []).filter(
    (name) => [...wordsOf(name)].some((w) => !known.has(w)),
  )
  if (fresh.length !== 1) return null
  // The new text already says all the old one did: nothing to keep.
  const gone = wordsOf(named)
  const lost = [...known].filter((w) => w.length > 3 && !wordsOf(c.text).has(w) && !gone.has(w))
  if (lost.length === 0) return null
  const whole = wholeName(old.text, named)
  return whole === null ? old.text.replace(at, fresh[0]!) : old.text.replace(whole, fresh[0]!)
}

/** A capitalised word beside a name that is part of it ("Tom Reilly"), not a sentence's opener. */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u
const NOT_NAME = /^(?:I|My|Our|The|A|An|His|Her|Their|Its|This|That)$/u

/**
 * The whole name in `text` that `named` is part of: "Tom Reilly" for "Tom" in "My manager is Tom
 * Reilly", so a new name replaces all of the old one, never only its first word ("Fatima Reilly").
 */
function wholeName(text: string, named: string): string | null {
  const m = new RegExp(`\\b${escaped(named)}\\b`, 'iu').exec(text)
  if (!m || !/^\p{Lu}/u.test(m[0])) return null
  const words = text.split(/(\s+)/u)
  let at = 0
  let first = -1
  let last = -1
  for (let i = 0; i < words.length; i++) {
    const end = at + words[i]!.length
    if (at < m.index + m[0].length && end > m.index && words[i]!.trim() !== '') {
      if (first < 0) first = i
      last = i
    }
    at = end
  }
  while (first >= 2 && NAME_WORD.test(words[first - 2]!) && !NOT_NAME.test(words[first - 2]!))
    first -= 2
  while (last + 2 < words.length && NAME_WORD.test(words[last + 2]!)) last += 2
  const span = words
    .slice(first, last + 1)
    .join('')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  return span.length > m[0].length ? span : null
}

/** New words besides the value a sentence may say and still tell only the value ("her GP"). */
const MAX_OTHER_WORDS = 1

/**
 * "I'm down to 25mg" after "I take 50mg of sertraline", "her GP upped it to 80mg" after "Gran
 * takes 40mg of atorvastatin": a new value said without all of what it is about keeps
 * the old item's words with the one value swapped ("I take 25mg of sertraline (I am down to
 * 25mg)"), so what it was about is still said.
 * Null unless the new text holds one value and at most one word the old text lacks, the old text
 * one value (one it can replace), and the old text says something the new one does not.
 */
export function formSwapped(old: MemoryItem, c: Capture): string | null {
  if (old.kind !== 'fact' || c.kind !== 'fact') return null
  const said = valuesOrNumbers(c.text)
  if (said.length !== 1) return null
  const next = said[0]!
  const numbers = next.form === 'number'
  const held = formValues(old.text, numbers).filter((h) => replaceable(next, h))
  if (held.length !== 1 || (held[0]!.form !== next.form && !numbers)) return null
  // "cut to 20" for "30 hours a week": the number, in the old amount's words ("20 hours").
  const swapped = numbers ? held[0]!.text.replace(/\d[\d,.]*\d|\d/u, next.text) : next.text
  // Unless the new text says all the old one did: then it reads well alone.
  const words = new Set(contentLemmas(c.text).map(stemOf))
  const kept = contentLemmas(old.text.replace(held[0]!.text, ' ')).filter(
    (w) => !CHANGE_WORDS.has(w) && !words.has(stemOf(w)),
  )
  if (kept.length === 0) return null
  // A sentence that tells more than the value ("exchange moved to the 23rd, seller's side asked")
  // reads on its own; the old words would only add what is no longer said. So does one when the
  // old text holds other values ("Tuesday the 14th"), as stale, maybe, as the one.
  const rest = contentLemmas(c.text.replace(next.text, ' ')).filter((w) => !CHANGE_WORDS.has(w))
  const oldWords = new Set(contentLemmas(old.text).map(stemOf))
  const novel = rest.filter((w) => !oldWords.has(stemOf(w)))
  if ((!numbers && novel.length > MAX_OTHER_WORDS) || formValues(old.text, numbers).length > 1)
    return null
  const text = old.text.replace(held[0]!.text, sameNumberOfDays(held[0]!, next, swapped))
  // The words said stay too, after the old ones: "I take 25mg of sertraline (I'm down to 25mg)",
  // "Every Wednesday I go to the knitting circle (the knitting circle is on Wednesdays now)".
  const told = c.text.replace(/^\p{Lu}(?!\p{Lu})/u, (l) => l.toLowerCase())
  // Unless they add nothing to it, word for word: "the exam is 16 june" after "my exam of
  // pharmacology is on 14 june" reads "…is on 16 june", not "…is on 16 june (the exam is 16
  // june)"; "moving to Thursdays from next month" still says "Thursdays" and when.
  const tokens = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []
  const swappedWords = new Set(tokens(text))
  const addsNothing = tokens(told).every((w) => {
    const lemma = contentLemmas(w)[0]
    return lemma === undefined || CHANGE_WORDS.has(lemma) || swappedWords.has(w)
  })
  if (addsNothing) return text
  return `${text} (${told})`
}

/**
 * "Wednesdays" in place of "Every Tuesday" is "Wednesday", and "Fridays" stays "Fridays" in place
 * of "on Mondays": a new weekday takes the old one's number.
 */
function sameNumberOfDays(held: FormValue, next: FormValue, swapped: string): string {
  if (held.form !== 'weekday' || next.form !== 'weekday') return swapped
  const plural = /days\b/iu.test(held.text)
  return plural
    ? swapped.replace(/\b(\p{L}+day)\b(?!s)/giu, '$1s')
    : swapped.replace(/\b(\p{L}+day)s\b/giu, '$1')
}

/** "I am a sous chef at Dishoom": the role, and where it is held. */
const ROLE_AT = /^I\s+(?:am|work\s+as)\s+(?:an?\s+)?(.+?)(\s+(?:at|for|with|in)\s+\S.*)$/u

/**
 * "I am head chef now" (promoted) after "I am a sous chef at Dishoom": the new role in the old
 * item's words, so where it is held is still said ("I am head chef at Dishoom"). Null unless the
 * message tells of a promotion to a job and the old item says a role at a place.
 */
export function roleSwapped(old: MemoryItem, c: Capture, message: string): string | null {
  if (c.subject !== 'job' || !c.value || old.kind !== 'fact' || c.kind !== 'fact') return null
  // A new role elsewhere ("I'm a nurse now") says nothing of where; a promotion is where one was.
  if (!/\bpromot(?:ed|ion)\b/iu.test(message)) return null
  const m = ROLE_AT.exec(old.text)
  const said = /^I\s+am\s+.+?(?=\s+now$|$)/u.exec(c.text)?.[0]
  if (!m || !said || said.toLowerCase().includes(m[2]!.trim().toLowerCase())) return null
  return `${said}${m[2]!}`
}
