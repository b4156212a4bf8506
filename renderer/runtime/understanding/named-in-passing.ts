import { RELATION_PATTERN } from './lexicon'
import { parse } from './nlp'

/** A title said before a family name ("Mr Bedi", "Dr Okafor"): never a name on its own. */
const TITLE = '(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)'
const NAME = `(?:${TITLE}\\.?\\s+)?(?!${TITLE}\\b)\\p{Lu}[\\p{Ll}'’-]+`
const NOT_A_NAME =
  /^(?:I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)$/u

/** Whose news or view is the person's own to keep: the people they live with and raise. */
const HOUSEHOLD =
  /^(?:wife|husband|partner|spouse|hubby|girlfriend|boyfriend|gf|bf|fiance|fiancee|fiancé|fiancée|son|daughter|kid|child|mom|mum|mother|dad|father|stepson|stepdaughter)$/u

/** "our lab manager Joon orders…", "we see my mum Rosa on Sundays": a role, then a name. */
const IN_PASSING = new RegExp(
  `(?:^|\\s)(?:[Mm]y|[Oo]ur)\\s+((?:[\\p{Ll}-]+\\s+)?(?:${RELATION_PATTERN})),?\\s+(${NAME})(?![\\p{L}'’])(?!\\s*(?:is|was)\\b)`,
  'u',
)
/** "Wife Brenda says I spend more time there than at home": the "my" left out before a speaker. */
const SPEAKER = new RegExp(
  `^((?:${RELATION_PATTERN})),?\\s+(${NAME})\\s+(?:says|said|reckons|thinks|told me|tells me)\\b`,
  'iu',
)

/**
 * Someone of the person's, named on the way to something else ("Our lab manager Joon orders all
 * reagents", "Wife Brenda says…"), as a thing known on its own: "my lab manager is Joon". Null when
 * the clause names no one that way, or only says who they are ("my wife is Keiko").
 */
export function namedInPassing(clause: string): string | null {
  const m = IN_PASSING.exec(clause) ?? SPEAKER.exec(clause)
  if (!m) return null
  const role = m[1]!.toLowerCase()
  const name = m[2]!
  if (NOT_A_NAME.test(name.replace(new RegExp(`^${TITLE}\\.?\\s+`, 'u'), ''))) return null
  // "my sister Greta's wedding": about the wedding, read as it is.
  const after = clause.slice(m.index + m[0].length)
  if (/['’]s$/u.test(name) || /^['’]s\b/u.test(after)) return null
  // "my mate Ollie got engaged": their news; "my friend Rita said her job is awful": their view.
  // Only the person's own household is worth naming from what they said.
  const done = after.replace(/^\s*(?:(?:just|finally|recently|has|have)\s+)+/iu, ' ')
  if (parse(done).terms().first().has('#PastTense') && !/^\s*(?:said|told)\b/iu.test(done))
    return null
  if (/\b(?:said|says|thinks|reckons|told|tells)\b/iu.test(after) && !HOUSEHOLD.test(role))
    return null
  return `my ${role} is ${name}`
}
