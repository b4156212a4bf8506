import { contentLemmas, stemOf } from './similarity'
import { bodily, verdictEnds } from './verdict'

/**
 * A part or a replacement ordered and not yet here: "part on order", "ordered a new battery,
 * arrives wed", "new tandoor from Manchester ordered, 3 weeks delivery", "he order new one, maybe
 * next week", "has to order one", "waiting on a part for the gearbox", "six-week lead time".
 */
const AWAITED =
  /\b(?:on order|lead time|order(?:s|ed|ing)?\s+(?:(?:a|an|the|me|us|him|her|them)\s+)?(?:new|replacement|spare|another|one|parts?)\b|(?:new|replacement|spare)\s+(?:[\p{L}-]+\s+){0,3}?(?:(?:is|are|has been|have been|been)\s+|['’]s\s+)?(?:ordered|on (?:its|the|their) way|being (?:sent|shipped|delivered))|(?:waiting|wait)\s+(?:on|for)\s+(?:a|the|some)\s+(?:new\s+)?(?:parts?|replacement|spare)|parts?\s+(?:(?:is|are|has been|have been)\s+|['’]s\s+)?(?:ordered|coming|on (?:its|the|their) way))\b/iu

/** The word of it having come and done its job: then the trouble is over, not waiting. */
const HERE = /\b(?:arrived|came|come|fitted|installed|put in|working|works|fixed|sorted)\b/iu

/** Who came to look, before what they found: "engineer came, compressor gone". */
const VISIT =
  /^(?:the\s+|my\s+|our\s+)?(?:[\p{L}-]+\s+){0,2}?(?:came|come)(?:\s+(?:out|round|over|by))?\s*,/iu

/** What the person is only thinking of doing: "I might order a new one", "need to order a part". */
const ONLY_MEANT =
  /^(?:(?:I|we)\s+(?:might|may|should|could|will|['’]ll|need|have|want|am going|are going|was going|were going|think|thought)|(?:(?:I|we)\s+)?(?:must|gotta|got to|need to|have to|has to|should))\b/iu

/** A part named without what it is for: "part on order", "he order new one". */
const UNNAMED = /\b(?:on order|parts?|new one|replacement|spare|order(?:s|ed|ing)? one)\b/iu

/**
 * Whether a statement tells of a part or replacement ordered for a trouble and not yet here, so
 * the trouble is waiting on it ("engineer says the thermostat probe's gone, part on order").
 *
 * @example awaitsPart('ordered a new battery, 500 quid, arrives wed') // true
 * @example awaitsPart('new battery fitted, working now') // false
 */
export const awaitsPart = (statement: string): boolean =>
  AWAITED.test(statement) &&
  !HERE.test(statement.trim().replace(VISIT, '')) &&
  !verdictEnds(statement) &&
  !ONLY_MEANT.test(statement.trim())

/**
 * The open problem a part awaited is for: the one problem that shares a word with the statement
 * ("new tandoor ordered" for "the tandoor's cracked"), or, when the part is told without a name
 * ("part on order", "he order new one"), the only open problem of a thing (not of the body). Null
 * when it is not clear which.
 */
export function partFor<T extends { text: string }>(statement: string, problems: T[]): T | null {
  const said = new Set(contentLemmas(statement).map(stemOf))
  const sharing = problems.filter((o) => contentLemmas(o.text).some((w) => said.has(stemOf(w))))
  if (sharing.length === 1) return sharing[0]!
  if (sharing.length > 0 || !UNNAMED.test(statement)) return null
  // Parts are for things, not for the body: the one problem of a thing.
  const things = problems.filter((o) => !bodily(o.text))
  return things.length === 1 ? things[0]! : null
}
