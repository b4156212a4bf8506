import { readKind } from './kind-reader'

/**
 * How a clause about one of the person's things opens: "the", "our", "this" and the like before a
 * word, after an optional lead of when ("since last week the computer…", "every morning the pump…").
 */
const DEFINITE_THING =
  /^(?:(?:since|for|from|every|each|this|last|all)\b[^,]{0,30}?,?\s+)?(?:the|our|my|this|that|these|those)\s+(?!(?:weather|news|government|economy|world|market|traffic)\b)\p{L}/iu

/** How sure the learned reader must be (log₂ odds over every other reading, "nothing" included). */
const SURE = 2

/**
 * Whether a clause tells a fault in a thing of the person's world without naming the person: a
 * definite thing ("the solar water heater is not giving hot water since last week", "since Monday
 * the computer in the office is very slow") that the learned kind reader, not any word list, reads
 * as a problem well above any other reading. Lets such clauses past the general rule's "is it about
 * the person at all?" gate; the rule's other filters still apply.
 *
 * @example thingInTrouble('the tractor loses power going uphill', now) // true
 * @example thingInTrouble('the kids are at school till 3', now) // false
 */
export function thingInTrouble(text: string, now: Date, dated?: boolean): boolean {
  if (!DEFINITE_THING.test(text)) return false
  const { best } = readKind(text, now, dated)
  return best.kind === 'issue' && best.odds > SURE
}
