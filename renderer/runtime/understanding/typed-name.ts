import { CONDITIONS, DIETS, isJob } from './lexicon'
import { parse } from './nlp'

/** Words that start a message before "here" or after "I am" and are never a name. */
const NEVER_A_NAME =
  /^(?:a|an|the|so|not|just|still|also|really|back|new|here|home|off|on|in|out|good|fine|ok|okay|done|sorry|sure|sick|tired|busy|same|everyone|everybody|nobody|noone|all|me|us|you|them|him|her|it|who|what|nothing|something|anyone|someone|things|life|work|weather)$/iu

/** Tags of a word that says how someone is or what they do, not who they are. */
const NOT_NAME_TAGS =
  '(#Adjective|#Verb|#Adverb|#Value|#Determiner|#Preposition|#Pronoun|#Date|#Actor|#Place|#Conjunction)'

/**
 * How sure the library is that a word typed in lower case is a person's name: `first` for a first
 * name it knows ("sarah", "tomasz", "dave"), `unknown` for a word it knows nothing of ("jory", "gaz",
 * "adaeze", but also slang such as "skint": read as a plain noun), `no` for anything it reads as
 * English ("tired", "gutted", "mum", "june", "nurse") or that names a diet or a condition ("vegan").
 */
export function nameLikeness(word: string): 'first' | 'unknown' | 'no' {
  if (!/^\p{Ll}[\p{Ll}'’-]{1,20}$/u.test(word) || NEVER_A_NAME.test(word)) return 'no'
  if (isJob(word) || CONDITIONS.test(word) || DIETS.test(word)) return 'no'
  const term = parse(word)
  if (term.has('#FirstName')) return 'first'
  if (term.has(NOT_NAME_TAGS) || !term.has('#Noun')) return 'no'
  return 'unknown'
}

/** "jory" → "Jory", "mary-kate" → "Mary-Kate": a name written as names are. */
export const capitalName = (typed: string): string =>
  typed.replace(/(^|[\s-])(\p{Ll})/gu, (_, gap: string, c: string) => `${gap}${c.toUpperCase()}`)
