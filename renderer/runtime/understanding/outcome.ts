import { parse } from './nlp'
import { answeredBy } from './answered'
import { cameBack } from './came-back'
import { isJob, isRelation } from './lexicon'
import { contentLemmas, stemOf } from './similarity'
import { goneByDenial } from './went-away'
import { heldBack } from './held-back'
import { fellThrough } from './fell-through'
import { stillDue } from './still-due'
import { soundsLikeTrouble } from './rules-issue'
import { stepTowardFix } from './arranged'

/** A text's content words by stem: "the freezing stopped" names "my laptop keeps freezing". */
const stems = (text: string): string[] => contentLemmas(text).map(stemOf)

/** Words that say a problem went away ("the hot water is back", "results came back fine"). */
const RESOLVED_CUE =
  /\bno\s+\p{L}+s?\s+(?:for|since|in)\s+(?:\d+|a|two|three|four|five|days?|weeks?|yesterday|last|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|then)\b|\bno\s+\p{L}+\s+so far\b|\b(?:(?:just|only) needed|it was (?:just |only )?(?:the|a|an)|turned out|replaced|repaired|patched|mended|unblocked|unclogged|bled|serviced|resealed|regassed|rewired|reinstalled|refunded|reimbursed|(?:moving|running|going|flowing|up|eating|drinking|sleeping|walking|charging|draining|flushing|printing|syncing|loading|connecting|heating|cooling|booting|starting|breathing|feeding|talking|spinning|holding (?:charge|pressure)) (?:again|normally|properly)|(?<!\b(?:my|your|his|her|our|their|the|a|lower|upper|bad|sore)\s+)back(?!['’]s\b|\s+(?:pain|ache|problems?|is|was|has|hurts?|still))|fine|green again|all good|no more|(?:came|come|comes) (?:thru|through)|(?:running|runs|going|goes) (?:sweet|sweetly|smooth|smoothly|like a dream|perfectly|nicely)|(?:starts?|started|fires?(?: up)?|fired(?: up)?|goes|went|boots?|booted|works?|worked) (?:first time|first go|straight away)|like a charm|okay|ok|working|works|normal|fixed|sorted|gone|(?<!\b(?:bit|little|slightly|somewhat|tad|marginally|kind of|kinda|sort of|getting|bit of a)\s+)better(?!\s+but\b)|cleared|clear|all clear|negative|stopped|no more|arrived|turned up|showed up|came through|approved|resolved|solved|healed|(?<=(?:\b(?:is|are|was|were|all|finally)|['’]s)\s+)over(?!\s+\S*\d)|(?:went|gone|going) away|(?:eased|easing|eased off|settled|settled down|calmed down|died down|cleared up|clearing up|subsided)|(?:fixed|sorted|resolved|cleared) (?:itself|themselves)|on (?:its|their) own|by itself|(?:quiet|quieter|silent|dry|lovely|perfect|spot on)\s+(?:now|again)|good as new|like new|on again|treated|seen to|dealt with|(?:finally\s+)?(?:replied|responded|wrote back|(?:rang|called|phoned) (?:me |us )?back|(?:got|came) back to (?:me|us))|figured (?:it\s+)?out|worked (?:it\s+)?out|got to the bottom of|cracked it)\b|\bno\s+\p{L}+\s+(?:all (?:week|day|night|weekend|month)|since|so far|this (?:week|time))\b/iu
/**
 * Whether a statement says a problem went away ("the hot water is back", "no more leaks"). "Back"
 * is a cue only as "returned": "my back", "the back door", "back pain" name a thing.
 */
export const soundsResolved = (statement: string): boolean =>
  (RESOLVED_CUE.test(statement) && !cameBack(statement)) || goneByDenial(statement) !== null

/**
 * Someone else's word on how a thing went ("Priya said yes to the swap", "the bank said the file
 * had the wrong date format, resent"): kept aside as their news, but it may end an open item.
 */
