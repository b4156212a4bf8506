import { lemmas } from '../../understanding/nlp'
import type { OpenThing } from '../../understanding/outcome'
import type { WordLinks } from './word-links'

/**
 * A thing told as done, by its name and the word that ends it: "application in!", "registration
 * done at Boldmere", "renewal's gone off", "payment went through". The name is the last word
 * before the copula or the ending word; "in" ends only the clause ("the meeting's in an hour" is
 * not done).
 */
const NAMED_DONE =
  /^(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,2}?(\p{L}+)(?:['’]s|\s+(?:is|are|was|were|has been|have been|got))?\s+(?:all\s+|finally\s+|now\s+|officially\s+|also\s+|just\s+)?(?:in(?=\s*(?:[.!,;]|\p{Extended_Pictographic}|$))|done|sent|sent off|submitted|gone in|gone off|went in|went off|went through|gone through|through|confirmed|accepted|approved|finished|complete|completed|paid|posted|booked)(?=$|[\s.!,;]|\p{Extended_Pictographic})/iu

/**
 * The one open task a report names by the noun of its own verb: "application in!" finishes "apply
 * for the band 4 job", "registration done" finishes "register with the GP". The task's first word
 * is its verb; WordNet's derivational links say which nouns are of it. Null when the report tells
 * no such thing done, or when no task, or more than one, has a verb its noun is of.
 */
export function errandNamed(
  report: string,
  tasks: OpenThing[],
  links: WordLinks,
): OpenThing | null {
  const m = NAMED_DONE.exec(report.trim())
  if (!m) return null
  const noun = m[1]!.toLowerCase()
  const named = tasks.filter((t) => {
    const verb = /^\s*(\p{L}+)/u.exec(t.text)?.[1]?.toLowerCase()
    return verb !== undefined && lemmas(verb).some((v) => v !== noun && links.linked(noun, v))
  })
  return named.length === 1 ? named[0]! : null
}
