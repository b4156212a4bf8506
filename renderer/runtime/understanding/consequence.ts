/**
 * What a trouble stops the person doing, told after it in the same sentence: "the confocal is
 * booked all week, I cannot image my fish", "payouts are stuck, we can't pay contractors". It is
 * part of the trouble told before it, not a problem of its own.
 */
const UNABLE =
  /^(?:so\s+|and\s+|which means\s+)?(?:I|we)\s+(?:still\s+|just\s+|really\s+)?(?:cannot|can not|can['’]t|could not|couldn['’]t|am unable to|are unable to|am not able to|are not able to)\s+\p{L}/iu

/**
 * Whether a clause filed as a problem is what an earlier trouble in its sentence stops the person
 * doing: it says so ("I cannot start the interviews") and the sentence told something before it.
 *
 * @example inabilityAfter('I cannot image my fish', 'The confocal is booked all week, I cannot image my fish') // true
 * @example inabilityAfter('I cannot log in', 'I cannot log in') // false
 */
export function inabilityAfter(clause: string, sentence: string): boolean {
  if (!UNABLE.test(clause.trim())) return false
  const head = sentence.trim().toLowerCase()
  const first = clause.trim().toLowerCase().split(/\s+/u).slice(0, 2).join(' ')
  // The clause is not where the sentence starts (its words may be tidied: "can't" → "cannot").
  return !head.startsWith(first) && /[,;]|\s[–—-]\s|\b(?:so|and)\s+(?:I|we)\b/iu.test(head)
}
