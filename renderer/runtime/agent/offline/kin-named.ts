import type { WordKinds } from './word-kinds'

/** "my missus", "our eldest bairn": the two words after "my" or "our". */
const MINE = /\b(?:my|our)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/giu

/**
 * Which of the relations asked about a text names in other words, by WordNet ("my missus is Shaz"
 * names the wife, "my bairn" a child): a word of the relation's own senses, not one further up
 * ("my manager" is no dog, though WordNet calls a man a dog), and only after "my" or "our", so
 * "the surgeon" is nobody's doctor.
 *
 * @example
 * kinNamed('My missus is Shaz', ['wife'], kinds) // → ['wife']
 */
export function kinNamed(text: string, asked: string[], kinds: WordKinds): string[] {
  if (asked.length === 0) return []
  const said = [...text.matchAll(MINE)].flatMap((m) =>
    (m[2] ? [m[1]!, m[2]] : [m[1]!]).map((w) => w.toLowerCase()),
  )
  return asked.filter((r) => said.some((w) => w !== r && kinds.isKindOf(w, r, 1)))
}
