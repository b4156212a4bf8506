import { isJob, RELATION_PATTERN } from './lexicon'
import { parse } from './nlp'
import { capitalName, nameLikeness } from './typed-name'

/** "my partner tom", "our dog rusty": a lower-case word right after one of the person's people. */
const KIN_THEN_WORD = new RegExp(
  `\\b((?:my|our)\\s+(?:${RELATION_PATTERN})\\s+)(\\p{Ll}[\\p{Ll}'’-]{1,20})(?=$|[,.!?;:)]|\\s+(?!\\p{Lu}))`,
  'gu',
)

/** "a greyhound called biscuit", "she's named sky": a lower-case word given as a name. */
const CALLED_WORD =
  /\b((?:(?:a|an)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|['’]s|\b(?:is|are|was|were))\s+(?:called|named)\s+)(\p{Ll}[\p{Ll}'’-]{1,20})(?=$|[\s,.!?;:)])/gu

/** Words after "called" or "named" that are never the name itself ("named after my dad"). */
const NOT_GIVEN =
  /^(?:after|for|by|in|on|at|as|back|off|out|up|it|him|her|them|me|us|you|the|a|an|my|our|his|their|something|someone|anything)$/u

/**
 * Names typed in lower case, written as names where the sentence gives them as names: after "my
 * partner", "our son", "my dog" when the sentence analysis reads the word there as a person
 * ("my partner tom is a sound engineer" → "my partner Tom is…"; not "my sister may come over", "my
 * son drew a picture"), and after "called" or "named" ("a rescue greyhound called biscuit" → "…called
 * Biscuit"). What is stored then reads back with the name as a name, and questions about the
 * person's name find it.
 *
 * @example kinNamesCapitalised('my son jake has footy on tuesdays') // 'my son Jake has footy on tuesdays'
 */
export function kinNamesCapitalised(text: string): string {
  const called = text.replace(CALLED_WORD, (whole, lead: string, word: string) =>
    NOT_GIVEN.test(word) || nameLikeness(word) === 'no' ? whole : `${lead}${capitalName(word)}`,
  )
  KIN_THEN_WORD.lastIndex = 0
  if (!KIN_THEN_WORD.test(called)) return called
  const doc = parse(called)
  return called.replace(KIN_THEN_WORD, (whole, lead: string, word: string) => {
    const there = doc
      .match(`${lead.trim().split(/\s+/u).pop()!} [.]`)
      .eq(0)
      .terms()
      .last()
    return there.found &&
      there.text('normal') === word.toLowerCase() &&
      there.has('#Person') &&
      !isJob(word) &&
      !there.has('#Verb')
      ? `${lead}${capitalName(word)}`
      : whole
  })
}
