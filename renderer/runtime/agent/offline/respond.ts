import type * as Y from 'yjs'
import type { MemoryItemView } from '../../../../shared/contract/models'
import type { Result } from '../../../../shared/errors'
import type { MemoryItem } from '../../../../shared/schema/current'
import { itemExtras } from '../../../../shared/schema/item-extras'
import type { ChangeContext } from '../../memory/memory-ops'
import {
  applyRetraction,
  applyStatus,
  recordCapture,
  retractLatest,
  subjectOf,
} from '../../memory/memory-capture'
import { analyze } from '../../understanding/analyze'
import { capture } from '../../understanding/capture'
import { choiceOf, choosingTask } from './decided'
import { holds } from '../../memory/freshness'
import { soundsResolved, toldByOthers, type OpenThing } from '../../understanding/outcome'
import { fellThrough } from '../../understanding/fell-through'
import { ARRIVED, outcomesOf, reportParts, wordsShared } from '../../understanding/outcomes'
import { readStatus } from '../../understanding/rules-status'
import { inabilityAfter } from '../../understanding/consequence'
import { expand, upperFirst } from '../../understanding/text'
import { bareFix } from '../../understanding/bare-fix'
import { fixedThenWell } from '../../understanding/fixed-then-well'
import { handledBy, helpedWith, isHealer, verdictEnds } from '../../understanding/verdict'
import { awaitsPart, partFor } from '../../understanding/part-awaited'
import { dueToldBy } from '../../understanding/due-told'
import { errandOf } from '../../understanding/errand'
import { replacedOne } from '../../understanding/replaced'
import { errandNamed } from './errand-named'
import { loadWordLinks } from './word-links'
import { resolveReferences } from '../../understanding/reference'
import { dueThen } from '../../understanding/due-then'
import { dueByExpiry } from '../../understanding/due-by-expiry'
import { dueInWords } from '../../understanding/due-in-words'
import { valueSpan } from '../../understanding/value-span'
import { amendedDate, SPELT } from '../../memory/amend-date'
import { RELATIVE } from '../../understanding/dates'
import { amendTarget } from '../../memory/amend-target'
import type { Capture, Question, Reading, StatusUpdate } from '../../understanding/types'
import type { SaidHit } from './answer'
import { answer, day, lowerStart, NOTHING_YET, sentence } from './answer'
import { onlyAcknowledges } from './acknowledgement'
import { toSecondPerson } from './voice'
import { asProse, wantsNoLists } from './no-lists'
import { appendAll } from '../../../../shared/append-all'
import { onlyHowItWent } from '../../understanding/how-it-went'

/** What the offline assistant needs: durable memory changes and reads, and the person's own words. */
export interface OfflineTools {
  /** Runs one change to the memory document; durable before it resolves. */
  change(fn: (doc: Y.Doc) => Result<MemoryItem>, ctx: ChangeContext): Promise<Result<MemoryItem>>
  /** Every memory item (history included) with its freshness. */
  memory(): Promise<MemoryItemView[]>
  /** The person's earlier messages matching a query, newest first, never the one being answered. */
  said(query: string, k: number): Promise<SaidHit[]>
}

/** One thing written to memory in a turn, for the reply and for deduplication on the model path. */
export interface MemoryNote {
  outcome: 'new' | 'updated' | 'superseded' | 'confirmed' | 'retracted'
  item: MemoryItem
  /** For a superseded item: what it replaced. */
  previous: MemoryItem | null
}

export interface OfflineTurn {
  text: string
  now: Date
  change: ChangeContext
  /** True for the first reply after a restart: stale memory is raised then. */
  firstTurn: boolean
  /** Only record memory (the model path): questions and small talk are left to the model. */
  captureOnly?: boolean
  /** Items the model already wrote this turn; the same thing is not written twice. */
  already?: MemoryItem[]
  /**
   * The person's messages just before this one in the conversation, oldest first (the last few,
   * from the last half hour): whom "he", "she", "his" and "her" point back to.
   */
  earlier?: readonly string[]
}

export interface OfflineReply {
  text: string
  notes: MemoryNote[]
  /** Whether the message had anything the offline assistant understood. */
  understood: boolean
}

const flip = (text: string): string => toSecondPerson(text)
const isOpen = (m: MemoryItemView): boolean => holds(m.item)

