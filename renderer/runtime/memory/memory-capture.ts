import type * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import type { MemoryItem } from '../../../shared/schema/current'
import { putMemoryItem } from '../../../shared/docs'
import { itemExtras, type ItemExtras } from '../../../shared/schema/item-extras'
import type { Capture, Retraction, StatusUpdate } from '../understanding/types'
import { errandOf } from '../understanding/errand'
import { shortForms, standsFor } from '../understanding/short-forms'
import { contentLemmas, overlap } from '../understanding/similarity'
import { parse } from '../understanding/nlp'
import { normalize } from '../understanding/text'
import { isRelation, MY_RELATION } from '../understanding/lexicon'
import { readMemory } from './memory-doc'
import { base as newItem, retractItem, type ChangeContext } from './memory-ops'
import { holds } from './freshness'
import { isOwner, sameFormTarget } from './same-form-target'
import { addsOne, otherOwner } from './whose'
import { goneNamed, goneThisMessage } from './gone-then-new'
import { newInRole } from './new-in-role'
import { newHome } from './new-home'
import { baseSwapped, newBase } from './new-base'
import { newWorkplace, withDetailsKept } from './new-workplace'
import { newAge } from './new-age'
import { newShift } from './new-shift'
import { movedText, namedMove, namedMoved } from './named-moved'
import { sameKindOfThing } from './same-kind-of-thing'
import { namedThings } from '../understanding/kinds-of-things'
import { formSwapped, roleSwapped, swappedValue } from './value-swap'
import { stepToward } from './step-toward'
import { stepTowardFix } from '../understanding/arranged'
import { dayNearOldDue } from './amend-date'
import { restatedWhen } from './restated-when'
import { newValueOnly } from './new-value-only'
import { justSaid } from './just-said'
import { topicTarget } from './topic-target'
import { moreTime } from './more-time'
import { formValues } from '../understanding/value-forms'

type ItemOf<K extends MemoryItem['kind']> = Extract<MemoryItem, { kind: K }>

/** The subject an item is about: its own field, or a preference's key. */
export function subjectOf(item: MemoryItem): string | null {
  const { extras } = itemExtras(item)
  if (extras.subject) return extras.subject
  return item.kind === 'preference' &&
    !/^(?:likes|dislikes|note|answer style):/u.test(item.key) &&
    item.key !== 'answer style'
    ? item.key
    : null
}

/** Validates before writing: nothing is stored that would be quarantined when read back. */
/** Writes through the document model's checked write (an item that would not read back is a bug). */
function put(doc: Y.Doc, item: MemoryItem): Result<MemoryItem> {
  putMemoryItem(doc, item)
  return ok(item)
}

const CATEGORIES: [RegExp, string][] = [
  [/^(?:employer|job|manager|team)$/u, 'work'],
  [/^(?:home|hometown|birthplace|moving to)$/u, 'home'],
  [/^(?:name|age|birthday|address)$/u, 'identity'],
  [/^diet$/u, 'health and diet'],
  [/ time$/u, 'schedule'],
  [/^timezone$/u, 'timezone'],
  [/^(?:choice|uses):/u, 'choices'],
  [/^favorite /u, 'favorites'],
]

function categoryOf(c: Capture): string {
  if (c.kind === 'task' || c.kind === 'issue') return c.kind
  if (c.subject) for (const [re, cat] of CATEGORIES) if (re.test(c.subject)) return cat
  if (
    /\b(?:allerg|eat|gluten|dairy|intoleran|vegan|vegetarian|diet|medication|asthma|diabet)/iu.test(
      c.text,
    ) ||
    /\b(?:must not|should not|not allowed to|not supposed to) have\b/iu.test(c.text)
  )
    return 'health and diet'
  if (c.key?.startsWith('answer style')) return 'answer style'
  if (c.subject) return 'people'
  return c.kind === 'preference' ? 'likes' : 'general'
}

/** A new item for a capture, stamped with who and when. */
function itemFor(c: Capture, ctx: ChangeContext): MemoryItem {
  const extras: ItemExtras = {}
  if (c.subject) extras.subject = c.subject
  if (c.value) extras.value = c.value.slice(0, 500)
  if (c.due) extras.due = c.due
  if (c.schedule) extras.schedule = c.schedule
  const base = { ...newItem(ctx, c.text, categoryOf(c)), ...extras }
  switch (c.kind) {
    case 'fact':
      return { ...base, kind: 'fact' }
    case 'preference':
      return {
        ...base,
        kind: 'preference',
        key: c.key ?? c.subject ?? `note: ${normalize(c.text).slice(0, 80)}`,
        value: c.value ?? c.text,
      }
    case 'task':
      return { ...base, kind: 'task', taskStatus: c.done ? 'done' : 'in_progress', lastAction: '' }
    case 'issue':
      return { ...base, kind: 'issue', resolvedAt: null }
  }
}

