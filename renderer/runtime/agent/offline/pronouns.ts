/** A question about the person's pronouns: "what are my pronouns", "pronouns?", "what pronouns do I use". */
export const asksPronouns = (question: string): boolean => /\bpronouns?\b/iu.test(question)

/**
 * Whether a text gives pronouns as people write them — "they/them", "(he/him)", "she / her" — so
 * that it answers "what are my pronouns?" without saying the word.
 *
 * @example
 * givesPronouns("hi, I'm Theo (he/him)") // → true
 * givesPronouns('he said no') // → false
 */
export const givesPronouns = (text: string): boolean =>
  /\bpronouns?\b|\b(?:he|she|they|ze|xe|fae|it)\s*\/\s*(?:him|her|hers|them|theirs|hir|zir|xem|faer|its|he|she|they)\b/iu.test(
    text,
  )
