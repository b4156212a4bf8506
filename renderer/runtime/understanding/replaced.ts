import { awaitsPart } from './part-awaited'
import { contentLemmas, stemOf } from './similarity'

/** A new one of a thing, told as here: "new battery issued", "got a new Silca machine". */
const NEW_ONE =
  /\b(?:brand\s+)?new\s+((?:(?!(?:in|on|at|from|for|to|and|but|so|with|the|is|are|was|were|has|have|had|got|issued|fitted|installed|arrived|came|today|now|this|last)\b)[\p{L}\p{N}'’-]+(?:\s+|(?=[.,!;:)]|$))){1,3})/iu

/** Words that say the new one has come: given, fitted, got, had, "new tyres on". */
const HERE =
  /\b(?:got|get|gets|have|has|had|['’]ve|issued|fitted|installed|put in|arrived|came|delivered|bought|sent|gave|given|swapped|replaced|brought|dropped off|in now|on now)\b|\bnew\s+(?:[\p{L}\p{N}'’-]+\s+){1,3}?(?:in|on|fitted|done)(?=$|[\s.,!;])/iu

/** Words that say the new one is not here yet, or only wished for. */
const NOT_HERE =
  /\b(?:need|needs|needed|want|wants|order|ordered|ordering|coming|will|['’]ll|gonna|going to|waiting|arrives?|due|next|should|could|would|hope|hoping|maybe|might|if|quote|quoted|costs?|buy|looking|saving|not|no|never|yet)\b|\?/iu

/**
 * The open problem a new one of its thing ends: "New battery issued." for "radio battery dies
 * halfway through shift"; "insurance paid out, got a new Silca machine" for "they took the key
 * cutting machine". The thing is the last word after "new", and exactly one open problem must name
 * it. Null when the new one is not told as come ("new manager starts Monday"), is only ordered or
 * wished for, or names no problem or several.
 *
 * @example replacedOne('New battery issued.', [{ text: 'Radio battery dies halfway through shift' }])
 */
export function replacedOne<T extends { text: string }>(
  statement: string,
  problems: T[],
): T | null {
  const m = NEW_ONE.exec(statement)
  if (!m || !HERE.test(statement) || NOT_HERE.test(statement) || awaitsPart(statement)) return null
  const head = contentLemmas(m[1]!).map(stemOf).at(-1)
  if (head === undefined) return null
  const naming = problems.filter((p) => contentLemmas(p.text).map(stemOf).includes(head))
  return naming.length === 1 ? naming[0]! : null
}