/** The question the assistant asks before relying on stale items. */
export function reverifyPrompt(stale: MemoryItemView[], now: Date): string {
  if (stale.length === 0) return ''
  const lines = stale.map(
    (m) => `- ${flip(m.item.text)} (last confirmed ${day(m.item.confirmedAt, now)})`,
  )
  return `Before I rely on ${stale.length === 1 ? 'this' : 'these'}, please confirm — ${stale.length === 1 ? "it hasn't" : "they haven't"} been confirmed in a while:\n${lines.join('\n')}\nConfirm or retract ${stale.length === 1 ? 'it' : 'them'} in the Memory panel, or tell me what changed.`
}

/** How a note reads in a reply: "Noted: you work at Acme Corp." */
export function noteLine(n: MemoryNote): string {
  const text = flip(n.item.text)
  switch (n.outcome) {
    case 'new':
      return n.item.kind === 'task'
        ? sentence(
            n.item.taskStatus === 'done'
              ? `Noted as done: ${lowerStart(text)}`
              : `Added to your tasks: ${lowerStart(text)}`,
          )
        : n.item.kind === 'issue'
          ? sentence(`Noted the problem: ${lowerStart(text)}`)
          : sentence(`Noted: ${lowerStart(text)}`)
    case 'superseded': {
      const was = n.previous
        ? (itemExtras(n.previous).extras.value ??
          (n.previous.kind === 'preference' && n.previous.value !== n.previous.text
            ? n.previous.value
            : null))
        : null
      // When the old value is still in the new text ("I do eat pork" after "I don't eat pork"),
      // the old statement says what changed.
      const same = was !== null && text.toLowerCase().includes(was.toLowerCase())
      // A value that is a clause of its own ("year old, Isla, she starts in September") reads
      // worse than the old statement whole.
      const short = was !== null && !/[,;]/u.test(was) && was.split(/\s+/u).length <= 5
      // "next Thursday at 4" said a week ago is not next Thursday now: the day it meant, as the
      // old item spelt it.
      const spelt =
        was !== null && RELATIVE.test(was) && n.previous
          ? (SPELT.exec(n.previous.text)?.[0] ?? null)
          : null
      return `Updated: ${lowerStart(text)} (was ${was && !same && short ? (spelt ?? was) : `“${n.previous ? flip(n.previous.text) : 'something else'}”`}).`
    }
    case 'confirmed':
      return sentence(`I already had that, and marked it confirmed: ${lowerStart(text)}`)
    case 'retracted':
      return `Okay — I've retracted “${text}”. It no longer counts as current; it stays in the item's history.`
    case 'updated': {
      const i = n.item
      if (i.kind === 'task')
        return i.taskStatus === 'done'
          ? `Marked done: ${lowerStart(text)}.`
          : i.taskStatus === 'blocked'
            ? `Marked blocked: ${lowerStart(text)}${itemExtras(i).extras.blockedBy ? ` — ${flip(itemExtras(i).extras.blockedBy!)}` : ''}.`
            : `Marked in progress: ${lowerStart(text)}.`
      if (i.kind === 'issue')
        return i.resolvedAt
          ? `Marked resolved: ${lowerStart(text)}.`
          : sentence(`Updated the problem: ${lowerStart(text)}`)
      return sentence(`Updated: ${lowerStart(text)}`)
    }
  }
}

/**
 * The old text with the corrected value in place of the old one: "goes to Maplewood Elementary" with
 * Maplewood → "Maple Grove Elementary" gives "goes to Maple Grove Elementary".
 */
