import { RELATION_PATTERN } from './lexicon'
import { parse } from './nlp'
import { largest } from '../../../shared/append-all'

/**
 * Who "he", "she", "his" and "her" point back to. People tell things in short bursts: "my son Jonas
 * turns 8 soon" … "his birthday is March 20"; "my midwife is Aroha. next appt with her is tues
 * 21st". Stored as said, "his birthday is March 20" answers nothing later and reads as nothing in
 * the Memory panel. So before a message is analysed, a sentence that points back to a person it
 * does not name is given the person it points to: the latest "my son Jonas", "my midwife" (with
 * the name said with it) in the same message before it, else in the person's last few messages.
 * Only when that person agrees with the pronoun ("she" is not "my son"); "they", "it" and "we" are
 * left as they are (too often no one in particular).
 */

const FEMALE =
  /^(?:mom|mum|mother|mama|sister|wife|girlfriend|gf|fiancee|fiancée|daughter|granddaughter|grandma|grandmother|nan|nana|gran|granny|aunt|niece|stepmom|stepdaughter|mother-in-law|landlady)$/iu
const MALE =
  /^(?:dad|father|papa|brother|husband|hubby|boyfriend|bf|fiance|fiancé|son|grandson|grandpa|grandfather|grandad|granddad|uncle|nephew|stepdad|stepson|father-in-law|landlord)$/iu
/** Animals, named or not. */
const ANIMAL =
  /^(?:dog|cat|puppy|kitten|pet|rabbit|bunny|hamster|parrot|horse|fish|greyhound|labrador|retriever|terrier|spaniel|poodle|collie|beagle|pug|husky|dachshund|bulldog|corgi|whippet)$/iu
/** Plural or group relations: "they", not "he" or "she". */
const GROUP = /^(?:parents|siblings|kids|children|grandparents|grandchildren|grandkids|in-laws)$/iu

/** "my son Jonas", "our vet", "my midwife is Aroha", "Aroha is my midwife". */
const MENTION = new RegExp(
  `\\b([Mm]y|[Oo]ur)\\s+(?:(?:lab|line|team|old|new|ex|former|current|direct|project|site|area|store|shop|ward|practice|head|senior|junior|regional|general)\\s+)?(${RELATION_PATTERN})\\b(?:,?\\s+(?:is\\s+|called\\s+|named\\s+)?((?:(?:Dr|Prof|Mr|Mrs|Ms|Miss)\\.?\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?))?|\\b(\\p{Lu}[\\p{L}'’-]+)\\s+is\\s+([Mm]y|[Oo]ur)\\s+(${RELATION_PATTERN})\\b`,
  'gu',
)

/** Capitalised words after a relation that are not its name ("my sister In Leeds" never; "I", days). */
const NOT_NAME =
  /^(?:I|I'm|Im|It|The|This|That|And|But|So|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u

/** Where a sentence ends, not after a title ("Mr. Patel") or an abbreviation ("e.g."). */
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e))[.!?;\n]\s*/gu

type Gender = 'he' | 'she'

interface Mention {
  /** As it will read in the sentence: "my son Jonas". */
  phrase: string
  /** Where the mention ends in its text. */
  end: number
  fits: (g: Gender) => boolean
}

function mentionsIn(text: string): Mention[] {
  const out: Mention[] = []
  for (const m of text.matchAll(MENTION)) {
    const relation = (m[2] ?? m[6])!.toLowerCase()
    if (GROUP.test(relation)) continue
    const rawName = m[3] ?? m[4]
    const name = rawName && !NOT_NAME.test(rawName.split(/\s+/u)[0]!) ? rawName : null
    const owner = (m[1] ?? m[5])!.toLowerCase()
    // "my fish", "our dog" with no name are rarely "he" or "she" in what follows.
    if (ANIMAL.test(relation) && !name) continue
    out.push({
      phrase: `${owner} ${relation}${name ? ` ${name}` : ''}`,
      end: m.index + m[0].length,
      fits: (g) => (g === 'he' ? !FEMALE.test(relation) : !MALE.test(relation)),
    })
  }
  return out
}

/**
 * Where the last person named without a relation ends ("Sarah is leaving next week"): a pronoun
 * after it is more likely hers than someone named earlier as "my sister". -1 when none.
 */
