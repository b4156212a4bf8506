/**
 * Two or more things said in one clause joined by "and" or commas, where each is a whole statement
 * once the shared words are put back:
 * - two "X is Y" about different people or things: "my PM is Otieno and the eng manager is Simon";
 * - one verb with parallel pairs: "I use Zotero for references and NVivo for coding".
 * Anything else stays one clause: cutting more at commas and "and" cost precision on blind text, and
 * so did "I prefer British spelling and metric units" as two requests and "Ava is 9, Jonah 6" as one
 * fact per child.
 */
export function coordinated(clause: string): string[] {
  return copulas(clause) ?? parallel(clause) ?? [clause]
}

const HOLDER = '(?:my|our|the)\\s+(?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+'

/** "My PM is Otieno and the eng manager is Simon Price". */
function copulas(clause: string): string[] | null {
  const m = new RegExp(
    `^(${HOLDER}\\s+(?:is|are)\\s+[^,]+?),?\\s+and\\s+(${HOLDER}\\s+(?:is|are)\\s+.+)$`,
    'iu',
  ).exec(clause)
  return m ? [m[1]!, m[2]!] : null
}

/** "I use Zotero for references and NVivo for coding": the same verb, the same preposition, twice. */
function parallel(clause: string): string[] | null {
  const m =
    /^((?:I|we)\s+(?:\w+\s+)?(?:use|uses|used|buy|get|order|bank with|bank|shop at|shop|see|go to|drive|prefer|like|love|work with))\s+(\S+(?:\s+\S+){0,3}?)\s+(for|on|at|with|in)\s+([^,]+?),?\s+and\s+(\S+(?:\s+\S+){0,3}?)\s+\3\s+(.+)$/iu.exec(
      clause,
    )
  if (!m || /^(?:I|we|it|they|then|also)$/iu.test(m[5]!.split(/\s+/u)[0]!)) return null
  return [`${m[1]!} ${m[2]!} ${m[3]!} ${m[4]!}`, `${m[1]!} ${m[5]!} ${m[3]!} ${m[6]!}`]
}
