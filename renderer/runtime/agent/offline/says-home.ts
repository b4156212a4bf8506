import { nounLemmas } from '../../understanding/nlp'
import type { WordKinds } from './word-kinds'
import type { WordLinks } from './word-links'

/**
 * The person saying they have, took or moved into a place to live, and where: "I got a room in
 * Splott now", "we just moved into the staff dorms up in Hirafu", "I rent a tiny apartment in
 * Kutchan", "we've bought a bungalow in Rhyl". Said without "live", so only what it names says it
 * is a home: a kind of housing in WordNet, or a word it links to living ("room") or an apartment
 * ("flat").
 */
const HAS_A_PLACE =
  /^(?:(?:I|[Ww]e)\s+)?(?:(?:have|'ve|just|finally|recently|now|all|only|still|both|[Jj]ust|[Ff]inally|[Rr]ecently|[Nn]ow)\s+)*(?:[Gg]ot|got|get|have|has|rent|rented|share|shared|bought|own|moved\s+into|found|took|lease|leased|sublet|am\s+renting|are\s+renting|'m\s+renting|'re\s+renting)\b/u

/** After the dwelling, where it is: "in Splott", "up in Hirafu", "at Canal Wharf". */
const WHERE = /\b(?:in|at|on|near)\s+(?:the\s+)?\p{L}/u

/** A stay for a while, not a home: "while the flat gets fixed", "for the conference", "till June". */
const FOR_A_WHILE = /\b(?:while|till|until|temporarily|for now|for the|for a)\b/iu

export function saysHome(text: string, kinds: WordKinds, links: WordLinks): boolean {
  if (FOR_A_WHILE.test(text)) return false
  const start = HAS_A_PLACE.exec(text)
  if (start === null) return false
  const rest = text.slice(start[0].length)
  if (!WHERE.test(rest)) return false
  // What they got is named before where it is: "a room in Splott", "the staff dorms up in Hirafu";
  // "a meeting in the conference room" is no home.
  const got = rest.split(/\b(?:in|at|on|near|with|for|up|down|out|over)\b/u)[0]!.toLowerCase()
  return nounLemmas(text).some(
    (n) =>
      got.includes(n) &&
      (kinds.isKindOf(n, 'housing') ||
        links.linked(n, 'apartment') ||
        links.linked(n, 'live') ||
        links.linked(n, 'housing')),
  )
}
