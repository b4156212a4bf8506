import { outcomeOf, type OpenThing } from './outcome'
import { isJob, isRelation } from './lexicon'
import { contentLemmas } from './similarity'

/** One open item a report is about, and what the report says of it. */
export interface Outcome {
  item: OpenThing
  status: 'done' | 'resolved' | 'blocked'
}

/**
 * The parts of a report told one after another ("fridgie came, needed a regas, cool room's back
 * down to 3", "plumber sorted the tap, mould still there though"): each may be about another item.
 */
export function reportParts(text: string): string[] {
  return text
    .split(/\s*[,;]\s+|\s+[–—-]\s+|\s+(?:but|though|although)\s+/iu)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/u).length >= 2)
}

/**
 * Every open task or problem a statement reports the end of, part by part: "drivers updated, no
 * bluescreens for 2 streams" finishes the driver task and resolves the bluescreen problem. An item
 * still in the way is reported only when nothing in the statement ended ("mould still there
 * though" after a fix adds nothing); when no part is clear alone, the statement is read whole.
 */
export function outcomesOf(statement: string, open: OpenThing[]): Outcome[] {
  const parts = reportParts(statement)
  const found: Outcome[] = []
  if (parts.length >= 2)
    for (const part of parts) {
      const arrived = arrivalOf(
        part,
        open.filter((o) => !found.some((f) => f.item.id === o.id)),
      )
      if (arrived) {
        found.push({ item: arrived, status: 'done' })
        continue
      }
      const one = outcomeOf(
        part,
        open.filter((o) => !found.some((f) => f.item.id === o.id)),
      )
      // After something ended, a part naming only who was there ends nothing more ("gave notice
      // today, landlord was fine about it" beside "the landlord hasn't fixed the fan").
      if (one && (found.length === 0 || namesAThing(part, one.item.text))) found.push(one)
    }
  const whole = outcomeOf(statement, open)
  // "visa applied at VFS, now still waiting on the embassy": applied, but not through yet.
  const ended = found
    .filter((f) => f.status !== 'blocked')
    .map((f) => (whole?.status === 'blocked' && whole.item.id === f.item.id ? whole : f))
  if (ended.length > 0) return ended
  return whole ? [whole] : found.slice(0, 1)
}

/** "rattling" and "rattle", "invoice" and "invoices": one word told two ways. */
const sameWord = (a: string, b: string): boolean =>
  a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5))

/** How many of an item's content words a statement uses ("fan is still rattling" → fan, rattle: 2). */
export function wordsShared(statement: string, item: string): number {
  const said = contentLemmas(statement)
  return new Set(contentLemmas(item).filter((w) => said.some((s) => sameWord(s, w)))).size
}

/** Whether a statement shares with an item a word that is not a person (a relation or a job). */
function namesAThing(statement: string, item: string): boolean {
  const said = new Set(contentLemmas(statement))
  return contentLemmas(item).some((w) => said.has(w) && !isRelation(w) && !isJob(w))
}

/** "Bertrand came", "the plumber showed up", "fridgie came out": who was to come has come. */
export const ARRIVED =
  /^(?:the\s+|our\s+|my\s+)?([\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s+(?:finally\s+)?(?:came|came round|came over|came out|came by|showed up|turned up|has been|visited)\b/iu

/**
 * The one open task a visit finishes: "Bertrand came" finishes "call the technician, Bertrand";
 * "fridgie came" finishes "get the fridgie out before the inspection". Null when no task, or more
 * than one, names who came.
 */
function arrivalOf(part: string, open: OpenThing[]): OpenThing | null {
  const m = ARRIVED.exec(part)
  if (!m) return null
  const who = contentLemmas(m[1]!)
  if (who.length === 0) return null
  const tasks = open.filter(
    (o) => o.kind === 'task' && contentLemmas(o.text).some((w) => who.includes(w)),
  )
  return tasks.length === 1 ? tasks[0]! : null
}
