import { canonical } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'
import { akin } from './akin'

/**
 * How many words apart a name may stand after what it names ("my wife Keiko", "physio appointment
 * wed 2:30 with Naledi") and before it ("Naledi is my physio", "Mr Teo from the branch is my boss").
 */
const AFTER = 5
const BEFORE = 6
/** How far a name may stand when it starts a clause of its own ("my daughter's at uni now, Amara loves it"). */
const CLAUSE_AFTER = 10

/** Words of a question that ask for a name rather than say whose it is. */
const NAMING = /^(?:name|names|named|call|called|what|whats|who|is|are|was|were|do|does|did)$/u

/** A word as compared: lower case, without what clings to it ("Lad's," → "lad"). */
const bare = (word: string): string =>
  canonical(
    word
      .replace(/['’]s$/u, '')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .toLowerCase(),
  )

/**
 * Whether one of the candidate names of `text` (given by the index of their first word among the
 * text's whitespace-separated words) stands within a few words of what `question` asks the name of.
 * A text that does not mention that thing at all is left to the caller's other checks (true): it
 * may name it in other words ("a greyhound" for "my dog").
 *
 * "What's my daughter's name?" is not answered by "my wife Keiko and I are visiting our daughter",
 * nor "what's the farrier's name?" by "one of the mares, Sorcha, is lame, the farrier thinks it's
 * an abscess": the name there is someone else's.
 *
 * @example
 * nameNear('My wife Keiko and I fly to Osaka on the 20th to see our daughter', [2], "what's my daughter's name") // → false
 * nameNear('My daughter Aiko starts school', [2], "what's my daughter's name") // → true
 */
export function nameNear(text: string, names: number[], question: string): boolean {
  const asked = new Set(
    contentLemmas(question)
      .map((w) => bare(w))
      .filter((w) => w !== '' && !NAMING.test(w)),
  )
  if (asked.size === 0) return true
  const typed = text.split(/\s+/u)
  const words = typed.map(bare)
  const things = words.flatMap((w, n) =>
    w !== '' && [...asked].some((a) => akin(a, w, true)) ? [n] : [],
  )
  if (things.length === 0) return true
  // A name before what is asked about stands apart from it across a clause ("one of the ewes,
  // Blossom, is lame, the vet thinks…"), though a comma may set it off ("Sandra, the new boss"). One
  // after it stands apart across a comma that starts a clause of its own ("lad's 14, plays rugby
  // for Sale"), but not as an afterthought ("a cat at the flat, Mochi") or a clause of its own
  // ("my daughter's at uni now, Amara loves it").
  const ends = (w: string): boolean => /[,;:.]$/u.test(w)
  const near = (thing: number, name: number): boolean => {
    if (name < thing) return thing - name <= BEFORE && !typed.slice(name + 1, thing).some(ends)
    if (name - thing <= CLAUSE_AFTER && ends(typed[name - 1] ?? '')) return true
    return name - thing <= AFTER && !typed.slice(thing, name - 1).some(ends)
  }
  return names.some((n) => things.some((t) => t !== n && near(t, n)))
}