function lastBareName(text: string, mentions: readonly Mention[]): number {
  let end = -1
  for (const m of text.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) {
    if (NOT_NAME.test(m[0]) || !parse(m[0]).has('#Person')) continue
    // "moved to Adelaide", "from Florence": a place, however often it is a first name too.
    if (/\b(?:to|in|from|at|near|into|around|outside|of|via)\s+$/iu.test(text.slice(0, m.index)))
      continue
    const at = m.index + m[0].length
    // Part of a relation mention ("my sister Mia") or its name ("my landlord is called Gary") is
    // not bare.
    if (
      mentions.some(
        (x) =>
          (x.end >= at && x.end - x.phrase.length - 8 <= m.index) ||
          (x.end <= m.index &&
            /^\s*,?\s*(?:(?:is|was|['’]s)\s+)?(?:called|named)?\s*$/iu.test(
              text.slice(x.end, m.index),
            )),
      )
    )
      continue
    end = Math.max(end, at)
  }
  return end
}

/**
 * The latest mention that fits, first in the text before `at`, then in earlier messages; none when
 * someone named without a relation comes after it.
 */
function referent(g: Gender, before: string, earlier: readonly string[]): string | null {
  for (const text of [before, ...[...earlier].reverse()]) {
    const all = mentionsIn(text)
    const found = all.filter((m) => m.fits(g))
    const bare = lastBareName(text, all)
    if (found.length > 0)
      return bare > found[found.length - 1]!.end ? null : found[found.length - 1]!.phrase
    if (bare >= 0) return null
  }
  return null
}

const genderOf = (pronoun: string): Gender => (/^(?:he|his|him)$/iu.test(pronoun) ? 'he' : 'she')

/** What follows an object "her" ("call her tomorrow"), as against a possessive ("her mum"). */
const AFTER_OBJECT =
  /^\s*(?:$|[.,!?;:)]|(?:tomorrow|today|tonight|later|soon|back|again|first|asap|please|about|on|at|in|to|for|when|after|before|this|that|next|every|and|or|but|by|if|so|because|since|till|until|is|was|are|were|will|now|up|out|off|over|know|a|an|the|no|yes|not|it|what|how|why|go|come)\b)/iu

/**
 * The message with pronouns that point back to a person replaced by who they are. `earlier` is the
 * person's messages just before this one, oldest first. A sentence that names the person itself
 * is left alone, as is any pronoun nobody fits.
 */
export function resolveReferences(text: string, earlier: readonly string[]): string {
  if (!/\b(?:he|she|his|her|him)\b/iu.test(text)) return text
  let out = ''
  let last = 0
  for (const m of text.matchAll(/\b(he|she|his|her|him)\b(?!\s*[-/])/giu)) {
    const at = m.index
    const pronoun = m[1]!.toLowerCase()
    const sentenceStart = largest(
      [...text.slice(0, at).matchAll(SENTENCE_END)].map((s) => s.index + s[0].length),
      0,
    )
    // If the sentence names someone before the pronoun, the pronoun is theirs and reads fine.
    const lead = text.slice(sentenceStart, at)
    if (mentionsIn(lead).length > 0) continue
    const who = referent(genderOf(pronoun), text.slice(0, sentenceStart), earlier)
    if (who === null) continue
    // "book Isla in for her flu jab": named already in the sentence, she reads fine as "her".
    const name = /\p{Lu}[\p{L}'’-]*$/u.exec(who)?.[0]
    if (name !== undefined && new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(lead))
      continue
    const rest = text.slice(at + m[0].length)
    const possessive =
      pronoun === 'his' ||
      (pronoun === 'her' &&
        (lead === '' ||
          (!AFTER_OBJECT.test(rest) && parse(firstWord(rest)).has('(#Noun|#Adjective)'))))
    const shown = lead === '' ? cap(who) : who
    // "she's based at…" reads as a possessive once a name stands before the "'s".
    const contracted = /^(?:he|she)$/u.test(pronoun)
      ? /^['’]s\b(\s+(?:been|got|gotten|had)\b)?/u.exec(rest)
      : null
    const verb = contracted ? (contracted[1] ? ' has' : ' is') : ''
    out += text.slice(last, at) + (possessive ? `${shown}'s` : shown) + verb
    last = at + m[0].length + (contracted ? 2 : 0)
  }
  return out + text.slice(last)
}

const firstWord = (s: string): string => /^\s*([\p{L}'’-]+)/u.exec(s)?.[1] ?? ''

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