const TOLD_BY_OTHERS =
  /^(?:my\s+|our\s+|the\s+)?(?:[\p{L}.'’-]+\s+){1,3}?(?:said|says|told (?:me|us)|replied|wrote back|got back to (?:me|us))\b/iu
/** Whether a statement passes on what someone else said or did about it ("the garage said …"). */
export const toldByOthers = (statement: string): boolean => TOLD_BY_OTHERS.test(statement)

/** Words that say it is still to come or still wrong: no outcome yet. */
const NOT_YET =
  /\b(?:not|never|no longer|hasn't|haven't|hasnt|havent|isn't|isnt|still|yet|will|going to|gonna|need to|needs to|have to|has to|should|must|want to|plan to|hope|hoping|might|may|maybe|if|again and again|keeps?|kept)\b|\?/iu

/** Still in the way: "the hearing aid is still whistling", "still waiting on the garage". */
const STILL =
  /\b(?:can['’]?t|cannot|can not|won['’]t be able to|unable to)\s+(?!see me\b)(?:\p{L}+\s+){1,6}?(?:until|till|til|unless)\s+(?!(?:next|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|the \d|\d)\b)|\b(?:still|yet to|waiting (?:on|for)|stuck|blocked|held up|on hold|no (?:news|word|reply|update) (?:from|on)|until next|til next|till next|can't see me until|cannot see me until)\b/iu

/**
 * The open item a report is plainly about: it shares at least two content words with it, or a
 * noun no other open item has. Null when it is not clear which one.
 */
function strongest(statement: string, open: OpenThing[]): OpenThing | null {
  const said = new Set(stems(statement))
  const nouns = nounsOf(parse(statement), open)
  const scored = open
    .map((item) => ({
      item,
      shared: [...new Set(stems(item.text))].filter((w) => said.has(w)),
    }))
    .filter((x) => x.shared.some((w) => nouns.has(w)))
    .sort((a, b) => b.shared.length - a.shared.length)
  const [best, next] = scored
  if (!best) return null
  if (best.shared.length >= 2 && (next?.shared.length ?? 0) < best.shared.length) return best.item
  const noun = best.shared.find((w) => nouns.has(w))
  return noun && scored.filter((x) => x.shared.includes(noun)).length === 1 ? best.item : null
}

/**
 * The statement's nouns, and the words it shares with an open item where that item uses them as
 * nouns: "deposit finally came back" starts like an instruction, so the tagger reads "deposit" as a
 * verb, but the problem it answers ("the agent still has my deposit") names it as a thing.
 */
function nounsOf(doc: ReturnType<typeof parse>, open: OpenThing[]): Set<string> {
  const nouns = new Set(stems(doc.nouns().out('text') as string))
  // What the statement is about comes first ("limp's gone"), whatever the tagger makes of it.
  const head = HEAD.exec(doc.text())
  if (head) for (const w of stems(head[1] ?? head[2]!)) nouns.add(w)
  // "no drops all week": what there is none of is a thing, whatever the tagger makes of it.
  const none = /\bno\s+(?:more\s+)?(\p{L}+)/iu.exec(doc.text())
  if (none) for (const w of stems(none[1]!)) nouns.add(w)
  for (const item of open) for (const w of itemNouns(item.text)) nouns.add(w)
  return nouns
}

/** The one word a statement starts with before "is", "'s", "has": its subject. */
const HEAD =
  /^(?:(?:the|my|our|his|her|their)\s+)?([\p{L}-]+)(?:['’]s|\s+(?:is|are|was|were|has|have))\b|^(?:the|my|our|his|her|their|that)\s+([\p{L}-]+)\s+(?:finally\s+)?(?:stopped|went away|eased|settled|cleared|died down)\b/iu

const NOUNS_SEEN = new Map<string, string[]>()

/** An item's nouns, remembered: open items are read again with every message. */
function itemNouns(text: string): string[] {
  const known = NOUNS_SEEN.get(text)
  if (known) return known
  const found = stems(parse(text).nouns().out('text') as string)
  if (NOUNS_SEEN.size >= 4000) NOUNS_SEEN.clear()
  NOUNS_SEEN.set(text, found)
  return found
}

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
): { item: OpenThing; status: 'done' | 'resolved' | 'blocked' } | null {
  // "went to Msasa but the system is offline, come back next week": the errand tried, not done.
  if (fellThrough(statement)) {
    const held = strongest(
      statement,
      open.filter((o) => o.kind === 'task'),
    )
    if (held) return { item: held, status: 'blocked' }
  }
  const denied = goneByDenial(statement)
  if (denied) {
    const gone = deniedOne(statement, denied, open)
    return gone ? { item: gone, status: 'resolved' } : null
  }
  if (STILL.test(statement) || heldBack(statement)) {
    const held = strongest(statement, open)
    return held ? { item: held, status: 'blocked' } : null
  }
  // "Tom said he can do it": the answer of whom a task was to ask.
  const answered = answeredBy(statement, open)
  if (answered) return { item: answered, status: 'done' }
  // "gave me an extension til monday for the coursework": a new day for it, not its end.
  if (NOT_YET.test(statement) || cameBack(statement) || stillDue(statement)) return null
  const doc = parse(statement)
  // "a cottage called Gull's Rest", "a clinic based in Leeds": participles that describe, not report.
  const past =
    doc.not('(called|named|based|located|known|born|made|built|set)').has('#PastTense') ||
    doc.has('(have|has) #Verb')
  const resolvedCue = RESOLVED_CUE.test(statement)
  // "tax return is in", "application's in!": handed over, told by where the thing now is.
  const handedIn = handedOver(statement)
  // "card's in the post", "council tax all set up": done, told by where the thing now stands.
  const settled = SETTLED.test(statement)
  if (!past && !resolvedCue && !handedIn && !settled) return null
  const said = new Set(stems(statement))
  const nouns = nounsOf(doc, open)
  let best: { item: OpenThing; hits: number; share: number } | null = null
  // How many open items share two words or more with the statement.
  let pairs = 0
  for (const item of open) {
    const words = [...new Set(stems(item.text))]
    const shared = words.filter((w) => said.has(w))
    if (shared.length === 0 || !shared.some((w) => nouns.has(w))) continue
    if (shared.length >= 2) pairs++
    const share = shared.length / words.length
    if (!best || shared.length > best.hits || (shared.length === best.hits && share > best.share))
      best = { item, hits: shared.length, share }
  }
  // A long task named by two of its words ("sent Sarah the budget" for "finish the quarterly
  // budget report for Sarah by Friday") when no other open item shares two.
  const strong =
    best !== null &&
    best.hits >= 2 &&
    (best.share >= 0.3 || best.hits >= 3 || (past && pairs === 1)) &&
    (past || resolvedCue || best.item.kind === 'task')
  // "ordered a new fan belt" for "the fan belt squeals": help arranged, the problem still there.
  const stepOnly = (item: OpenThing): boolean =>
    item.kind === 'issue' && !resolvedCue && stepTowardFix(item.text, statement)
  if (best && strong && !stepOnly(best.item))
    return { item: best.item, status: best.item.kind === 'task' ? 'done' : 'resolved' }
  // One shared noun is enough for a problem fixed ("the boiler's working"; "Bertrand came, oven
  // fixed" though a task names Bertrand), when no other open problem has it.
  const problems = open.filter(
    (o) => o.kind === 'issue' && stems(o.text).some((w) => said.has(w) && nouns.has(w)),
  )
  if (resolvedCue && problems.length === 1) return { item: problems[0]!, status: 'resolved' }
  // One shared noun is enough for a task too when the words say it is done and no other open
  // item has that noun ("proposal went out this morning", "passports arrived in the post").
  const naming = open.filter((o) => stems(o.text).some((w) => said.has(w) && nouns.has(w)))
  return naming.length === 1 &&
    naming[0]!.kind === 'task' &&
    (TASK_DONE.test(statement) || handedIn || settled)
    ? { item: naming[0]!, status: 'done' }
    : null
}

/**
 * The one open problem a denial names: by the trouble denied ("not limping anymore" for "Biscuit's
 * been limping"), else by the thing it is about ("the tap isn't dripping any more").
 */
function deniedOne(statement: string, denied: string[], open: OpenThing[]): OpenThing | null {
  const problems = open.filter((o) => o.kind === 'issue')
  const words = new Set(stems(denied.join(' ')))
  // The problem told the trouble as happening ("keeps logging me out"); one that denied it too
  // ("the boiler won't fire up" … "hasn't fired up since Tuesday") is the same trouble, still there.
  const naming = problems.filter((o) => {
    const shared = stems(o.text).filter((w) => words.has(w))
    return shared.length > 0 && !shared.some((w) => deniedIn(o.text).has(w))
  })
  if (naming.length === 1) return naming[0]!
  if (naming.length > 1) return strongest(statement, naming)
  // "the tap isn't dripping any more" for "the kitchen tap keeps leaking": by the thing, when
  // what is denied is a trouble in itself.
  return denied.some(soundsLikeTrouble) ? strongest(statement, problems) : null
}

/** The stems of the words a text denies: "the boiler won't fire up" → fire. */
function deniedIn(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(
    /(?:\b(?:not|never|no|no longer|stopped|unable to|fails? to|failed to)|n['’]t)\s+(?:even\s+|properly\s+)?(\p{L}+)/giu,
  ))
    for (const w of stems(m[1]!)) out.add(w)
  return out
}

/** A thing told as where it now stands once done: "in the post", "all set up". */
const SETTLED =
  /\b(?:in the (?:post|mail)|(?:all\s+)?set up|all (?:sorted|done|booked|paid|signed))\b/iu

/** Words that say a task's thing is done or has come, whatever the verb of the task. */
const TASK_DONE =
  /\b(?:said yes|agreed|okayed|ok['’]d|gave (?:me |us )?the (?:go-ahead|green light|ok|okay)|went out|gone out|(?:is|are)\s+(?:all\s+)?(?:out|in|up|done|sorted|finished|booked|paid|sent|submitted|approved)|in the post|arrived|landed|came|come|approved|accepted|passed|wrapped(?: up)?|up again|all done)\b/iu

/**
 * A thing told as handed over, the whole statement: "tax return is in", "parcel's gone off",
 * "report's with Dana".
 */
const HANDED_IN =
  /^(?:the\s+|my\s+|our\s+)?([\p{L}\p{N} '’-]{2,40}?)(?:['’]s|\s+(?:is|are|has|have))\s+(?:finally\s+|now\s+|all\s+|officially\s+)?(?:in|gone in|gone off|gone out|gone back|been sent|been returned|back with|with\s+(?:the\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)(?:\s+(?:now|today|finally|at last|this morning|yesterday))?(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/iu

/** Whether a statement tells a thing as handed over ("notice is in"), not a person as arrived ("mum's in"). */
function handedOver(statement: string): boolean {
  const m = HANDED_IN.exec(statement)
  return m !== null && !contentLemmas(m[1]!).some((w) => isRelation(w) || isJob(w))
}