export function replaceValue(text: string, said: string, value: string): string {
  // The span read off the old text may carry the space after it ("$1200 " in "$1200 a month").
  const was = said.trim()
  let at = was ? text.toLowerCase().indexOf(was.toLowerCase()) : -1
  if (at < 0) return `${text} (${value})`
  let end = at + was.length
  // A sign or a unit written onto the old value that the new one says too is part of it: "£65" →
  // "£68", not "££68"; "40mg" → "80mg", not "80mgmg".
  while (at > 0 && /[^\p{L}\p{N}\s]/u.test(text[at - 1]!) && value.startsWith(text[at - 1]!)) at--
  const unit = /^[\p{L}%]+/u.exec(text.slice(end))?.[0]
  if (unit && value.toLowerCase().endsWith(unit.toLowerCase())) end += unit.length
  // Words after the old value that the new one repeats belong to the value ("Elementary").
  for (const m of text.slice(end).matchAll(/\s+([\p{L}\p{N}.'-]+)/gu)) {
    if (m.index !== end - (at + was.length) || !value.toLowerCase().includes(m[1]!.toLowerCase()))
      break
    end += m[0].length
  }
  return `${text.slice(0, at)}${value}${text.slice(end)}`
}

/** A fix said of "it" alone: "fixed it", "it's working again", "got it sorted". */
function pointsBackOnly(u: StatusUpdate): boolean {
  const about = u.about
    .trim()
    .replace(/\s+(?:fixed|sorted|working|done)$/iu, '')
    .replace(/^it\s+is\s+(?:fine|ok|okay|good|all good)\s+now$/iu, 'it')
  return (
    /^(?:it|that|this)$/iu.test(about) &&
    (u.status === 'resolved' ||
      /\b(?:fixed|repaired|mended|solved|resolved|sorted|working|fine)\b/iu.test(u.text))
  )
}

/** Whether the model already wrote what a capture says. */
function writtenBy(already: MemoryItem[], c: Capture): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  return already.some(
    (i) =>
      (c.subject !== null && subjectOf(i) === c.subject) ||
      norm(i.text) === norm(c.text) ||
      (c.value !== null && norm(i.text).includes(norm(c.value)) && i.kind === c.kind),
  )
}

/**
 * The built-in assistant: deterministic, no model, no network. It reads the message sentence by
 * sentence (understanding/), records what the person stated, applies corrections and status
 * changes, answers questions from memory, and says exactly what it did and did not do.
 */
export async function respondOffline(
  turn: OfflineTurn,
  tools: OfflineTools,
): Promise<OfflineReply> {
  const { readings } = analyze(turn.text, turn.now)
  // Whom "he", "she", "his" and "her" point back to: the person's last messages, then what this
  // message said before the sentence. Applied to what is stored and asked, not to whether a
  // sentence is about the person (that stays as they said it).
  const pointing = (sentence: string): readonly string[] => {
    const at = turn.text.indexOf(sentence)
    return [...(turn.earlier ?? []), at > 0 ? turn.text.slice(0, at) : '']
  }
  const pointed = (told: Capture, sentence: string): Capture => {
    // "ring the insurers today", "need to prep a lesson plan before that": due on the day meant.
    const c = dueByExpiry(
      dueThen(dueInWords(told, turn.now), sentence, pointing(sentence), turn.now),
      sentence,
      turn.now,
    )
    const text = resolveReferences(c.text, pointing(sentence))
    if (text === c.text) return c
    // "his birthday" had no subject of its own; "my son Jonas's birthday" has one.
    const again = analyze(text, turn.now).readings
    const same =
      again.length === 1 && again[0]!.type === 'capture' && again[0]!.captures.length === 1
        ? again[0]!.captures[0]!
        : null
    return same && same.kind === c.kind && c.subject === null
      ? { ...c, text, subject: same.subject }
      : { ...c, text }
  }
  const replies: string[] = []
  const notes: MemoryNote[] = []
  const used = new Set<string>()
  let views: MemoryItemView[] | null = null
  const memory = async (): Promise<MemoryItemView[]> => (views ??= await tools.memory())
  const changed = (): void => {
    views = null
  }
  const byId = async (id: string | null): Promise<MemoryItem | null> =>
    id ? ((await memory()).find((v) => v.item.id === id)?.item ?? null) : null

  const record = async (c: Capture): Promise<string> => {
    if (turn.already && writtenBy(turn.already, c)) return ''
    const before = await memory()
    const saved = await tools.change(
      (doc) => recordCapture(doc, c, turn.change, turn.text),
      turn.change,
    )
    changed()
    if (!saved.ok) return `I couldn't save “${flip(c.text)}”: ${saved.error.message}`
    const item = saved.value
    const existed = before.some((v) => v.item.id === item.id)
    const note: MemoryNote =
      item.supersedes && !existed
        ? { outcome: 'superseded', item, previous: await byId(item.supersedes) }
        : { outcome: existed ? 'confirmed' : 'new', item, previous: null }
    notes.push(note)
    used.add(item.id)
    return noteLine(note)
  }

  /** A question that points back ("when's his birthday?") asked about whom it points to. */
  const asked = (q: Question, sentence: string): Question => {
    const resolved = resolveReferences(sentence, pointing(sentence))
    if (resolved === sentence) return q
    const again = analyze(resolved, turn.now).readings
    return again.length === 1 && again[0]!.type === 'question' ? again[0]!.question : q
  }

  const filed = new Set<string>()
  const tails = new Set<string>()
  // Whether a fix told without a name resolved the one open problem this turn.
  let bareFixed = false
  let understood = false
  const reported = new Set<Reading>()
  // What each sentence has filed so far: a trouble's consequence told after it is part of it.
  const bySentence = new Map<string, MemoryNote[]>()
  for (const r of readings) {
    const from = notes.length
    const line = await handle(r)
    bySentence.set(r.sentence, [...(bySentence.get(r.sentence) ?? []), ...notes.slice(from)])
    if (
      (r.type !== 'chat' && r.type !== 'not-english' && r.type !== 'document') ||
      (r.type === 'chat' && line !== '')
    )
      understood = true
    // Chat that turned out to report how something ended was understood, not kept aside.
    if (r.type === 'chat' && line !== '') reported.add(r)
    if (line) replies.push(line)
  }

  /** The open tasks and problems a report may be about, not what this message just added. */
  async function openThings(): Promise<OpenThing[]> {
    // Not what this same message just added ("I need to redo the mockups and I'm stuck because…").
    return (await memory())
      .filter((v) => isOpen(v) && !used.has(v.item.id))
      .map((v) => v.item)
      .flatMap((i) =>
        i.kind === 'task' || i.kind === 'issue' ? [{ id: i.id, kind: i.kind, text: i.text }] : [],
      )
  }

  /** Applies one status change to the open item it names; null when none matches. */
  async function applied(u: StatusUpdate): Promise<string | null> {
    const done = await tools.change((doc) => applyStatus(doc, u, turn.change, used), turn.change)
    changed()
    if (!done.ok) return null
    const note: MemoryNote = { outcome: 'updated', item: done.value, previous: null }
    notes.push(note)
    used.add(done.value.id)
    return noteLine(note)
  }

  /** Applies each outcome found in `text` to its open item: the lines for those that changed. */
  async function appliedOutcomes(
    text: string,
    found: readonly ReturnType<typeof outcomesOf>[number][],
  ): Promise<string[]> {
    const lines: string[] = []
    for (const f of found) {
      const line = await applied({
        text,
        about: f.item.text,
        target: f.item.kind,
        status: f.status,
        note: f.status === 'blocked' ? text : null,
        otherwise: null,
      })
      if (line !== null) lines.push(line)
    }
    return lines
  }

  /**
   * A statement that reports how open tasks or problems ended, told by their results. Told as a
   * problem, it ends one only in words that say so ("limp's gone"; "App Store rejected the build"
   * ends no task about the build), and it is one still in the way only when it names the open
   * problem by two words ("fan is still rattling" for "the bathroom fan makes a rattling noise";
   * "card got cloned and they still haven't refunded it" is new beside "call the bank about the
   * card"). With `only`, only open items of that kind are candidates.
   */
  async function outcome(
    sentence: string,
    told?: Capture[],
    only?: OpenThing['kind'],
  ): Promise<string | null> {
    const problem = told?.some((c) => c.kind === 'issue') ?? false
    const open = (await openThings()).filter((o) => only === undefined || o.kind === only)
    const found = outcomesOf(sentence, open).filter(
      (f) =>
        !problem ||
        (f.status === 'blocked'
          ? wordsShared(sentence, f.item.text) >= 2 ||
            // "went to Msasa but the system is offline": the trouble is the errand's way shut.
            (f.item.kind === 'task' && fellThrough(sentence))
          : soundsResolved(sentence)),
    )
    const lines = await appliedOutcomes(sentence, found)
    return lines.length > 0 ? lines.join('\n') : null
  }

  /**
   * The rest of a status report after its first part ("bank and post are done, gym cancelled
   * too"; "fridgie came, …, cool room's back down to 3"): each part that ends another open item
   * updates it. What is still in the way after a fix adds nothing.
   */
  async function rest(text: string): Promise<string[]> {
    if (tails.has(text)) return []
    tails.add(text)
    const lines: string[] = []
    const parts = reportParts(text)
    // Who came, before the status named what they fixed ("Bertrand came, oven fixed").
    const first = parts[0] ? outcomesOf(parts[0], await openThings()) : []
    const came = first.length === 1 && parts[0] !== text && ARRIVED.test(parts[0]!) ? first : []
    appendAll(
      lines,
      await appliedOutcomes(
        parts[0] ?? '',
        came.filter((f) => f.status === 'done' && f.item.kind === 'task'),
      ),
    )
    for (const part of parts.slice(1)) {
      const told = readStatus({ text: part, now: turn.now, correction: false, explicit: false })
      const line =
        told && told.status !== 'blocked' && told.about.trim() !== ''
          ? await applied({ ...told, otherwise: null })
          : null
      if (line !== null) {
        lines.push(line)
        continue
      }
      const found = outcomesOf(part, await openThings()).filter((f) => f.status !== 'blocked')
      appendAll(lines, await appliedOutcomes(part, found))
    }
    return lines
  }

  /**
   * A fix told only by pointing back ("fixed it", "it's working again", "sorted it") resolves the
   * one open problem when there is exactly one: "it" has nothing else to be. Null otherwise.
   */
  async function fixOfTheOne(u: StatusUpdate): Promise<string | null> {
    if (!pointsBackOnly(u)) return null
    return theOneFixed(u)
  }

  /** Resolves the one open problem with this report; null when none or several are open. */
  async function theOneFixed(u: StatusUpdate): Promise<string | null> {
    const problems = (await openThings()).filter((o) => o.kind === 'issue')
    if (problems.length !== 1) return null
    const line = await applied({
      ...u,
      about: problems[0]!.text,
      target: 'issue',
      status: 'resolved',
    })
    if (line !== null) bareFixed = true
    return line
  }

  /**
   * A fix told without naming what was fixed ("engineer came, swapped the router, working now";
   * "all sorted now") resolves the one open problem, as "fixed it" does.
   */
  async function bareFixOfTheOne(sentence: string, u?: StatusUpdate): Promise<string | null> {
    const told = u ? turn.text : sentence
    if (!bareFix(told) && !fixedThenWell(told)) return null
    return theOneFixed({
      text: sentence,
      about: '',
      target: 'issue',
      status: 'resolved',
      note: null,
      otherwise: null,
      ...u,
    })
  }

  /**
   * The word of whoever deals with a trouble ("physio says rotator cuff tendinopathy", "engineer
   * came, compressor gone", "garage says ABS sensor, fixed for £180") updates the open problem it
   * is about, and what they found is kept as a fact. Null when it is no such word or names no
   * open problem.
   */
  async function handled(
    r: Reading & { type: 'capture' | 'status' | 'chat' },
  ): Promise<string | null> {
    const who = handledBy(r.sentence)
    if (who === null) return null
    // "GP says I've got a chest infection" is a new problem unless it names the open one.
    const news = r.type === 'capture' && r.captures.some((c) => c.kind !== 'fact')
    const target = helpedWith(
      r.sentence,
      who,
      (await openThings()).filter((o) => o.kind === 'issue'),
      !news,
    )
    if (target === null) return null
    const ends = verdictEnds(r.sentence)
    const line = await applied({
      text: r.sentence,
      about: target.text,
      target: 'issue',
      status: ends ? 'resolved' : 'blocked',
      note: ends ? null : r.sentence,
      otherwise: null,
    })
    if (line === null) return null
    if (ends) bareFixed = true
    // "garage say the pads were worn to metal, replaced them": a trade's finding is the note on the
    // problem, not a fact of the person's; a health worker's ("GP says try melatonin") is kept.
    const found =
      r.type === 'capture' && isHealer(who) ? r.captures.filter((c) => c.kind === 'fact') : []
    const lines = [line]
    for (const c of found) lines.push(await record(pointed(c, r.sentence)))
    return lines.filter((l) => l !== '').join('\n')
  }

  /**
   * A part or replacement ordered for an open problem ("engineer says the thermostat probe's gone,
   * part on order"; "ordered a new battery, arrives wed"): a note on that problem, still open.
   * Null when it names no open problem.
   */
  async function partOrdered(sentence: string): Promise<string | null> {
    if (!awaitsPart(sentence)) return null
    const target = partFor(
      sentence,
      (await openThings()).filter((o) => o.kind === 'issue'),
    )
    if (target === null) return null
    return applied({
      text: sentence,
      about: target.text,
      target: 'issue',
      status: 'blocked',
      note: sentence,
      otherwise: null,
    })
  }

  /** A new one of a problem's thing, here ("new battery issued"): that problem is resolved. */
  async function replacement(sentence: string): Promise<string | null> {
    const problems = (await openThings()).filter((o) => o.kind === 'issue')
    const ended = replacedOne(sentence, problems)
    if (ended === null) return null
    return (await appliedOutcomes(sentence, [{ item: ended, status: 'resolved' }]))[0] ?? null
  }

  /**
   * Work done told by the errand's own verb, read as a plain statement ("swapped with Gaz,
   * sorted" for "need to swap a shift for it"; "handed it in"), or by the noun of that verb
   * ("application in!" for "apply for the band 4 job"): the one open task with that verb is done.
   * Null when none or several have it.
   */
  async function errandDone(sentence: string): Promise<string | null> {
    const first = reportParts(sentence)[0] ?? sentence
    const tasks = (await openThings()).filter((o) => o.kind === 'task')
    const task =
      errandOf(first, tasks) ??
      (first === sentence ? null : errandOf(sentence, tasks)) ??
      errandNamed(first, tasks, await loadWordLinks())
    if (task === null) return null
    return (await appliedOutcomes(sentence, [{ item: task, status: 'done' }]))[0] ?? null
  }

  async function handle(r: Reading): Promise<string> {
    // "garage said the MOT is actually due the 24th": the open task's day moved, not their news.
    if (r.type === 'chat') {
      const tasks = (await openThings()).filter((o) => o.kind === 'task').map((o) => o.text)
      const moved = dueToldBy(r.sentence, turn.now, tasks)
      if (moved !== null) return handle({ ...moved, sentence: r.sentence })
    }
    // A report about something already open is an update to it, not a new item: a generic fact,
    // plain chat, a problem or an undated task that names an open task or problem in the words of
    // its end ("the garage is still waiting on a part", "limp's gone", "library books are back,
    // paid the fine"). A problem ends one only in words that say so (see `outcome`); a task with
    // a date of its own is a new plan (measured: taking those too cost answers on blind corpora).
    const generic =
      (r.type === 'capture' &&
        // "Correction: the courier date is the 29th": a new day for something, not how it ended.
        !r.captures.some((c) => c.correction && c.due !== null) &&
        r.captures.every(
          (c) =>
            (c.kind === 'fact' && c.subject === null) ||
            c.kind === 'issue' ||
            (c.kind === 'task' && c.due === null),
        )) ||
      (r.type === 'chat' && (!r.aside || toldByOthers(r.sentence)))
    // "knee's all good now" reads as a health fact, "no more wasps" as a wish: in the words of a
    // fix, they may end an open problem. Read as a problem told, they end one only in those words.
    const fixLike =
      r.type === 'capture' &&
      r.captures.every((c) => c.kind === 'fact' || c.kind === 'preference') &&
      soundsResolved(r.sentence)
    // "the LEA site has no free slots, been trying every morning", however it is filed: an open
    // errand tried and shut out is held up, not news of its own.
    const tried =
      r.type === 'capture' && r.captures.every((c) => c.kind !== 'task') && fellThrough(r.sentence)
    if (generic || fixLike || tried) {
      const line = await outcome(
        r.sentence,
        r.type === 'capture'
          ? fixLike && !generic
            ? r.captures.map((c) => ({ ...c, kind: 'issue' as const }))
            : r.captures
          : undefined,
      )
      if (line !== null) return line
    }
    if (generic) {
      const line = await errandDone(r.sentence)
      if (line !== null) return line
    }
    // "working now" after a fix the message told: the one open problem, already resolved.
    if (r.type === 'capture' && bareFixed && bareFix(r.sentence)) return ''
    if (r.type === 'chat' || (r.type === 'capture' && generic)) {
      const line = await bareFixOfTheOne(r.sentence)
      if (line !== null) return line
    }
    if (r.type === 'capture' || r.type === 'chat') {
      const line = await handled(r)
      if (line !== null) return line
    }
    // "BT engineer came, says the router is faulty, new one on its way": what they found is the
    // open problem's cause, not a new one.
    if (
      r.type === 'chat' ||
      (r.type === 'capture' &&
        r.captures.every(
          (c) => c.kind === 'fact' || (c.kind === 'issue' && handledBy(r.sentence) !== null),
        ))
    ) {
      const line = (await partOrdered(r.sentence)) ?? (await replacement(r.sentence))
      if (line !== null) return line
    }
    switch (r.type) {
      case 'capture': {
        const lines: string[] = []
        for (const c of r.captures) {
          // Two readings of one sentence may file the same words; they are one item.
          const key = c.text.toLowerCase()
          if (filed.has(key)) continue
          // "physio gave me a strap, slightly better" that ended nothing open: not an item either.
          if (onlyHowItWent(c)) continue
          if (c.kind === 'issue' && inabilityAfter(c.text, r.sentence)) {
            // "payouts are stuck since Thursday, we can't pay contractors": the stuck payouts are
            // the problem, already noted; "ethics approval still not come, I cannot start the
            // interviews": the sentence whole is the problem.
            const told = bySentence.get(r.sentence) ?? []
            if (told.length > 0) continue
            lines.push(
              await record(
                pointed({ ...c, text: capture('issue', expand(r.sentence)).text }, r.sentence),
              ),
            )
            continue
          }
          filed.add(key)
          lines.push(await record(pointed(c, r.sentence)))
        }
        // "we went with Qdrant in the end": the open task of choosing is done.
        const chosen = choiceOf(r.sentence)
        const choosing = chosen === null ? null : choosingTask(chosen, await openThings())
        if (choosing !== null)
          lines.push(
            (await applied({
              text: r.sentence,
              about: choosing.text,
              target: 'task',
              status: 'done',
              note: null,
              otherwise: null,
            })) ?? '',
          )
        return lines.filter((l) => l !== '').join('\n')
      }
      case 'status': {
        const u = r.update
        const line =
          (await fixOfTheOne(u)) ??
          (await applied(u)) ??
          (u.status === 'resolved' ? await bareFixOfTheOne(r.sentence, u) : null)
        if (line !== null) {
          // "survey booked for the 27th": the task is done, and the day it set up is worth keeping.
          const ahead =
            u.otherwise?.kind === 'fact' &&
            u.otherwise.due !== null &&
            Date.parse(u.otherwise.due) > turn.now.getTime() &&
            /\b(?:booked|scheduled|rescheduled|arranged|confirmed)\b/iu.test(u.text)
              ? await record(pointed(u.otherwise, r.sentence))
              : ''
          return [line, ahead, ...(await rest(u.text))].filter((l) => l !== '').join('\n')
        }
        const verdict =
          (await handled(r)) ?? (await partOrdered(r.sentence)) ?? (await replacement(r.sentence))
        if (verdict !== null) return verdict
        // "got the screen replaced at the kiosk": no open item has what the verb was done to, but
        // the report ends the one problem it names ("my phone screen is cracked"). Only what would
        // be filed as a plain fact or a problem is read so, and only against open problems (open
        // tasks read so too cost an update on a blind corpus).
        const plain =
          u.otherwise !== null &&
          ((u.otherwise.kind === 'fact' && u.otherwise.subject === null) ||
            u.otherwise.kind === 'issue')
        if (plain) {
          const ended = await outcome(r.sentence, [u.otherwise!], 'issue')
          if (ended !== null) return ended
        }
        if (u.otherwise && !onlyHowItWent(u.otherwise)) {
          const key = u.otherwise.text.toLowerCase()
          if (filed.has(key)) return ''
          filed.add(key)
          return record(u.otherwise)
        }
        // "permit came thru this morning": not a status the rules know, but the result of one.
        const told = await outcome(r.sentence)
        if (told !== null) return told
        // "registration done at Boldmere": the errand named by the noun of its verb.
        const errand = u.status === 'done' ? await errandDone(r.sentence) : null
        if (errand !== null) return errand
        if (turn.captureOnly) return ''
        const what =
          u.target === 'issue'
            ? 'an open problem'
            : u.target === 'task'
              ? 'an open task'
              : 'an open task or problem'
        // "I submitted chapter 3 to my supervisor today": said back whole, not as a quoted scrap.
        const said = flip(u.text).replace(/[\s.!?,;:]+$/u, '')
        return u.text.trim() === '' || said.split(/\s+/u).length < 2
          ? `I don't have ${what} about “${flip(u.about || 'that')}”, so I didn't record anything.`
          : `${upperFirst(said)} — I don't have ${what} for that, so I didn't record anything.`
      }
      case 'retract':
      case 'forget': {
        const about = r.type === 'retract' ? r.retraction.about : r.about
        const gone = await tools.change(
          (doc) =>
            about === ''
              ? retractLatest(doc, turn.change, new Date(turn.now.getTime() - 15 * 60_000))
              : applyRetraction(doc, { text: r.sentence, about, subject: null }, turn.change),
          turn.change,
        )
        changed()
        // "I gave up smoking two years ago", "I don't drink any more" with nothing on record to
        // retract: news about the person, kept as said.
        if (
          !gone.ok &&
          r.type === 'retract' &&
          /^(?:I|we)\s+(?:stopped|quit|gave up)\s+(?!(?:at|by|in|off|for|to|on|over|round|with)\b)/iu.test(
            r.retraction.text,
          )
        )
          return record(capture('fact', r.retraction.text))
        if (!gone.ok)
          return turn.captureOnly
            ? ''
            : sentence(
                `I don't have anything about “${flip(about || 'that')}” on record, so there was nothing to retract`,
              )
        const note: MemoryNote = { outcome: 'retracted', item: gone.value, previous: null }
        notes.push(note)
        return noteLine(note)
      }
      case 'amend': {
        const target = amendTarget(
          (await memory()).map((v) => v.item),
          { sentence: r.sentence, value: r.value, replaces: r.replaces },
          turn.now,
        )
        if (!target)
          return turn.captureOnly
            ? ''
            : `I'm not sure what “${r.value}” corrects, so I didn't change anything. Tell me the whole thing again and I'll update it.`
        const old = target
        const was =
          r.replaces ?? valueSpan(old.text, r.value, turn.now) ?? itemExtras(old).extras.value ?? ''
        // A new day for a dated item moves its due date too; any other new value keeps it.
        const redated = amendedDate(old, r.value, turn.now)
        return record({
          kind: old.kind,
          text: redated?.text ?? replaceValue(old.text, was, r.value),
          subject: subjectOf(old),
          value: r.value,
          ...(old.kind === 'preference' ? { key: old.key } : {}),
          due: redated?.due ?? itemExtras(old).extras.due ?? null,
          schedule: null,
          replaces: redated?.was ?? (was || null),
          correction: true,
        })
      }
      case 'question': {
        if (turn.captureOnly) return ''
        const views = await memory()
        const sources = { views, now: turn.now, said: tools.said }
        const pointed = asked(r.question, r.sentence)
        // Memory may hold it without the name ("her leg's a soft tissue thing"): then as asked.
        let text = await answer(pointed, sources)
        if (pointed !== r.question && text.startsWith(NOTHING_YET))
          text = await answer(r.question, sources)
        for (const v of views) if (text.includes(flip(v.item.text))) used.add(v.item.id)
        return text
      }
      case 'greeting': {
        if (turn.captureOnly) return ''
        // "hi! I'm Zainab, building a budgeting app": the rest of the message is the answer.
        if (readings.some((o) => o.type !== 'greeting' && o.type !== 'chat' && o.type !== 'thanks'))
          return 'Hi!'
        const open = (await memory()).filter(isOpen)
        // A stale task is not announced as current; the re-verify question covers it.
        const task = open.find((m) => m.item.kind === 'task' && m.freshness === 'fresh')
        if (open.length === 0)
          return "Hi! I'm Keepsake. Tell me about yourself, your work and your plans — where you work, what you can't eat, what's due when — and I'll remember it on this device and answer questions about it."
        return task
          ? `Welcome back. Last time you were working on ${lowerStart(flip(task.item.text))}.`
          : `Welcome back. I remember ${open.length} thing${open.length === 1 ? '' : 's'} about you.`
      }
      case 'thanks':
        return turn.captureOnly ? '' : "You're welcome."
      case 'chat':
      case 'not-english':
        return ''
      case 'document':
        return turn.captureOnly
          ? ''
          : 'That is a long text, so I kept it in the conversation without filing anything from it. Tell me what to remember from it ("remember that …"), or choose a model in Settings to work with it.'
    }
  }

  if (!turn.captureOnly) {
    const anyEnglish = readings.some((r) => r.type !== 'not-english')
    if (replies.length === 0 && onlyAcknowledges(turn.text))
      replies.push('OK. Nothing in that to remember.')
    else if (replies.length === 0)
      replies.push(
        anyEnglish
          ? "I kept your message but didn't store anything from it. I remember what you tell me about yourself, your work and your plans, and I answer questions about it; for anything else, choose a model in Settings."
          : "I kept your message, but I only understand English, so I didn't store anything from it.",
      )
    else if (
      notes.length > 0 &&
      readings
        // A list's header ("things to do this week:") is not something left unstored.
        .filter((r) => r.type === 'chat' && !reported.has(r) && !/:\s*$/u.test(r.sentence))
        .some((r) => r.sentence.split(/\s+/u).length > 4)
    )
      replies.push("I kept the rest of your message but didn't store anything else from it.")
    const views = await memory()
    const stale = views.filter(
      (m) => isOpen(m) && m.freshness === 'needs-reverify' && !used.has(m.item.id),
    )
    // On the first turn after a restart, stale memory is raised before anything relies on it.
    if (turn.firstTurn && stale.length > 0) replies.push(reverifyPrompt(stale, turn.now))
  }
  // Two parts of one question answered by the same item say it once.
  const said = replies.filter((r, i) => r !== '' && replies.indexOf(r) === i)
  // "no bullet points please": lists in the reply are said as sentences.
  const noLists =
    said.some((r) => /^\s*[-•*]\s/mu.test(r)) && wantsNoLists((await memory()).filter(isOpen))
  const text = said.join('\n\n')
  return { text: noLists ? asProse(text) : text, notes, understood }
}
