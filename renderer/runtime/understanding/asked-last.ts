import { standardQuestion } from './question-words'

/**
 * Words said after a question to soften or press it ("ah", "lah", "please", "again"): not part of
 * what is asked.
 */
const TAIL =
  /(?:\s+(?:ah|lah|leh|lor|one|please|pls|plz|again|then|now|exactly|ya|eh|huh|sia|na|yaar|bro|mate|boss))+\s*[.!]*$/iu

/** A question word, with the preposition before it and the noun after "which". */
const ASKED =
  /^(.+?)\s+((?:(?:for|by|to|from|with|at|in|on|until|till|since|after|before)\s+)?(?:what|when|where|who|whom|which(?:\s+[\p{L}-]+)?|how\s+(?:many|much|long|often|old|far))(?:\s+to\s+[\p{L}-]+)?)$/iu

/**
 * Words that, just before a question word, make it part of a statement ("I don't know what", "guess
 * who", "that's when", "no matter where"): a saying or knowing verb, or a pointing word.
 */
const TOLD_BEFORE =
  /(?:^|\s)(?:know|knew|knows|guess|matter|idea|sure|wonder|wondering|wondered|dunno|idk|care|ask|asked|asking|tell|told|remember|forgot|forget|see|saw|decide|decided|figure|say|said|that|that's|thats|this|here's|is\s+that|was\s+that|and\s+then|or\s+something|like|whatever|anyhow|somehow|exactly)$/iu

/** A sentence's own question after the words "and" or "&" join a second one to it. */
const SECOND =
  /\s*,?\s+(?:and|an|&)\s+(?=(?:for\s+|by\s+|to\s+|at\s+|on\s+)?(?:what|when|where|who|which|how)\b)/iu

/**
 * A question asked with its question word last, as Singapore, Indian, Nigerian and much texted
 * English asks ("bf name what", "the physics thing was due when", "my family stay where", "chlorine
 * was for who", "Arun fees when to pay"), turned to ask it first ("what bf name"); null for any
 * other sentence, and for a statement ending in a question word ("I don't know why", "guess who").
 *
 * @example askedLast('the physics thing was due when') // → "when the physics thing was due"
 * @example askedLast('no idea what') // → null
 */
export function askedLast(sentence: string): string | null {
  const [first, ...more] = standardQuestion(sentence.trim()).split(SECOND)
  const s = first!.replace(/[?.!\s]+$/u, '').replace(TAIL, '')
  const m = ASKED.exec(s)
  if (!m) return null
  const [, before, asked] = m
  const words = before!.split(/\s+/u)
  if (
    words.length > 8 ||
    TOLD_BEFORE.test(before!) ||
    /^(?:what|when|where|who|which|how|why)\b/iu.test(before!)
  )
    return null
  // "I'll call you back when", "we can go after which": a clause cut short, not a question.
  if (
    /^(?:I|we|you|he|she|they|it)(?:\s+(?:will|can|could|would|should|might|may)|['’](?:ll|d))\b/iu.test(
      before!,
    )
  )
    return null
  const rest = more.length > 0 ? ` and ${more.join(' and ')}` : ''
  return `${asked!} ${before!}${rest}`
}
