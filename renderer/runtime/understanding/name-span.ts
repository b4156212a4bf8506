import { parse } from './nlp'

const TITLE = '(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)'
const WORD = "\\p{Lu}[\\p{L}'’-]*"

/** A name said alone as a value: "Leeds", "Joanna", "Dr Khan", "CEST" (no digits, at most three words). */
const NAME_VALUE = new RegExp(`^${TITLE}?${WORD}(?:\\s+${WORD}){0,2}$`, 'u')

/** Names inside a text; a capital that starts a sentence names nothing by itself. */
const NAMES = new RegExp(`(?<=[^\\s.!?]\\s+)${TITLE}?${WORD}(?:\\s+${WORD}){0,2}`, 'gu')

/** Capitalised words that are not names of a person, place or thing. */
const NOT_A_NAME =
  /^(?:I|I'm|I've|I'll|I'd|OK|Ok|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u

type NameSort = 'place' | 'person' | null

const sortOf = (name: string): NameSort => {
  const doc = parse(name)
  if (doc.has('#Place')) return 'place'
  if (doc.has('#Person')) return 'person'
  return null
}

/**
 * Where a text names what a name value can stand in for: "Manchester" in "The conference is in
 * Manchester this year" for "Leeds", "Janet" in "My new physio is called Janet" for "Joanna". A
 * place is never taken for a person or a person for a place; of several, the last is meant. Null
 * when `value` is not a name or the text holds none that fits.
 */
export function nameSpan(text: string, value: string): string | null {
  const wanted = value.trim()
  if (!NAME_VALUE.test(wanted)) return null
  const sort = sortOf(wanted)
  const held = [...text.matchAll(NAMES)]
    .map((m) => m[0])
    .filter(
      (n) => !NOT_A_NAME.test(n.split(/\s+/u)[0]!) && n.toLowerCase() !== wanted.toLowerCase(),
    )
    .filter((n) => {
      const theirs = sortOf(n)
      return sort === null || theirs === null || theirs === sort
    })
  return held[held.length - 1] ?? null
}
