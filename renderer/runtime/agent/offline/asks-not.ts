/**
 * A question asked in the negative: "which day don't I work?", "what can't I eat?", "what does Mia
 * not like?". What answers it says so in the negative too ("I don't teach on Sundays", "coeliac so
 * no gluten"), not what they do.
 */
export const asksNot = (question: string): boolean =>
  /\b(?:don['’]?t|doesn['’]?t|didn['’]?t|can['’]?t|cannot|won['’]?t|shouldn['’]?t|mustn['’]?t|isn['’]?t|aren['’]?t|wasn['’]?t|never)\b|\b(?:do|does|did|can|could|should|must|will|am|is|are|was|were)\s+not\s+(?:I|we|you|he|she|they)\b|\b(?:do|does|did|can|could|should|must|will|am|is|are|was|were)\s+(?:I|we|you|he|she|they|(?:my|our)\s+[\p{L}-]+|\p{Lu}[\p{L}'’-]+)\s+not\b/iu.test(
    question,
  )

/** A text that says something is not so, not had, not done: "no gluten", "I don't teach on Sundays", "off on Fridays". */
export const saysNot = (text: string): boolean =>
  /\b(?:not|no|never|none|nothing|without|off|n['’]t|cannot|can['’]?t|won['’]?t|don['’]?t|doesn['’]?t|isn['’]?t|avoid|allergic|intolerant)\b|n['’]t\b/iu.test(
    text,
  )
