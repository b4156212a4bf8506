import { parse } from './nlp'
import { contentLemmas } from './similarity'

/** Words that say a problem went away ("the hot water is back", "results came back fine"). */
const RESOLVED_CUE =
  /\b(?:back|fine|okay|ok|working|works|normal|fixed|sorted|gone|better|cleared|clear|all clear|negative|stopped|no more|arrived|turned up|showed up|came through|approved|resolved|solved|healed|over)\b/iu
/** Words that say it is still to come or still wrong: no outcome yet. */
const NOT_YET =
  /\b(?:not|never|no longer|hasn't|haven't|hasnt|havent|isn't|isnt|still|yet|will|going to|gonna|need to|needs to|have to|has to|should|must|want to|plan to|hope|hoping|might|may|maybe|if|again and again|keeps?|kept)\b|\?/iu

/** One open task or problem the person could be reporting on. */
export interface OpenThing {
  id: string
  kind: 'task' | 'issue'
  text: string
}

/**
 * Whether a statement reports the outcome of an open task or problem by its result rather than
 * with a status word the rules know: "library books are back, paid the fine" finishes "return the
 * library books"; "thyroid results came back fine" resolves "waiting on my thyroid results". The
 * statement must share at least two content words with the item (or, for a problem, its one
 * distinctive noun when no other open item has it), be told as done (past tense or a word like
 * "back", "fine", "fixed") and not as still to come.
 */
export function outcomeOf(
  statement: string,
  open: OpenThing[],
): { item: OpenThing; status: 'done' | 'resolved' } | null {
  if (NOT_YET.test(statement)) return null
  const doc = parse(statement)
  // "a cottage called Gull's Rest", "a clinic based in Leeds": participles that describe, not report.
  const past =
    doc.not('(called|named|based|located|known|born|made|built|set)').has('#PastTense') ||
    doc.has('(have|has) #Verb')
  const resolvedCue = RESOLVED_CUE.test(statement)
  if (!past && !resolvedCue) return null
  const said = new Set(contentLemmas(statement))
  const nouns = new Set(contentLemmas(doc.nouns().out('text') as string))
  let best: { item: OpenThing; hits: number; share: number } | null = null
  for (const item of open) {
    const words = [...new Set(contentLemmas(item.text))]
    const shared = words.filter((w) => said.has(w))
    if (shared.length === 0 || !shared.some((w) => nouns.has(w))) continue
    const share = shared.length / words.length
    if (!best || shared.length > best.hits || (shared.length === best.hits && share > best.share))
      best = { item, hits: shared.length, share }
  }
  if (!best) return null
  const strong = best.hits >= 2 && (best.share >= 0.3 || best.hits >= 3)
  // One shared noun is enough for a problem fixed ("the boiler's working"), when it is the only one.
  const single =
    best.item.kind === 'issue' &&
    resolvedCue &&
    open.filter((o) => contentLemmas(o.text).some((w) => said.has(w) && nouns.has(w))).length === 1
  if (!strong && !single) return null
  return { item: best.item, status: best.item.kind === 'task' ? 'done' : 'resolved' }
}