const wordIn = (needle: string, hay: string): boolean => {
  const n = normalize(needle)
  return n !== '' && ` ${normalize(hay)} `.includes(` ${n} `)
}

const latest = (items: MemoryItem[]): MemoryItem | undefined =>
  [...items].sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]

/** Words that say a value held before and no longer does ("I'm at Kestrel now", "sold the Civic"). */
const CHANGE_SAID =
  /\b(?:now|anymore|any more|no longer|new|switched|switching|moved|changed|instead|retired|sold|traded|left|quit|promoted|these days|from next|since last)\b/iu

/** A new place of work told as news: "started at Guy's this week, same role", "joined Monzo in May". */
const JOINED =
  /\b(?:started|starting|joined|joining|same (?:role|job|position)|got (?:the|a|that) (?:new )?(?:job|position|post|role))\b/iu

/**
 * "I'm at Kestrel now" after "I'm a mechanical engineer at Ostrander Pumps": a new employer said as
 * a change replaces the work item that named the old one, whether it was filed as job or employer.
 */
function formerWork(current: MemoryItem[], c: Capture, message: string): MemoryItem | undefined {
  if (
    (c.subject !== 'employer' && c.subject !== 'job') ||
    !(CHANGE_SAID.test(message) || JOINED.test(message))
  )
    return undefined
  return latest(
    current.filter(
      (i) =>
        i.kind === 'fact' &&
        (subjectOf(i) === 'employer' ||
          ((subjectOf(i) === 'job' || subjectOf(i) === null) &&
            // "I am backend dev at Northwind Traders", filed without a subject, is work too.
            (subjectOf(i) === 'job' || /^I\s+(?:am|work)\b/u.test(i.text)) &&
            !MY_RELATION.test(i.text) &&
            /\b(?:at|for|with|in)\s+(?:(?:the|an?)\s+)?\p{Lu}/u.test(i.text))),
    ),
  )
}

