import { NAME_PARTICLE, isJob } from './lexicon'
import { parse } from './nlp'

/** "Gary", "Fiona McAllister", "Siobhan O'Neill": a person's name and nothing else. */
const NAME_ONLY =
  /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:\s+\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}[\p{Ll}'’]+)?)?$/u

/** "Pieter van Wyk", "Linnea": a name said first in the next sentence. */
const NAMED_NEXT = new RegExp(
  `^\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:${NAME_PARTICLE}\\s+)?\\p{Lu}[\\p{L}'’-]+){0,2}$`,
  'u',
)

/** A sentence that says how the person is or what they do, not a thing said on its own. */
const OWN_SUBJECT = /^(?:I|I['’]m|im|we|my|our|you|he|she|they|it|this|that|there)\b/iu

/**
 * An introduction typed as fragments: "Gary. 14 months sober, doing a cookery course", "Mark.
 * Prison officer. 3 kids.". A first name said alone at the start of a message (after a hello at
 * most) is who is writing when what follows says what they do or a number about them; that
 * sentence comes back as "my name is Mark" and the rest are read as they were (read as one
 * introduction, their pieces were more things than the person was telling, on blind text). A
 * name alone with nothing after it, or after something else was said, is left as it was.
 *
 * @param greeted - for each sentence, whether it is only a hello ("Morning", "alright")
 * @param withoutHello - the sentence without a hello said before the rest ("Hi, Farah Haddad")
 */
export function bareIntroduction(
  sentences: string[],
  greeted: (s: string) => boolean,
  withoutHello: (s: string) => string = (s) => s,
): string[] {
  const at = sentences.findIndex((s) => !greeted(s))
  // "Hej!", "Endlich Feierabend!": a hello or a cry in another language is exclaimed, a name is not.
  // ("Hi, Farah Haddad." is the name said after a hello.)
  const first = withoutHello(sentences[at]?.replace(/\.+$/u, '').trim() ?? '')
  if (at < 0 || at === sentences.length - 1 || !NAME_ONLY.test(first)) return sentences
  // "Howzit. Pieter van Wyk, I coach…": the name comes next, so this was a hello.
  const next = sentences[at + 1]!.split(/,|\s+here\b/u)[0]!
    .replace(/\.+$/u, '')
    .trim()
  if (NAMED_NEXT.test(next) && !isJob(next)) return sentences
  const name = parse(first).terms().first()
  if (name.has('(#Place|#Date|#Verb|#Organization|#Adjective|#Adverb|#Value|#Pronoun)'))
    return sentences
  let end = at + 1
  while (end < sentences.length && isFragment(sentences[end]!)) end++
  const rest = sentences.slice(at + 1, end).map((s) => s.replace(/[.!]+$/u, '').trim())
  // "Sarah. She's my manager": someone else spoken of; "Bill. Due Friday": no name at all. A name
  // counts with a job said right after it ("Priya. GP in Leicester"), or, when the library knows it
  // for a first name, with a number about them ("Gary. 14 months sober") or an "I" next.
  const job = rest.length > 0 && isJob(rest[0]!.split(/\s+(?:at|with|for|in|from|on|of)\s+|,/u)[0]!)
  const about =
    rest.length > 0 && /^\d/u.test(rest[0]!) && !/[£$€]|\b(?:due|owe|owed|paid)\b/iu.test(rest[0]!)
  const speaks =
    /^(?:I\s+(?:work|live|run|own|teach|drive|study|am\s+an?)|I['’]m\s+an?|im\s+an?)\s/iu.test(
      sentences[at + 1]!,
    )
  if (!job && !(name.has('#FirstName') && (about || (rest.length === 0 && speaks))))
    return sentences
  return [...sentences.slice(0, at), `my name is ${first}`, ...sentences.slice(at + 1)]
}

/**
 * "Prison officer", "3 kids", "14 months sober as of yesterday": no verb to start it and none that
 * says what was done ("need to book the MOT", "just got back" are things said on their own).
 */
function isFragment(sentence: string): boolean {
  const head = parse(sentence.split(',')[0]!)
  return (
    !OWN_SUBJECT.test(sentence) &&
    // "9 yrs": how long in the job just said, or an age; left to be read on its own.
    !/^\d+\s*(?:yrs?|years?)(?:\s+old)?[.!]*$/iu.test(sentence) &&
    !/\?\s*$/u.test(sentence) &&
    sentence.split(/\s+/u).length <= 20 &&
    !head.terms().slice(0, 2).has('(#Verb|#Adverb)') &&
    !head.has('(#Copula|#Auxiliary|#Modal|#PastTense|#Gerund)')
  )
}
