import { lemmas, parse } from './nlp'

/** "did", "does" or "do" first, then the rest of the sentence. */
const SHAPE = /^(?:did|does|do)\s+(.*)$/u

/** Whether a word reads as a verb in its base form ("get", "call", "pay"), not "cleaned" or "hygiene". */
const baseVerb = (word: string): boolean =>
  parse(`to ${word}`).has('^to #Verb') && lemmas(word)[0] === word

/**
 * Whether a sentence asks whether someone did (or does) something, typed without a question mark:
 * "did dr rees get back to me", "did Access to Work pay yet", "did sam call" — "did", who or what
 * is asked about (one to three words, no punctuation), then a verb in its base form. "did Pilates
 * this morning", "did laundry, cleaned the kitchen" tell: no base verb follows, or a comma does.
 *
 * @example
 * asksOfSomeone('did sam call') // → true
 * asksOfSomeone('did yoga today') // → false
 */
export function asksOfSomeone(sentence: string): boolean {
  const m = SHAPE.exec(sentence.trim().toLowerCase())
  if (!m) return false
  const words = m[1]!.split(/\s+/u)
  for (let n = 1; n <= 3 && n < words.length; n++) {
    const who = words.slice(0, n)
    // "does it matter": what comes first must be a subject; "did my 10k run", "did laundry, cleaned
    // up": a number or a comma ends what was done.
    if (
      who.some(
        (w) =>
          !/^[\p{L}&'’.-]+$/u.test(w) ||
          /^(?:i|you|u|ya|we|it|this|that|there|today|yesterday|then|and|so|not|never)$/u.test(w) ||
          parse(w).has('(#Adverb|#Negative)'),
      )
    )
      return false
    const verb = words[n]!
    if (/^\p{Ll}+$/u.test(verb) && baseVerb(verb)) return true
  }
  return false
}