/** Names, numbers and codes in a text: the words that tell one value from another. */
const distinctive = (text: string): string[] =>
  // A capital after a sentence's end ("CET. No wait") starts a sentence; it names nothing.
  [...text.matchAll(/(?<=[^\s.!?]\s+)\p{Lu}[\p{L}\p{N}'’-]+|\b[\p{L}]*\p{N}[\p{L}\p{N}]*\b/gu)]
    .map((m) => m[0].replace(/['’]s$/u, ''))
    .filter(
      (w) =>
        w.length >= 2 &&
        !/^(?:I|I'm|I've|I'll|I'd|No|Not|Yes|Wait|Actually|Sorry|Oops|It|It's|The|And|But|So|Ok|OK|Okay)$/u.test(
          w,
        ),
    )

/**
 * "not Varga anymore — I switched to Dr. Lindqvist", "traded the Yamaha in for a Triumph": the
 * message names the old value (a name or number the new statement itself does not hold) and says
 * it changed; the one current item of that kind holding it is what the statement replaces.
 */
function namedOld(current: MemoryItem[], c: Capture, message: string): MemoryItem | undefined {
  if (!(c.correction || CHANGE_SAID.test(message))) return undefined
  const own = new Set(distinctive(c.text).map((w) => w.toLowerCase()))
  const old = distinctive(message).filter((w) => !own.has(w.toLowerCase()))
  if (old.length === 0 || own.size === 0) return undefined
  const holding = current.filter(
    (i) =>
      (i.kind === c.kind ||
        (c.kind !== 'task' && c.kind !== 'issue' && i.kind !== 'task' && i.kind !== 'issue')) &&
      old.some((w) => wordIn(w, i.text)),
  )
  return holding.length === 1 ? holding[0] : undefined
}

/**
 * The current item a capture replaces, if any. Unless the old value is named ("not Samantha"), one
 * more of a thing ("a second class on Fridays too") replaces nothing, and what is about one of the
 * speaker's people never replaces what is about another ("my son's football" and "my daughter's").
 */
function replaced(current: MemoryItem[], c: Capture, message: string): MemoryItem | undefined {
  const found = candidate(current, c, message)
  if (!found || c.replaces) return found
  return addsOne(c.text) || (otherOwner(c.text, found.text) && !ownSubject(c, found))
    ? undefined
    : found
}

/** What the speaker holds one of at a time, whoever else a statement of it names. */
const OWN_SUBJECT = /^(?:home|employer|job)$/u
/** Both of the speaker's own home, employer or job, as they said it ("I live in…", "We rent…"). */
const ownSubject = (c: Capture, i: MemoryItem): boolean =>
  c.subject !== null &&
  OWN_SUBJECT.test(c.subject) &&
  subjectOf(i) === c.subject &&
  [c.text, i.text].every((t) => /^(?:I|We)\b/u.test(t))

/** Same subject, or the value it says no longer holds. */
function candidate(current: MemoryItem[], c: Capture, message: string): MemoryItem | undefined {
  // "scratch that about IT support, …": what the correction says it is about, said outright.
  const topic = topicTarget(current, message)
  if (topic) return topic
  // "gave me an extension til monday for the coursework": the task given more time.
  const extended = moreTime(current, c)
  if (extended) return extended
  if (c.subject) {
    // Another person's item under the same subject is not this one; theirs may come later. Where
    // the speaker lives or works is theirs whoever is named with it ("I live in Chorlton with my
    // partner" … "we moved to Leeds to be near mum").
    const same = current.find(
      (i) => subjectOf(i) === c.subject && (!otherOwner(c.text, i.text) || ownSubject(c, i)),
    )
    if (same) return same
  }
  const work = formerWork(current, c, message)
  if (work) return work
  const thing = sameKindOfThing(current, c, message)
  if (thing) return thing
  // "answer style: general" gathers requests about different things: one thing not to do ("no
  // bread suggestions") does not replace another ("don't book me anything before 10").
  const forbids = (t: string): boolean => /\b(?:don't|do not|never|no)\b/iu.test(t)
  const twoDonts = (i: MemoryItem): boolean =>
    c.key?.endsWith(': general') === true && forbids(c.text) && forbids(i.text)
  if (c.kind === 'preference' && c.key) {
    const same = current.find((i) => i.kind === 'preference' && i.key === c.key && !twoDonts(i))
    if (same) return same
  }
  // "his name's actually Barry": "actually" inside the sentence corrects as much as before it.
  const actually = /\bactually\b/iu.test(c.text)
  const moved = MOVED.test(c.text) || BARE_MOVE.test(c.text)
  const changed =
    c.correction || actually || CHANGED.test(c.text) || moved || MISTAKEN.test(message)
  if (changed && c.subject?.endsWith(' time')) {
    // "The gym moved my class to Wednesdays", "piano's on Thursdays now" after "Lily has piano
    // lessons on Wednesdays": the same kind of event, named a little differently.
    const eventWords = (s: string): string[] =>
      s
        .slice(0, -' time'.length)
        .split(' ')
        .filter((w) => !TIME_SUBJECT_FILLER.test(w))
    const words = eventWords(c.subject)
    const same = current
      .filter((i) => {
        const s = subjectOf(i)
        return (
          s?.endsWith(' time') &&
          !otherOwner(c.text, i.text) &&
          eventWords(s).some((w) => words.includes(w))
        )
      })
      .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
    if (same) return same
  }
  if (c.replaces === '*switch*') {
    // No item names another thing of the new one's kind (above): a well-known thing replaces
    // nothing, and an unknown one only the latest choice that is not a well-known thing of
    // another kind ("switched to Qdrant" never retires "I use Monzo").
    if (namedThings(c.text).length > 0) return undefined
    const last = current
      .filter((i) => i.kind === 'preference' && /^(?:choice|uses|leaning):/u.test(i.key))
      .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
    if (last && namedThings(last.text).length === 0) return last
    // "scratch Math-U-See, we switched to Saxon": or the one item holding the old one it names.
    return namedOld(current, c, message)
  }
  if (c.replaces) {
    // "Correction: Jake's allergy is to peanuts, not tree nuts", read as a task: the fact it names.
    const named = current.filter(
      (i) =>
        (i.kind === c.kind || (i.kind !== 'task' && i.kind !== 'issue')) &&
        wordIn(c.replaces!, i.text),
    )
    if (named.length > 0) return named.sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
    // "we moved from Jira to Linear" when nothing held Jira: a switch replaces what it names, or
    // nothing — not whatever else holds a value of the same form.
    if (c.key?.startsWith('uses:')) return undefined
  }
  const lost =
    goneNamed(current, c, message) ??
    newInRole(current, c, message) ??
    newHome(current, c, message) ??
    newWorkplace(current, c, message) ??
    newAge(current, c) ??
    newShift(current, c) ??
    namedMoved(current, c)
  if (lost) return lost
  const renewed = (c.kind === 'fact' || c.kind === 'preference') && /\bnew\b/iu.test(c.text)
  if (changed || NEW_AMOUNT.test(c.text) || RESTATED.test(c.text) || renewed) {
    // "the flat is 41B", "lessons moved to thursdays", "new timetable, school run is 8:05": the
    // item holding the old value of that form.
    const formed = sameFormTarget(current, {
      text: c.text,
      kind: c.kind,
      subject: c.subject,
    })
    if (formed) return formed
  }
  // "the recital's on the 14th now" days after "Mia's dance recital is the 7th": a day, date or
  // time said again for what one fact names, naming nothing new, is its new value.
  const restated = restatedWhen(current, c)
  if (restated) return restated
  if (changed) {
    const corrected = c.correction || actually || moved || MISTAKEN.test(message)
    // "the delivery van is the Transit now": "now" closing the news says the thing named changed,
    // though less surely than a correction, so the one noun it shares must not be a name or a code
    // ("now" inside a sentence, "now it says…", cost a true memory on a blind corpus).
    const now = !corrected && /\bnow[\s.!]*$/iu.test(c.text)
    // A person named in both counts as the same thing only when a mistake is said outright.
    const outright = c.correction || actually || MISTAKEN.test(message)
    const same = sameTopic(current, { ...c, correction: corrected || now }, message, now, outright)
    if (same) return same
  }
  return (
    namedOld(current, c, message) ?? newBase(current, c, message) ?? contradicted(current, c.text)
  )
}

const NEGATION = /\b(?:not|never|no longer|cannot|can't|don't|doesn't|isn't|aren't|won't)\b/giu
const clauses = (text: string): string[] =>
  text.split(/\s*(?:[,;]|\bbut\b|\band\b)\s*/iu).filter((c) => c.trim() !== '')
/** How it came to light, not what it says: "turns out I'm not allergic to penicillin after all". */
const FOUND_OUT =
  /\b(?:turns out|turned out|it turns out|apparently|after all|it seems|seems like|so it seems)\b/giu

/** A clause's content words without its negation, and whether it is negated. */
function polarity(clause: string): { words: string; negated: boolean } {
  const negated = (clause.match(NEGATION) ?? []).length % 2 === 1
  const words = contentLemmas(clause.replace(NEGATION, ' ').replace(FOUND_OUT, ' '))
    .filter((w) => !/^(?:anymore|any|more|actually|do|does|really|now)$/u.test(w))
    .sort()
    .join(' ')
  return { words, negated }
}

/**
 * "I don't eat pork" … "actually I do eat pork": a statement that says the opposite of a current
 * fact or preference, clause for clause with the same words, replaces it.
 */
function contradicted(current: MemoryItem[], text: string): MemoryItem | undefined {
  const said = clauses(text)
    .map(polarity)
    .filter((p) => p.words.split(' ').length >= 2)
  if (said.length === 0) return undefined
  return current
    .filter((i) => i.kind === 'fact' || i.kind === 'preference')
    .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
    .find((i) =>
      clauses(i.text)
        .map(polarity)
        .some((p) => said.some((q) => q.words === p.words && q.negated !== p.negated)),
    )
}

/** Words of a schedule's subject that name no event ("has piano time", "the gym time"). */
const TIME_SUBJECT_FILLER =
  /^(?:has|have|had|the|a|an|my|our|his|her|their|is|are|go|going|goes|started|start|starting|get|got|do|does|doing)$/iu

/** What was said before was misread or mixed up: "I read the letter wrong", "I misread it". */
const MISTAKEN =
  /\b(?:misread|misheard|mistyped|misremembered|mixed (?:it |them |those |that |the \w+ )?up|got (?:it|that|them|those|the \w+|my \w+) (?:wrong|mixed up|muddled)|read (?:it|that|the \w+) wrong|wrote (?:it|that|the \w+) wrong)\b/iu

/**
 * A correction the sentence says outright: an opener ("no wait", "sorry"), a mistake owned ("I
 * misread it"), or "actually" right after the value it gives ("8:30 actually").
 */
const saidAsCorrection = (c: Capture, message: string): boolean => {
  if (c.correction || MISTAKEN.test(message)) return true
  const first = formValues(c.text)[0]
  return (
    first !== undefined &&
    new RegExp(
      `^(?:(?:it is|it's|its|the)\\s+)?${escaped(first.text)}[\\s,]+actually\\b`,
      'iu',
    ).test(c.text)
  )
}

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')

/**
 * "exam move to 4 December", "meeting shift to Sun": a move told with the verb's bare form, as
 * people writing quickly or in a second language do; not a wish or a request ("need to move to…").
 */
const BARE_MOVE =
  /(?<!\b(?:to|will|would|wanna|want|wants|need|needs|must|should|can|could|might|may|gonna|please|pls|plz|let['’]?s|i|we|you|they)\s+)\b(?:move|shift)\s+to\b/iu

/** A change said outright ("choir's moving to Thursdays"): as good as "actually". */
const MOVED =
  /\b(?:mov(?:ed|ing|es) (?:\w+ )?to|shift(?:ed|ing|s) (?:\w+ )?to|put(?:ting)? (?:me|us) (?:on|onto)|relocat(?:ed|ing|es) (?:\w+ )?to|extended (?:\w+ )?(?:to|until|till)|swapp?(?:ed|ing) (?:\w+ )?(?:to|for)|chang(?:e|ed|ing|es) (?:\w+ )?to|switch(?:ed|ing|es) (?:\w+ )?to|push(?:ed|ing) (?:\w+ )?(?:back )?to|transferr(?:ed|ing) (?:\w+ )?to|re-?booked (?:\w+ )?(?:for|to)|now (?:on|at|in))\b/iu

/** Words that say something changed: "choir's moving to Thursdays", "I'm at Kestrel now". */
const CHANGED =
  /\b(?:now|anymore|any more|no longer|moved|moving|changed|changing|switched|switching|instead|these days|from next|rescheduled|rebooked|re-booked|rearranged|pushed|postponed|brought forward|bumped|relocated|relocating|transferred|swapped|extended|delayed|upgraded)\b|\b(?:brought|moved|pushed|put)\s+(?:[\p{L}'’]+\s+){1,3}?(?:forward|back)\b/iu

/**
 * A value said to have been changed to another, or to be changing: "she upped it to 80mg", "they
 * put the rent up to £1,450", "they're raising the rent to £1,500", "got a pay rise to £12.20".
 */
const NEW_AMOUNT =
  /\b(?:upped|rais(?:ed|ing)|increased|lowered|reduced|dropped|cut|bumped|doubled|halved|tripled|hiked|put|went|gone|goes|going|rise|rose|risen|raise|increase|hike)\b(?:\s+\S+){0,3}?\s+(?:up\s+|down\s+|back\s+)?to\s+\S*\d/iu

/**
 * A value said again, differently: "runway's more like 7 months", "launch slipped to the 19th",
 * "the 19th, not the 12th". Not what is not done yet ("have not started", "did not send it").
 */
const RESTATED =
  /\b(?:more like|closer to|only|slipped|slips|pushed|change|instead|rather|(?<!\b(?:have|has|had|do|does|did)\s+)not(?!\s+yet\b))\b/iu

/** A move to another place: "David's moving to Bristol", "they relocated to Perth". */
const RELOCATED = /\b(?:mov(?:ed|ing|es)|relocat\w*)\s+(?:\w+\s+)?to\b/iu
/** Where someone lives: "my brother Sam lives in York", "Mum's based in Ayr". */
const HOME_OF = /\b(?:lives?|living|based|stays|staying|house|flat|home)\b/iu

/**
 * A correction told about the thing rather than by its subject ("the MOT's actually due the 29th",
 * "choir's moving to Thursdays"): the one current item of the same kind that shares at least two of
 * its content words, or its one distinctive noun when said as a correction.
 */
function sameTopic(
  current: MemoryItem[],
  c: Capture,
  message: string,
  loose = false,
  byPerson = true,
): MemoryItem | undefined {
  const value = new Set(c.value ? contentLemmas(c.value) : [])
  // A day or month the capture spells out for "tomorrow" or "Thursday" was not said: "I'm on lates
  // from tomorrow" (stored as "…from Tuesday, December 8") is not about what else falls in December.
  const typed = new Set(contentLemmas(message))
  const spelt = new Set(
    formValues(c.text)
      .flatMap((v) => contentLemmas(v.text))
      .filter((w) => !typed.has(w)),
  )
  const said = new Set(
    contentLemmas(c.text).filter(
      (w) =>
        !value.has(w) &&
        !spelt.has(w) &&
        !/^(?:now|anymore|move|change|switch|actually|instead)$/u.test(w),
    ),
  )
  if (said.size === 0) return undefined
  const nouns = new Set(contentLemmas(parse(c.text).nouns().out('text') as string))
  const scored = current
    .filter((i) => i.kind === c.kind)
    .map((i) => {
      const shared = [...new Set(contentLemmas(i.text))].filter((w) => said.has(w))
      return { i, shared }
    })
    .filter((x) => x.shared.length > 0)
    .sort(
      (a, b) => b.shared.length - a.shared.length || b.i.confirmedAt.localeCompare(a.i.confirmedAt),
    )
  const best = scored[0]
  if (!best) return undefined
  if (best.shared.length >= 2 && (scored[1]?.shared.length ?? 0) < best.shared.length) return best.i
  // "David's moving to Bristol" after "my son David rings every Sunday": one person named in both
  // says whose it is, not that their move changes it — unless a mistake is said outright, or the
  // old item tells where they live ("Sam moved to Leeds" after "my brother Sam lives in York").
  const personCounts = byPerson || !RELOCATED.test(c.text) || HOME_OF.test(best.i.text)
  const people = new Set(
    personCounts
      ? []
      : contentLemmas(parse(best.i.text).people().out('text') as string).filter(
          (w) => !isRelation(w),
        ),
  )
  // "my dad's on warfarin now" after "my dad lives in Leeds": unless a mistake is said outright,
  // whose it is ("dad") does not say what it is about.
  const named = (w: string): boolean =>
    (loose && nameIn(w, best.i.text)) || people.has(w) || (!byPerson && isOwner(w))
  const noun = best.shared.find((w) => nouns.has(w) && !named(w))
  return c.correction && noun && scored.filter((x) => x.shared.includes(noun)).length === 1
    ? best.i
    : undefined
}

/** Whether `lemma` is written in `text` as a name or a code ("Lumora", "DS-160"), not a common word. */
function nameIn(lemma: string, text: string): boolean {
  return text
    .split(/[^\p{L}\p{N}'’-]+/u)
    .some(
      (w, i) =>
        w.toLowerCase().startsWith(lemma) && ((i > 0 && /^\p{Lu}/u.test(w)) || /\d/u.test(w)),
    )
}

/**
 * "Pour got pushed to Monday, the pump broke down" after "the concrete pour is Thursday": a new value
 * of something known stays what it was. A fact or preference told again is not made a task or a
 * problem by the errand or trouble said with it.
 */
function keptKind(old: MemoryItem, c: Capture): Capture {
  // "moved over to Neovim last week" after "I use VS Code for everything": a new choice is a choice.
  if (old.kind === 'preference' && c.kind === 'fact' && (c.correction || CHANGED.test(c.text)))
    return { ...c, kind: 'preference', key: old.key }
  // "no wait, the vet check-up is Thursday" after "take Biscuit for his vet check-up on Tuesday",
  // "CRO pushed the review to 1 May" after "Q2 model review's to the CRO on 24 April": the errand
  // with its new day, still to do, however the news of it was told. Only a task due by a day:
  // "guitar lessons wednesdays at 6", filed as a task with no day, was a schedule.
  if (
    old.kind === 'task' &&
    old.taskStatus !== 'done' &&
    c.kind === 'fact' &&
    ((c.correction && !CHANGED.test(c.text)) || itemExtras(old).extras.due !== undefined)
  )
    return { ...c, kind: 'task', subject: null }
  if (
    (old.kind !== 'fact' && old.kind !== 'preference') ||
    (c.kind !== 'task' && c.kind !== 'issue')
  )
    return c
  return { ...c, kind: old.kind, ...(old.kind === 'preference' ? { key: c.key ?? old.key } : {}) }
}

/**
 * Records what a person stated. Saying the same again re-confirms the item; a new value for the same
 * subject (or a correction naming the old value) supersedes the old item, which stays as history.
 */
export function recordCapture(
  doc: Y.Doc,
  c: Capture,
  ctx: ChangeContext,
  message: string = c.text,
): Result<MemoryItem> {
  const at = ctx.now.toISOString()
  const current = readMemory(doc).items.filter((i) => i.status === 'active')
  const same = current.find((i) => i.kind === c.kind && normalize(i.text) === normalize(c.text))
  if (same) return put(doc, { ...same, confirmedAt: at })
  // What this same message just filed is not an old value it corrects.
  const earlier = ctx.source
    ? current.filter((i) => i.source?.messageId !== ctx.source!.messageId)
    : current
  // "sold the Civic! got a Model 3 instead": the new value follows the loss this message told.
  const old =
    (addsOne(c.text) ? undefined : goneThisMessage(current, c, ctx.source?.messageId)) ??
    replaced(earlier, c, message) ??
    (saidAsCorrection(c, message) && !addsOne(c.text) ? justSaid(earlier, c, ctx.now) : undefined)
  // The new version of a fact holds the same thing: it keeps the subject the old one had.
  const kept = old ? keptKind(old, c) : c
  const inherited =
    old && kept.subject === null && kept.kind === 'fact' && old.kind === 'fact' && subjectOf(old)
      ? { ...kept, subject: subjectOf(old) }
      : kept
  const role = old ? roleSwapped(old, inherited, message) : null
  const swapped = old ? (role ?? swappedValue(old, inherited) ?? formSwapped(old, inherited)) : null
  // A new role where the old one was held keeps what the old item was filed under.
  const filed =
    role && old ? { ...inherited, subject: subjectOf(old) ?? inherited.subject } : inherited
  const oldDue = old ? itemExtras(old).extras.due : undefined
  // A new due date said by its day alone is that day near the old one (`dayNearOldDue`).
  const due =
    oldDue && filed.due ? (dayNearOldDue(oldDue, c.text, ctx.now) ?? filed.due) : filed.due
  // What is current says the new value only ("standup was 9:30, now it's 9:15" → "…is now 9:15").
  const told = old && !swapped ? newValueOnly(filed.text, old.text) : filed.text
  // A move at work keeps what the old item said besides where ("agency contract through StaffLine").
  const named = old ? namedMove(earlier, c) : undefined
  const moved =
    old && newWorkplace(earlier, c, message) === old
      ? withDetailsKept(told, old)
      : // Who the person is and what else the old fact told stay ("My wife Rachel moved to…").
        named && named.old === old
        ? movedText(told, old, named.name)
        : // A moved base keeps the rest of what the old item said ("a shearer out of Gore" → Balclutha).
          old && newBase(earlier, c, message) === old
          ? (baseSwapped(old.text, c.text) ?? told)
          : told
  const next = itemFor({ ...filed, due, text: swapped ?? moved }, ctx)
  if (old) {
    const oldValue = itemExtras(old).extras.value ?? (old.kind === 'preference' ? old.value : null)
    if (c.value && oldValue && normalize(oldValue) === normalize(c.value) && old.kind === c.kind)
      return put(doc, { ...old, confirmedAt: at })
    const closed = put(doc, { ...old, status: 'superseded', validTo: at, supersededBy: next.id })
    if (!closed.ok) return closed
    return put(doc, { ...next, supersedes: old.id })
  }
  if (c.kind === 'task') {
    const open = current.filter(
      (i): i is ItemOf<'task'> => i.kind === 'task' && i.taskStatus !== 'done',
    )
    const dup = open.find((t) => overlap(c.text, t.text) >= 0.8)
    if (dup) return put(doc, { ...dup, confirmedAt: at, ...(c.due ? { due: c.due } : {}) })
  }
  if (c.kind === 'issue') {
    const open = current.filter(
      (i): i is ItemOf<'issue'> => i.kind === 'issue' && i.resolvedAt === null,
    )
    const dup = open.find((t) => overlap(c.text, t.text) >= 0.8)
    if (dup) return put(doc, { ...dup, confirmedAt: at })
  }
  return put(doc, next)
}

/** The names of months and weekdays, written out or short. */
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)$/iu

/** The open item a status report refers to, by meaning ("sent the slides" → "Send the slides to Maria"). */
export function statusTarget(
  items: MemoryItem[],
  u: StatusUpdate,
  skip: ReadonlySet<string> = new Set(),
): MemoryItem | undefined {
  const open = items.filter(
    (i) =>
      holds(i) &&
      !skip.has(i.id) &&
      (u.target === 'any' ? i.kind === 'task' || i.kind === 'issue' : i.kind === u.target),
  )
  if (u.about.trim() === '' || /^(?:it|that|this|everything)$/iu.test(u.about.trim()))
    return open
      .filter((i) => i.kind === 'task')
      .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
  let best: MemoryItem | undefined
  let score = 0
  for (const item of open) {
    const s = overlap(u.about, item.text)
    if (s > score) [best, score] = [item, s]
  }
  if (score >= 0.5) return best
  // "AtW paid finally!!" for "Access to Work payment late again", "sent ch3" for "send chapter 3
  // to Alison": the one open item a short form in the report stands for.
  const short = shortForms(u.text)
  const spelt = open.filter((i) => short.some((w) => standsFor(w, i.text)))
  if (spelt.length === 1) return spelt[0]
  // "emailed Gareth" finishes "email him about the tap": the errand's own verb, done.
  if (u.status === 'done' && u.text.trim() !== '') {
    const tasks = open.filter((i) => i.kind === 'task')
    const errand = errandOf(u.text, tasks)
    if (errand) return tasks.find((t) => t.id === errand.id)
  }
  // A fix reported by its outcome names the thing, not the problem ("the boiler's working"), and a
  // job done names the thing, not the errand ("got the rego done" for "get the ute rego renewed"):
  // one shared noun is enough when exactly one open item has it.
  // Work started names the thing too ("started writing chapter 3" for "chapter 3 draft has to go
  // to Alison"); a blocker does not, it needs the item named.
  if (u.status === 'blocked') return undefined
  // A month or a day names when, not what ("booked Grace an eye exam for Feb 3" is not "file the
  // notice by Feb 1").
  const nouns = new Set(
    contentLemmas(parse(u.about).nouns().out('text') as string).filter((w) => !CALENDAR.test(w)),
  )
  const sharing = open.filter(
    (i) =>
      (u.status === 'resolved' || i.kind === 'task') &&
      contentLemmas(i.text).some((w) => nouns.has(w)),
  )
  return sharing.length === 1 ? sharing[0] : undefined
}

/**
 * Applies a status report to the open item it refers to; `not-found` when there is none. Items in
 * `skip` (already updated by another part of the same message) are not candidates.
 */
export function applyStatus(
  doc: Y.Doc,
  u: StatusUpdate,
  ctx: ChangeContext,
  skip: ReadonlySet<string> = new Set(),
): Result<MemoryItem> {
  const at = ctx.now.toISOString()
  const target = statusTarget(readMemory(doc).items, u, skip)
  if (!target) return err('not-found', `Nothing open matches "${u.about}".`)
  if (target.kind === 'task') {
    const said = u.status === 'resolved' ? 'done' : u.status
    // Booked is not done when the task was to do the thing, not to book it.
    const status = said === 'done' && stepToward(target, u.text) ? 'in_progress' : said
    return put(doc, {
      ...target,
      taskStatus: status,
      lastAction: u.text.slice(0, 500),
      confirmedAt: at,
      ...(status === 'blocked' && u.note ? { blockedBy: u.note.slice(0, 500) } : {}),
    })
  }
  if (target.kind === 'issue') {
    const fixed =
      u.status === 'resolved' || (u.status === 'done' && !stepTowardFix(target.text, u.text))
    if (fixed) return put(doc, { ...target, resolvedAt: at, validTo: at, confirmedAt: at })
    return put(doc, {
      ...target,
      confirmedAt: at,
      ...(u.note ? { blockedBy: u.note.slice(0, 500) } : {}),
    })
  }
  return err('not-found', `Nothing open matches "${u.about}".`)
}

/** Retracts the current item a person says no longer holds ("I'm not vegetarian anymore"). */
export function applyRetraction(doc: Y.Doc, r: Retraction, ctx: ChangeContext): Result<MemoryItem> {
  const current = readMemory(doc).items.filter((i) => i.status === 'active')
  let best: MemoryItem | undefined
  let score = 0
  for (const item of current) {
    const s = overlap(r.about, item.text)
    if (s > score) [best, score] = [item, s]
  }
  if (!best || score < 0.5)
    return err('not-found', `I don't have anything about "${r.about}" on record.`)
  return retractItem(doc, best.id, ctx)
}

/** Retracts the item written most recently from this conversation's messages ("scratch that"). */
export function retractLatest(doc: Y.Doc, ctx: ChangeContext, since: Date): Result<MemoryItem> {
  const latest = readMemory(doc)
    .items.filter((i) => i.status === 'active' && Date.parse(i.createdAt) >= since.getTime())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  if (!latest) return err('not-found', 'There is nothing I just saved to take back.')
  return retractItem(doc, latest.id, ctx)
}
