import type { MemoryItemView } from '../../../../shared/contract/models'
import type { MemoryItem } from '../../../../shared/schema/current'
import { itemExtras } from '../../../../shared/schema/item-extras'
import { subjectOf } from '../../memory/memory-capture'
import { holds } from '../../memory/freshness'
import { isStatement } from '../../understanding/analyze'
import { aspectOf } from '../../understanding/rules-preference'
import { isPlace, lemmas, nounLemmas, parse } from '../../understanding/nlp'
import { readsAsName } from './reads-as-name'
import { nameNear } from './name-near'
import { formatDate, spellDay } from '../../understanding/dates'
import {
  MEDICINE,
  MY_RELATION,
  RELATION_PATTERN,
  canonical,
  isJob,
  isRelation,
  kinSaid,
  topicWords,
} from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'
import type { AskWord, DueWindow, Question } from '../../understanding/types'
import { givesValueAsked } from './value-kind'
import { inPartOfLife } from './part-of-life'
import { asksWhatIsUsed, saysWhatIsUsed } from './in-use'
import { kindsAsked, namedThings } from '../../understanding/kinds-of-things'
import { loadWordKinds, type WordKinds } from './word-kinds'
import { saysWorkAt } from './works-at'
import { kindAsked } from './kind-asked'
import { hasAnswerForm } from './answer-form'
import { akin } from './akin'
import { loadWordLinks } from './word-links'
import { toSecondPerson } from './voice'
import { toldNext } from './told-next'
import { asksPronouns, givesPronouns } from './pronouns'
import { asksNow, CHANGED, saidSince } from './said-since'
import { saysHome } from './says-home'
import { pointsBackIn } from './lead-in'
import { stillSaid } from './still-said'
import { asksHowLong, saysHowLong } from './how-long'
import { asksNot, saysNot } from './asks-not'
import { kinNamed } from './kin-named'
import { upperFirst } from '../../understanding/text'
import { asksHobbies, hobbiesHeld } from './hobbies'
import { asksOwnHealth, ownHealthHeld } from './health-asked'

/** What the answerer can read: memory, and the person's own earlier words. */
export interface AnswerSources {
  views: MemoryItemView[]
  now: Date
  /** The person's earlier messages matching a query, best first, never the question itself. */
  said(query: string, k: number): Promise<SaidHit[]>
}

/** One of the person's earlier messages. */
export interface SaidHit {
  id: string
  text: string
  createdAt: string | null
}

/** A day as a person writes it ("March 4"; "March 4, 2025" in another year than `now`). */
export const day = (iso: string, now: Date): string => spellDay(iso, now)
/** When something happened, as a person says it: "today", "yesterday", "on May 18". */
export function onDay(iso: string, now: Date): string {
  const local = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((local(now) - local(new Date(iso))) / 86_400_000)
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `on ${day(iso, now)}`
}

/** Ends a reply line with a full stop unless it already ends a sentence. */
export const sentence = (s: string): string => (/[.!?]["”’)]?$/u.test(s) ? s : `${s}.`)

const isOpen = holds

/** One item as a line of an answer, in second person, with its state and caveat. */
export function describe(view: MemoryItemView, now: Date): string {
  const i = view.item
  const { extras } = itemExtras(i)
  let text = toSecondPerson(i.text)
  if (i.kind === 'task') {
    const due =
      extras.due && !text.includes(formatDate(extras.due, false, now).split(',')[1]!.trim())
        ? ` (due ${formatDate(extras.due, false, now)})`
        : ''
    const state =
      i.taskStatus === 'done'
        ? ' — done'
        : i.taskStatus === 'blocked'
          ? ` — blocked${extras.blockedBy ? `: ${toSecondPerson(extras.blockedBy)}` : ''}`
          : ''
    text = `${text}${due}${state}`
  }
  if (i.kind === 'issue' && i.resolvedAt) text = `${text} — resolved ${onDay(i.resolvedAt, now)}`
  if (i.kind === 'issue' && !i.resolvedAt && extras.blockedBy)
    text = `${text} — ${toSecondPerson(extras.blockedBy)}`
  if (view.freshness === 'needs-reverify')
    text = `${text} (last confirmed ${day(i.confirmedAt, now)} — is that still right?)`
  return text
}

const list = (views: MemoryItemView[], now: Date): string =>
  views.map((v) => `- ${describe(v, now)}`).join('\n')

/** Everything current, grouped the way a person reads it. */
function aboutMe(views: MemoryItemView[], now: Date): string {
  const open = views.filter((v) => isOpen(v.item))
  if (open.length === 0)
    return "I don't know anything about you yet. Tell me something worth remembering."
  const groups: [string, MemoryItemView[]][] = [
    ['About you', open.filter((v) => v.item.kind === 'fact')],
    ['Your preferences', open.filter((v) => v.item.kind === 'preference')],
    ['Open tasks', open.filter((v) => v.item.kind === 'task')],
    ['Open problems', open.filter((v) => v.item.kind === 'issue')],
  ]
  return groups
    .filter(([, g]) => g.length > 0)
    .map(([title, g]) => `${title}:\n${list(g, now)}`)
    .join('\n\n')
}

const dueOf = (v: MemoryItemView): string | null => itemExtras(v.item).extras.due ?? null

function dueAnswer(
  views: MemoryItemView[],
  window: DueWindow | null,
  kinds: MemoryItem['kind'][],
  now: Date,
): string {
  const open = views.filter((v) => isOpen(v.item) && kinds.includes(v.item.kind))
  const dated = open
    .filter((v) => dueOf(v) !== null)
    .sort((a, b) => dueOf(a)!.localeCompare(dueOf(b)!))
  const inWindow = window
    ? dated.filter((v) => dueOf(v)! >= window.from && dueOf(v)! < window.to)
    : dated
  const overdue = window
    ? dated.filter(
        (v) => v.item.kind === 'task' && dueOf(v)! < window.from && dueOf(v)! < now.toISOString(),
      )
    : []
  const parts: string[] = []
  if (inWindow.length > 0)
    parts.push(`${window ? `Due ${window.label}` : 'Coming up'}:\n${list(inWindow, now)}`)
  else
    parts.push(
      window
        ? `Nothing on record is due ${window.label}.`
        : 'None of your tasks has a date on record.',
    )
  if (overdue.length > 0) parts.push(`Overdue:\n${list(overdue, now)}`)
  const undated = open.filter((v) => v.item.kind === 'task' && dueOf(v) === null)
  if (inWindow.length === 0 && undated.length > 0)
    parts.push(`Open tasks without a date:\n${list(undated.slice(0, 8), now)}`)
  return parts.join('\n\n')
}

function openAnswer(
  views: MemoryItemView[],
  kinds: MemoryItem['kind'][],
  now: Date,
  about: string[] = [],
): string {
  const all = views.filter((v) => isOpen(v.item) && kinds.includes(v.item.kind))
  // "Any pet problems?", "what's broken at home?": the open items that mention it, when some do.
  const named = all.filter((v) => inPartOfLife(v.item.text, about))
  const what = kinds.includes('task') ? 'task' : 'open problem'
  // "Any pet problems?" after the cat flap was fixed: say that it was, not list other problems.
  const closed =
    about.length > 0 && named.length === 0
      ? views.filter(
          (v) =>
            v.item.status === 'active' &&
            !isOpen(v.item) &&
            kinds.includes(v.item.kind) &&
            inPartOfLife(v.item.text, about),
        )
      : []
  if (closed.length > 0)
    return `Nothing about that is open now. Closed already:\n${list(closed.slice(0, 5), now)}`
  // "Any health problems?" with no open problem naming health: what they told about that part of
  // life ("I'm coeliac") may be the answer, and so may an open problem that does not name it ("the
  // generator keeps cutting out" for "what's wrong with the truck?"), so both are given.
  const told =
    about.length > 0 && named.length === 0
      ? views
          .filter(
            (v) =>
              isOpen(v.item) &&
              (v.item.kind === 'fact' || v.item.kind === 'preference') &&
              inPartOfLife(v.item.text, about),
          )
          .sort((a, b) => b.item.confirmedAt.localeCompare(a.item.confirmedAt))
      : []
  const open = (named.length > 0 ? named : all).sort((a, b) =>
    b.item.confirmedAt.localeCompare(a.item.confirmedAt),
  )
  const aboutIt =
    told.length > 0 ? `What you told me about that:\n${list(told.slice(0, 5), now)}` : null
  if (open.length === 0)
    return aboutIt
      ? `Nothing about that is open now. ${aboutIt}`
      : nothingOpen(views, kinds, what, now)
  const openList = `${kinds.includes('task') ? "You're working on" : 'Open problems'}:\n${list(open, now)}`
  return aboutIt ? `${aboutIt}\n\n${openList}` : openList
}

/**
 * No open task (or problem): said as such, not as an empty memory, and for tasks with the problems
 * still open — so "anything I need to do?" after the last task was marked done does not read as if
 * nothing was ever said. What was done is not listed: it is not something still to do.
 */
function nothingOpen(
  views: MemoryItemView[],
  kinds: MemoryItem['kind'][],
  what: string,
  now: Date,
): string {
  const told = views.some((v) => v.item.status === 'active' && kinds.includes(v.item.kind))
  const problems = kinds.includes('task')
    ? views
        .filter((v) => isOpen(v.item) && v.item.kind === 'issue')
        .sort((a, b) => b.item.confirmedAt.localeCompare(a.item.confirmedAt))
    : []
  if (!told && problems.length === 0)
    return `I don't have any ${what}s on record. Tell me what you're working on or what's in your way.`
  const none = kinds.includes('task')
    ? `I don't have any open tasks on record${told ? ': everything you told me about is done' : ''}.`
    : `I don't have any open problems on record${told ? ': every problem you told me about is resolved' : ''}.`
  return problems.length > 0 ? `${none}\nOpen problems:\n${list(problems, now)}` : none
}

/**
 * A fact that says something is held up ("the permit is stuck with the council", "can't order the
 * tiles until the plasterer's been"): filed as a fact, it still answers "what's blocking me?".
 */
const HELD_UP =
  /\b(?:waiting|until|till|held up|holding\s+(?:\w+\s+)?up|blocked|blocking|depends on|stuck)\b/iu

function blockedAnswer(views: MemoryItemView[], now: Date): string {
  const blocked = views.filter(
    (v) =>
      isOpen(v.item) &&
      ((v.item.kind === 'task' &&
        (v.item.taskStatus === 'blocked' || /\bwaiting\b/iu.test(v.item.text))) ||
        v.item.kind === 'issue' ||
        (v.item.kind === 'fact' && HELD_UP.test(v.item.text))),
  )
  if (blocked.length === 0)
    return "Nothing is blocking you, as far as I know: I don't have a blocked task or an open problem on record."
  return `What's in your way:\n${list(blocked, now)}`
}

/**
 * A question about how something stands: whether it still holds, got fixed or done, what came of
 * it, how it is ("how's my back?", "how did the interview go?", "did the deposit go through?").
 */
const HOW_IT_STANDS =
  /^(?:how(?:'s| is| are| was| were| did)|did|has|have)\s|\b(?:(?:go|goes|gone|went|come|comes|came)\s+(?:through|in|off|ahead)|arrived?|still|fixed|sorted|working|broken|happened|happening|news|done|finished|resolved|ok|okay|alright|going on|go with|get on|ever)\b/iu

/** A question about what happened: "what got stolen?", "what was wrong with the car?". */
const ASKED_PAST = /^(?:what|who|which|where|when)\s+(?:got|was|were|did)\b/iu

/** Saying how the person wants to be called. */
const CALLED =
  /\b(?:call(?:s|ing)?\s+me|be\s+called|go(?:es)?\s+by|address(?:es|ed)?\s+me|refer\s+to\s+me\s+as)\b/iu

/** "What should you call me?", "how do I want to be addressed?": not "what's my name?". */
const asksHowCalled = (q: Extract<Question, { type: 'lookup' }>): boolean =>
  q.subjects.includes('address') && /\b(?:call|address|refer to)\b/iu.test(q.text)

/** Words that say what is wanted about a thing, not which thing ("name", "called", "when"). */
const SOFT =
  /^(?:name|names|called|call|zone|problem|problems|issue|issues|trouble|task|tasks|plan|plans|deal|situation|status|update|pattern|preference|preferences|time|times|day|days|date|dates|much|many|long|often|kind|sort|type|like|go|going|usually|again|exactly|old|new|current|currently|now|today|still|there|thing|things)$/u

/**
 * The names in a question, lower-cased: a capitalised word other than the first that is someone's
 * ("Lou's birthday") or reads as a person's name ("where does Theo work?"), not a language or an
 * acronym ("my Portuguese tutor", "the CI problem").
 */
const properNames = (text: string): string =>
  [...text.matchAll(/(?<!^)\b(\p{Lu}[\p{L}'’-]+)/gu)]
    .map((m) => m[1]!)
    .filter(
      (w) =>
        w !== 'I' &&
        (/['’]s$/u.test(w) || parse(w).has('#Person')) &&
        !/^[\p{Lu}]+$/u.test(w.replace(/['’]s$/u, '')),
    )
    .map((w) => w.toLowerCase())
    .join(' ')

/**
 * "What's my business called?" wants a name: an item that gives one (its subject is a name, it says
 * "called"/"named", or it holds a proper name the question does not), not one that only mentions
 * the business.
 */
function givesName(v: MemoryItemView, q: Extract<Question, { type: 'lookup' }>): boolean {
  if (answersKind(v.item.text, q.text, subjectOf(v.item) ?? '')) return true
  // A name typed in lower case ("my supervisor is dr patel") is still a name.
  return /\b(?:called|named|name)\b/iu.test(q.text) && readsAsName(v.item.text)
}

/**
 * Whether a text can give what kind of thing the question wants: an amount for "how many/much",
 * a name for "what's X called?" (a name subject, "called"/"named", or a proper name the question
 * does not already hold).
 */
function answersKind(text: string, question: string, subject: string): boolean {
  // "How many leave days have I left?" is not answered by "off from the 18th Dec until 4 Jan": a
  // day of the month or a time of day is no count.
  const counted = /\bhow (?:many|much)\b/iu.test(question) ? withoutDates(text) : text
  if (
    /\bhow (?:many|much|long|far|old|tall|heavy|big)\b/iu.test(question) &&
    // "How long should your answers be?" wants a length in words ("short", "detailed").
    !/\bhow long\b.*\b(?:answers?|replies|reply|responses?|messages?|explanations?)\b/iu.test(
      question,
    ) &&
    !/\b\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen|half|a few|several)\b/iu.test(
      counted,
    )
  )
    return false
  // "how much do my lessons cost?" wants money, "how much does Biscuit weigh?" a weight: a time
  // ("at 6") or an age ("she is 6") does not answer.
  if (
    /\bhow much\b.*\b(?:cost|costs|costing|pay|paid|paying|price|charge|charges|charging|charged|spend|spending|owe|owing|earn|earning|make|making|rent|fee|fees)\b/iu.test(
      question,
    ) &&
    !/[£$€¥₹]|\b\d[\d,.]*\s*(?:k|grand|quid|bucks|dollars?|euros?|pounds?|rand|naira|rupees|pesos|usd|eur|gbp|aud|cad|mxn|inr|zar)\b|\b(?:free|nothing)\b/iu.test(
      text,
    )
  )
    return false
  if (
    /\bhow (?:much|heavy)\b.*\bweigh/iu.test(question) &&
    !/\b\d[\d.,]*\s*(?:kg|kilos?|lbs?|pounds?|stone|st|g|grams)\b/iu.test(text)
  )
    return false
  // "what's my licence number?", "the gate code?": a value with digits in it, not a date ("when
  // does the car registration need doing?" asks for a date).
  if (
    !/^\s*(?:when|where|who|why|by when|how come)\b/iu.test(question) &&
    /\b(?:number|pin|id|reg|registration|plate|extension)\b|\b(?:gate|door|access|alarm|wifi|wi-fi|entry|post|zip|postal|area|promo|discount|booking|confirmation|tracking|reference|ref|lock|locker|safe)\s+code\b|\bcode\s*\??$/iu.test(
      question,
    ) &&
    !/\b(?:what|which|how)\s+(?:number|numbers)\b/iu.test(question) &&
    !/(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}+-]{2,}/u.test(
      text.replace(/\b\d{1,2}(?:st|nd|rd|th)?\b/gu, ''),
    )
  )
    return false
  if (
    !/\b(?:called|named|name)\b/iu.test(question) ||
    /\b(?:my name|call me|am I called)\b/iu.test(question)
  )
    return true
  if (subject.endsWith(' name') || /\b(?:called|named|name|name's)\b/iu.test(text)) return true
  const asked = question.toLowerCase()
  // A capitalised word after "in", "near" or "from" is where, not what it is called.
  const names = [
    ...text.matchAll(
      /(?<!^)(?<!\b(?:in|near|from|to|outside|around|at|the)\s)\b\p{Lu}[\p{L}'’.-]+/gu,
    ),
  ].filter(
    (m) =>
      !asked.includes(m[0].toLowerCase()) && m[0] !== 'I' && !isPlace(m[0]) && !CALENDAR.test(m[0]),
  )
  // The name given must be of what is asked about, not of someone beside it in the sentence.
  return (
    names.length > 0 &&
    nameNear(
      text,
      names.map((m) => text.slice(0, m.index).split(/\s+/u).length - 1),
      question,
    )
  )
}

/** A text without its dates and times of day ("the 18th", "4 Jan", "at 3pm", "10:30", "2027"). */
const withoutDates = (text: string): string =>
  text
    .replace(
      /\b\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/giu,
      ' ',
    )
    .replace(
      /\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b/giu,
      ' ',
    )

/** A day's or a month's name, capitalised without naming anyone ("Monday the 3rd"). */
const CALENDAR =
  /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$/iu

/**
 * What an item is about, for answering: its subject, and for a wish about how to answer ("I want no
 * small talk in replies", filed under "answer style") that it is about answer style — so "what is
 * my preferred reply style?" finds it though the wish does not say "style".
 */
const aboutOf = (item: MemoryItem): string | null =>
  subjectOf(item) ??
  (item.kind === 'preference' &&
  (item.key.startsWith('answer style') ||
    // "Bullet points please, walls of text = I stop reading", kept as a note.
    (item.key.startsWith('note:') && aspectOf(item.text) !== 'general'))
    ? 'answer style'
    : null)

/** Whether an item's subject is one the question asks for ("employer" for "where do I work?"). */
function subjectMatch(v: MemoryItemView, q: Extract<Question, { type: 'lookup' }>): boolean {
  const subject = subjectOf(v.item)
  return (
    subject !== null &&
    q.subjects.some(
      (want) =>
        subject === want || subject.startsWith(`${want} `) || want.startsWith(`${subject} `),
    )
  )
}

/**
 * "What do I do for a living?" is answered by "day job is pharmacist at the big Boots", filed
 * without a subject: a fact about the person that names a job.
 */
function namesTheirJob(
  v: MemoryItemView,
  q: Extract<Question, { type: 'lookup' }>,
  kinds: WordKinds,
): boolean {
  const i = v.item
  return (
    (q.subjects.includes('job') || q.subjects.includes('employer')) &&
    !q.subjects.some((x) => isRelation(x)) &&
    i.kind === 'fact' &&
    !/^(?:my|our)\s+(?!(?:day|main|full-time|part-time|side)\s+job\b)/iu.test(i.text) &&
    /^(?:I|my|I['’]?m)\b|\b(?:day job|main job)\b/iu.test(i.text) &&
    (namesAJob(i.text) ||
      saysWorkAt(i.text, kinds) ||
      // "what do I study?" asks the course, not the Saturday job.
      (WORKS_FOR.test(i.text) && !/\b(?:study|studying|course|degree|major)\b/iu.test(q.text)))
  )
}

/**
 * "What meds is he on?" — "he is on Cytopoint injections once a month": an item that says a
 * medicine is taken (a dose, tablets, injections) or names one ("naproxen doesn't agree with me")
 * answers a question about medication, whatever other words it shares with the question.
 */
function namesTheirMedicine(v: MemoryItemView, q: Extract<Question, { type: 'lookup' }>): boolean {
  const t = v.item.text
  return (
    q.subjects.includes('medication') &&
    ((/\b(?:take|taking|takes|on|prescribed|mg|tablets?|pills?|inhaler|injections?|meds|medication)\b/iu.test(
      t,
    ) &&
      /\b(?:\d+\s?mg|tablets?|pills?|inhaler|injections?|meds|medication|prescribed|daily|twice|once a day|a day)\b/iu.test(
        t,
      )) ||
      MEDICINE.test(t))
  )
}

/** Ways of getting in touch with someone. */
const CHANNEL =
  /\b(?:e-?mails?|emailing|texts?|texting|sms|calls?|calling|phone|phoning|ring|whatsapp|messages?|messaging|voicemail|dms?)\b/iu

/** Where the person now is, said as a move or a whereabouts rather than with "live". */
const MOVED_IN =
  /^(?:I|[Ww]e)\s+(?:(?:have|'ve|just|finally|recently|now|all)\s+)*(?:moved|relocated)\s+(?:back\s+|over\s+)?(?:to|into)\s+(?:the\s+)?\p{Lu}|^(?:I|[Ww]e)\s+(?:am|are|'m|'re)\s+(?:now\s+|living\s+|based\s+|settled\s+)*in\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s*(?:now\b|,|$)/u

/** A day of the week or the weekend, as a day off is said. */
const WEEKDAY =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?|s)?\b|\bweekends?\b/iu

/** The person saying where they live: "I live in Cathays", "we're living out in Aberdyfi". */
const LIVES =
  /^(?:I|[Ww]e)\s+(?:(?:still|now|currently|both|all|just|am|are|'m|'re)\s+)*liv(?:e|ing)\b/u

/** Places of work named by what they are ("a secondary school", "the local hospital"). */
const WORKPLACE =
  '(?:an?\\s+|the\\s+|our\\s+|my\\s+)(?:[\\p{L}-]+\\s+){0,2}(?:school|college|university|uni|hospital|clinic|surgery|practice|firm|company|agency|bank|shop|store|supermarket|restaurant|caf[eé]|bar|pub|hotel|factory|warehouse|depot|office|council|charity|nursery|academy|garage|salon|lab|laboratory|start-?up|studio|care home|pharmacy|library|museum|prison|airport|farm|bakery|call cent(?:re|er)|plant|site|trust)\\b'

/**
 * "I drive a delivery van for DPD", "I teach maths at Hillcrest", "I teach chemistry at a secondary
 * school", "I am the chaplain at St Brannoc's": work done for somewhere named, or for a place of work
 * named by what it is.
 */
const WORKS_FOR = new RegExp(
  `^I\\s+(?:am|'m)\\s+(?:an?|the)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:at|for|with)\\s+(?:the\\s+)?\\p{L}|^I\\s+(?:\\w+\\s+){0,2}?(?:drive|deliver|teach|clean|cook|code|design|build|nurse|manage|run|work|volunteer|freelance|contract|consult|intern|temp|write|sell|fix|repair|care|look after|start)\\w*\\b[^.]*?\\b(?:for|at|with|in)\\s+(?:(?:the\\s+)?\\p{Lu}|${WORKPLACE})`,
  'u',
)

/**
 * Whether a text names a job among the few words after "a", "is", "as" ("my partner Jess is a
 * paramedic", "she's the practice manager"); a capitalised word is a name, not a job.
 */
const namesAJob = (text: string): boolean =>
  [
    ...text.matchAll(
      /\b(?:a|an|as|is|am|I'm|Im|made me|promoted to|became|become)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu,
    ),
  ].some((m) => m[1]!.split(/\s+/u).some((w) => !/^\p{Lu}/u.test(w) && isJob(w)))

/**
 * How strongly an item answers a lookup question. `words` has one set per word of the question: its
 * forms and the words its topic stands for.
 */
function score(
  v: MemoryItemView,
  q: Extract<Question, { type: 'lookup' }>,
  words: Set<string>[],
  close: (asked: string, have: string) => boolean,
  ofKind: (v: MemoryItemView) => boolean,
  kinOf: (text: string) => string[],
  housed: (text: string) => boolean,
  kinds: WordKinds,
): number {
  const i = v.item
  let s = 0
  const subject = subjectOf(i)
  if (subject) {
    q.subjects.forEach((want, n) => {
      if (subject === want || subject.startsWith(`${want} `) || want.startsWith(`${subject} `))
        s = Math.max(s, 10 - n)
    })
  }
  // "What food do I dislike?" asks for a dislike: what they eat or cannot eat is a weaker answer.
  const polarity =
    (q.subjects.includes('likes') || q.subjects.includes('dislikes')) && !describing(q.text)
  if (q.subjects.includes('diet') && i.category === 'health and diet')
    s = Math.max(s, polarity ? 5 : 9)
  if (namesTheirJob(v, q, kinds)) s = Math.max(s, 7)
  // "What should you call me?" — "I prefer to be called Mrs Ellison", before "my name is Margaret".
  if (asksHowCalled(q) && CALLED.test(i.text)) s = Math.max(s, 11)
  if (givesValueAsked(q.text, i.text) === true) s = Math.max(s, 9)
  // "What are my pronouns?" — "I'm Theo (he/him)", "use they/them for me".
  if (asksPronouns(q.text) && givesPronouns(i.text)) s = Math.max(s, 9)
  if (q.subjects.includes('timezone') && i.kind === 'preference' && /timezone/u.test(i.key))
    s = Math.max(s, 9)
  if (
    q.subjects.includes('choice') &&
    i.kind === 'preference' &&
    /^(?:leaning|choice|uses):/u.test(i.key)
  )
    s = Math.max(s, 6)
  if (namesTheirMedicine(v, q)) s = Math.max(s, 8)
  // "Where do I live?" — "we moved to Wymondham last weekend", "I'm in Phibsborough now".
  // "I got a room in Splott now", "I rent a tiny apartment in Kutchan": a home said by what it is.
  if (q.subjects.includes('home') && i.kind === 'fact' && (MOVED_IN.test(i.text) || housed(i.text)))
    s = Math.max(s, 9)
  // "How should people contact me?" — "email or text only", "I hate early morning calls, text me".
  if (q.subjects.includes('contact') && i.kind === 'preference' && CHANNEL.test(i.text))
    s = Math.max(s, 9)
  if (q.subjects.includes('dislikes') && i.kind === 'preference' && /^dislikes:/u.test(i.key))
    s = Math.max(s, 4)
  if (q.subjects.includes('likes') && i.kind === 'preference' && /^likes:/u.test(i.key))
    s = Math.max(s, 4)
  if (
    q.subjects.includes('answer style') &&
    (i.category === 'answer style' || aboutOf(i) === 'answer style')
  )
    s = Math.max(s, 9)
  const have = new Set(
    [
      ...contentLemmas(i.text),
      ...kinSaid(i.text),
      ...kinOf(i.text),
      ...(subject ? subject.split(/[\s:]+/u) : []),
      // "Who do I live with?" — "I rent a flat in Kutchan with Mei": a home said is where they live.
      ...(housed(i.text) ? ['live'] : []),
      i.category,
    ].map(canonical),
  )
  let hits = 0
  let near = 0
  // Each word of the question counts once: "where's our office?" is not answered by "my team lead
  // is Halima" because "office" stands for a topic that has both "team" and "lead" in it.
  for (const g of words) {
    if ([...g].some((w) => have.has(w))) hits++
    // "diabetes" and "diabetic", "renewal" and "renew": forms of one word count for less.
    else if ([...g].some((w) => [...have].some((h) => close(w, h)))) near++
  }
  // "What music do I like?": one of the kind asked for ("jazz") counts as naming it.
  if (ofKind(v)) hits++
  s += hits * 3 + near * 2
  // "Which day don't I work?" — "I don't teach on Sundays", before "I work Monday to Saturday".
  if (asksNot(q.text) && hits + near > 0 && saysNot(i.text)) s += 3
  if (q.ask === 'when' && (itemExtras(i).extras.due || itemExtras(i).extras.schedule))
    s += hits > 0 ? 2 : 0
  if (q.ask === 'why' && (i.kind === 'issue' || (i.kind === 'task' && i.taskStatus === 'blocked')))
    s += hits > 0 ? 2 : 0
  // A task done or a problem fixed answers less well, unless how it stands is what is asked ("is
  // the boiler working?", "what happened with the visa?").
  // A problem over is still what happened, when the question asks about the past ("what got stolen
  // from the van?" after the machine was replaced).
  if (!isOpen(i) && !HOW_IT_STANDS.test(q.text) && !(i.kind === 'issue' && ASKED_PAST.test(q.text)))
    s -= 2
  // "Where do I work?", "where do I live?" ask about the person: where their husband works is
  // someone else's, however well its words match.
  if (
    q.subjects.some((x) => /^(?:employer|job|home|age|name|birthday)$/u.test(x)) &&
    !q.subjects.some((x) => isRelation(x.split(' ')[0]!)) &&
    !/\b(?:he|she|they|his|her|their)\b/iu.test(q.text) &&
    !/(?<!^)\b\p{Lu}\p{Ll}/u.test(q.text) &&
    subject !== null &&
    isRelation(subject.split(' ')[0]!)
  )
    s -= 9
  // "Maplewood is her old school", "my old job was at Tesco": not what holds now.
  if (
    !/\b(?:old|former|previous|ex|used to)\b/iu.test(q.text) &&
    (/\b(?:old|former|previous|used to)\s+(?!(?:friend|mate|pal)s?\b)\p{L}/iu.test(i.text) ||
      // "my ex-boss", "ex wife"; "figures ex VAT" is without it.
      /\b[Ee]x(?:-\p{L}|\s+\p{Ll})/u.test(i.text))
  )
    s -= 3
  return s
}

/** "What's my diet like these days?" asks what it is, not what they like. */
const describing = (question: string): boolean =>
  /^(?:what|how)(?:'s| is| are| was| were)\s+(?:my|our|the)\s+(?:[\p{L}-]+\s+){1,3}?like(?:\s+(?:these days|now|at the moment|lately|right now))?$/iu.test(
    question,
  )

/** Question words whose answer has a form of its own to check (a date, someone, a place, one of a kind). */
const GUESSED = new Set<AskWord>(['when', 'who', 'where', 'which'])

/**
 * The form an answer takes, which the question word alone does not always say: "what time am I
 * up?", "what days do I stream?", "how often do I meet my supervisor?" want a time or a day as
 * much as "when" does.
 */
const formAsked = (q: Extract<Question, { type: 'lookup' }>): AskWord =>
  q.ask === 'what' || q.ask === 'which' || q.ask === 'how'
    ? /^(?:(?:at|on)\s+)?(?:what|which)\s+(?:time|times|day|days|date|dates|night|nights|evening|evenings|morning|mornings|weekend|month|week)\b(?!\s+(?:format|zone|zones|style))|^how often\b/iu.test(
        q.text,
      )
      ? 'when'
      : q.ask
    : q.ask

/**
 * How strongly an item must match a when/who/where question to answer it though it does not say a
 * date, someone or a place: about its subject plus a word. Measured: 9 and 12 gave the same on
 * the blind corpora, 6 one question less, no floor six less.
 */
const FORMLESS_MIN = 12

/** How an answer with nothing in memory starts. */
export const NOTHING_YET = "I don't have anything about that in memory yet."
const NOTHING = (_q: string): string => `${NOTHING_YET} If you tell me, I'll remember it.`

/**
 * Answers a lookup from current memory; `further` also reads what corrections left standing and
 * guesses how long from the one item that says so — asked only when nothing else answers.
 */
async function lookup(
  q: Extract<Question, { type: 'lookup' }>,
  src: AnswerSources,
  further = false,
): Promise<string> {
  const kinds = await loadWordKinds()
  const links = await loadWordLinks()
  const asked = kindAsked(q.text)
  // "What tool did I break?" — "my multimeter died": a noun of the item that is one of the kind.
  const ofKind = (v: MemoryItemView): boolean =>
    asked !== null && nounLemmas(v.item.text).some((h) => kinds.isKindOf(h, asked))
  const past = /\b(?:before|used to|previously|former|old|originally|earlier)\b/iu.test(q.text)
  const words: Set<string>[] = []
  // A word alone lemmatises otherwise than in its sentence ("shopping" → "shop", "ielts" →
  // "ielt"); items are lemmatised in theirs, so the question's words count as read in it too.
  const inContext = new Set(contentLemmas(q.text))
  // The words as typed, not the ones their topic stands for: only these match by stem.
  const typed = new Set<string>()
  for (const w of q.words) {
    // "My SO", "the OH referral": an acronym is matched as typed, never by the word's stem or links.
    if (acronymIn(q.text, w)) {
      words.push(new Set([w]))
      continue
    }
    const forms = new Set<string>()
    typed.add(canonical(w))
    for (const l of contentLemmas(w)) {
      forms.add(canonical(l))
      typed.add(canonical(l))
    }
    for (const t of topicWords(w)) forms.add(t)
    if (inContext.has(w.toLowerCase())) forms.add(canonical(w))
    words.push(forms)
  }
  // A word as typed also reaches the words WordNet links it to ("haircut" — "hair appointment",
  // "allergic" — "allergy"); the words a topic stands for do not, or a topic would reach everything.
  const close = (k: string, h: string): boolean =>
    akin(k, h, typed.has(k)) || (typed.has(k) && links.linked(k, h))
  // "What's my dog's name?" is about the dog: an item that does not mention it cannot answer.
  const about = q.subjects.filter((x) => isRelation(x))
  // "Who's my wife?" — "my missus is Shaz": the relations asked, named in WordNet's other words.
  const relationsAsked = [
    ...new Set([
      ...about,
      ...q.words
        .filter((w) => isRelation(canonical(w)) && !acronymIn(q.text, w))
        .map((w) => canonical(w)),
    ]),
  ]
  const kinOf = (text: string): string[] => kinNamed(text, relationsAsked, kinds)
  const housed = (text: string): boolean => saysHome(text, kinds, links)
  // "He is allergic to chicken" right after "my dog Biscuit is a beagle" is about the dog.
  const pointsBackTo = pointsBackIn(src.views)
  // "How long have I been sober?" after the course day in the same sentence was corrected: what
  // the correction left standing is still current.
  const current = past || !further ? src.views : [...src.views, ...stillSaid(src.views, src.now)]
  const candidates = current.filter(
    (v) =>
      (past ? v.item.status !== 'retracted' : v.item.status === 'active') &&
      (about.length === 0 ||
        about.some((r) => {
          const subject = subjectOf(v.item) ?? ''
          return (
            subject === r ||
            subject.startsWith(`${r} `) ||
            contentLemmas(v.item.text).map(canonical).includes(r) ||
            kinSaid(v.item.text).includes(r) ||
            kinOf(v.item.text).includes(r) ||
            pointsBackTo(v, r)
          )
        })),
  )
  // What the question is specifically about ("headteacher" in "what's my headteacher's name?",
  // "Lou" in "what's Lou's birthday?"): an item that names none of it does not answer, however
  // well its other words match, unless its subject is the one asked for.
  const keys = q.words
    .filter((w) => !SOFT.test(w) && !ASKING.test(w))
    .map((w) => new Set([...contentLemmas(w).map(canonical), ...topicWords(w), canonical(w)]))
    .filter((g) => g.size > 0)
  // Names and the people the question is about must be there ("Lou", "my headteacher").
  // "Which CAT tool am I using?": a word typed in capitals is an acronym, not the cat.
  const kin = (w: string): boolean => isRelation(canonical(w)) && !acronymIn(q.text, w)
  const named = q.words
    .filter(
      (w) => !SOFT.test(w) && (kin(w) || new RegExp(`\\b${w}\\b`, 'u').test(properNames(q.text))),
    )
    .map((w) => new Set([canonical(w.replace(/['’]s$/u, ''))]))
  const namedWords = new Set(named.flatMap((g) => [...g]))
  const rest = keys.filter((g) => ![...g].some((w) => namedWords.has(w)))
  const asksJob = q.subjects.some((x) => x === 'job' || x.endsWith(' job'))
  const hitter = (v: MemoryItemView): ((g: Set<string>) => boolean) => {
    const subject = aboutOf(v.item) ?? ''
    const have = [
      ...contentLemmas(v.item.text),
      ...kinSaid(v.item.text),
      ...kinOf(v.item.text),
      ...subject.split(/[\s:]+/u),
      ...(housed(v.item.text) ? ['live'] : []),
      v.item.category,
    ]
      .map((w) => canonical(w.replace(/['’]s$/u, '')))
      .filter((w) => w !== '')
    // "What's my partner's job?" — "my partner Jess is a paramedic": naming a job is about work.
    const job = asksJob && namesAJob(v.item.text)
    return (g) =>
      (job && g.has('job')) ||
      have.some((h) => g.has(h) || [...g].some((k) => close(k, h))) ||
      (asked !== null && g.has(asked) && ofKind(v))
  }
  // Whoever the question names must be in the answer, whatever its subject ("where does Theo
  // work?" is not answered by where the person works).
  const namesThem = (v: MemoryItemView): boolean =>
    named.every((g) => hitter(v)(g) || [...g].some((w) => isRelation(w) && pointsBackTo(v, w)))
  // "What school does my daughter go to?": an item about the daughter may answer in other words.
  const aboutRelation = q.words.some(kin)
  // "What's my credit score?", "how much is my plot rent?": the noun that ends what is asked about
  // is the thing wanted; an item about the credit card or the plot does not give it. A word that
  // only says what form the value takes ("flat number", "email address") leaves it to the word
  // before.
  // "Who is the hospice's medical director?": what something of someone's or something's is called
  // ends in the thing wanted, too.
  const phrase =
    /\b(?:my|our)\s+((?:[\p{L}'’-]+\s+){1,3}[\p{L}'’-]+)\s*\??$/u.exec(q.text) ??
    /\bthe\s+((?:[\p{L}-]+['’]s\s+)(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+)\s*\??$/u.exec(q.text)
  const nouns = phrase ? phrase[1]!.toLowerCase().split(/\s+/u) : []
  if (nouns.length > 1 && VALUE_FORM.test(nouns[nouns.length - 1]!)) nouns.pop()
  const last = nouns.length > 1 ? nouns[nouns.length - 1]! : ''
  const head =
    last !== '' &&
    !SOFT.test(last) &&
    !ASKING.test(last) &&
    // In its own words' context: "my credit score" ends in a noun, "my lessons cost" in a verb.
    parse(nouns.join(' ')).terms().last().has('#Noun') &&
    // "When does my contract finish?": after "does" and whose it is comes what it does.
    !/\b(?:do|does|did|will|would|can|could|should|shall|must)\s+(?:my|our)\s/iu.test(q.text)
      ? new Set([...contentLemmas(last).map(canonical), ...topicWords(last), canonical(last)])
      : null
  const wanted = attributeAsked(q.text)
  // "What genres do I like?", "what van do I drive?": the answer names one of its kind (literary
  // fiction, a Transit), not the kind; what else the question says must still be there.
  const kind = categoryAsked(q.text)
  const theirs = categoryOfTheirs(q.text)
  // "What bike have I got?", "what car do I drive?": having or using it is what the kind says.
  const others =
    kind === null
      ? rest
      : rest.filter(
          (g) =>
            !g.has(kind) &&
            ![...g].some((w) => /^(?:get|got|have|has|own|drive|ride|use|run)$/u.test(w)),
        )
  const covers = (v: MemoryItemView): boolean =>
    (head === null || hitter(v)(head)) &&
    (wanted === null || hitter(v)(wanted)) &&
    (rest.length === 0 ||
      aboutRelation ||
      rest.some(hitter(v)) ||
      (kind !== null && (others.length === 0 || others.some(hitter(v)))) ||
      // "What school does Mia go to?" — "Mia goes to Hillcrest Primary": someone named doing what
      // the question asks, though the item does not say "school".
      (theirs !== null && named.length > 0 && lemmas(v.item.text).includes(theirs.verb)))
  // "What CI are we on?" — "we moved off Jenkins to GitHub Actions": the item need not say "CI".
  const using = asksWhatIsUsed(q.text)
  // "Who do I bank with?" — "switched to Monzo": an item naming a well-known thing of the kind
  // asked answers it; when one does, what else is used ("we use Postgres") does not.
  const thingKinds = kindsAsked(q.text)
  const ofKindAsked = (v: MemoryItemView): boolean =>
    namedThings(v.item.text).some((t) => thingKinds.includes(t.kind))
  const byKind = thingKinds.length > 0 && candidates.some(ofKindAsked)
  const inUse = (v: MemoryItemView): boolean =>
    byKind ? ofKindAsked(v) : using && saysWhatIsUsed(v.item.text)
  // "What system do we use for payroll?" is not answered by "I want you to use rand, not dollars":
  // a wish addressed to me says what I should use, not what they do ("I prefer Vim over VS Code",
  // though filed as how to answer about code, still says what they use).
  const toMe = (v: MemoryItemView): boolean =>
    using &&
    v.item.kind === 'preference' &&
    /\byou\b/iu.test(v.item.text) &&
    // "Use they/them for me" is what they are called: "what pronouns do I use?" asks for it.
    !asksPronouns(q.text) &&
    !q.subjects.includes('answer style')
  const matched = candidates
    .map((v) => ({
      v,
      s: score(v, q, words, close, ofKind, kinOf, housed, kinds) + (inUse(v) ? 4 : 0),
    }))
    .filter(
      (x) =>
        x.s >= 3 &&
        !toMe(x.v) &&
        namesThem(x.v) &&
        givesName(x.v, q) &&
        (subjectMatch(x.v, q) ||
          namesTheirJob(x.v, q, kinds) ||
          namesTheirMedicine(x.v, q) ||
          givesValueAsked(q.text, x.v.item.text) === true ||
          inUse(x.v) ||
          ((x.s >= 9 || covers(x.v)) && (head === null || covers(x.v)))),
    )
    .sort((a, b) => b.s - a.s || b.v.item.confirmedAt.localeCompare(a.v.item.confirmedAt))
  // "What food do I dislike?", "do I like spicy food?": a like or dislike of what is asked answers
  // it; what they eat, however many food words it shares, does not.
  const polarity = describing(q.text)
    ? null
    : q.subjects.includes('dislikes')
      ? 'dislikes:'
      : q.subjects.includes('likes')
        ? 'likes:'
        : null
  const liked = polarity
    ? matched.filter(
        (x) => x.v.item.kind === 'preference' && x.v.item.key.startsWith(polarity) && x.s >= 7,
      )
    : []
  // What they have or use (a fact, a choice) answers before a task or a problem that names one.
  const thingsNamed = byKind ? matched.filter((x) => ofKindAsked(x.v)) : []
  const held = thingsNamed.filter((x) => x.v.item.kind === 'fact' || x.v.item.kind === 'preference')
  const ofThatKind = held.length > 0 ? held : thingsNamed
  // How they want to be called answers "what should you call me?"; their full name does not.
  const called = asksHowCalled(q) ? matched.filter((x) => CALLED.test(x.v.item.text)) : []
  const pool =
    called.length > 0
      ? called
      : liked.length > 0
        ? liked
        : ofThatKind.length > 0
          ? ofThatKind
          : matched
  // "When do I meet my supervisor?" — "we meet every Thursday at 11", not "my supervisor is Prof.
  // Baird": when some of the items that answer say the kind of thing asked (a date, someone, a
  // place), the ones that do not are not the answer, however well their words match.
  // "Where do I live?" — "I live in Cathays", later "I got a room in Splott now": a person lives in
  // one place, the one they told last.
  const homes =
    q.subjects.includes('home') && !past && !ASKED_PAST.test(q.text)
      ? pool.filter(
          (x) =>
            x.v.item.kind === 'fact' &&
            (MOVED_IN.test(x.v.item.text) || housed(x.v.item.text) || LIVES.test(x.v.item.text)),
        )
      : []
  const lastHome = homes.reduce<(typeof homes)[number] | null>(
    (a, x) => (a === null || x.v.item.createdAt > a.v.item.createdAt ? x : a),
    null,
  )
  // Measured: only a home told as a change ("… now", "we just moved into …"); a second one told
  // plainly may be a second home.
  const newestHome = lastHome !== null && CHANGED.test(lastHome.v.item.text) ? lastHome : null
  const lived = pool.filter(
    (x) => newestHome === null || homes.length < 2 || !homes.includes(x) || x === newestHome,
  )
  const form = formAsked(q)
  /** Whether an item says what the question asks in the form asked (a place, a day, a number…). */
  const fitsForm = (item: MemoryItem): boolean =>
    hasAnswerForm(
      form,
      item.text,
      Boolean(itemExtras(item).extras.due ?? itemExtras(item).extras.schedule),
      src.now,
      q.text,
    )
  const formed = GUESSED.has(form)
    ? lived.filter((x) => homes.includes(x) || fitsForm(x.v.item))
    : []
  // When none says it either, one that shares only a word or two with the question is not the
  // answer ("where's my MOT booked?" is not answered by "MOT due on the 19th, need to book it"),
  // unless it is about what is asked ("I cook at a little Italian restaurant" for "where do I
  // work?"): one that says the kind of thing asked, or the person's own words, are looked for.
  const scored =
    formed.length > 0
      ? formed
      : GUESSED.has(form)
        ? lived.filter(
            (x) => x.s >= FORMLESS_MIN || subjectMatch(x.v, q) || namesTheirJob(x.v, q, kinds),
          )
        : lived
  // "How long have I been an instructor?" — "I been ADI for 11 years": when no item that answers
  // says how long, the one thing told that does, though it names what in other words (the
  // instructor is the person, so only a name asked must be in it).
  if (further && asksHowLong(q.text) && !scored.some((x) => saysHowLong(x.v.item.text))) {
    const lasting = candidates.filter(
      (v) =>
        v.item.status === 'active' &&
        v.item.kind === 'fact' &&
        named.every((g) => [...g].every((w) => isRelation(w)) || hitter(v)(g)) &&
        saysHowLong(v.item.text),
    )
    if (lasting.length === 1) return sentence(describe(lasting[0]!, src.now))
  }
  // "Which day don't I work?" — "I don't teach on Sundays", "never book me on a Sunday": when no
  // answer says it in the negative, the one day said in the negative answers, however the work is
  // named.
  if (asksNot(q.text) && form === 'when' && !scored.some((x) => saysNot(x.v.item.text))) {
    const off = candidates.filter(
      (v) =>
        v.item.status === 'active' &&
        namesThem(v) &&
        saysNot(v.item.text) &&
        WEEKDAY.test(v.item.text),
    )
    if (off.length === 1) return sentence(describe(off[0]!, src.now))
  }
  if (scored.length === 0) {
    // Nothing shares enough of the question: the item that shares most of what it is about and
    // says the kind of thing asked (a date for "when", someone for "who").
    const strict = q.words
      .filter((w) => !SOFT.test(w) && !ASKING.test(w))
      .map((w) => new Set([...contentLemmas(w).map(canonical), canonical(w)]))
      .filter((g) => ![...g].some((w) => namedWords.has(w)))
    const near = candidates
      .filter(
        (v) =>
          v.item.status === 'active' &&
          namesThem(v) &&
          givesName(v, q) &&
          (head === null || hitter(v)(head)) &&
          (wanted === null || hitter(v)(wanted)),
      )
      .map((v) => ({ v, hits: strict.filter(hitter(v)).length }))
      .filter(
        (x) =>
          x.hits > 0 &&
          // Measured: "what" and "how" questions guessed this way lost more "don't know"s than
          // they gained.
          GUESSED.has(form) &&
          fitsForm(x.v.item),
      )
      .sort((a, b) => b.hits - a.hits || b.v.item.confirmedAt.localeCompare(a.v.item.confirmedAt))
    if (near[0]) return sentence(describe(near[0].v, src.now))
    const quoted = await inTheirWords(q, src)
    if (quoted !== null) return quoted
    // "When is Oliver visiting?" — "Oliver's coming to stay at Easter": the one item that names
    // whom the question is about and says a date (or a place, for "where") answers it, though
    // it shares no other word. Measured: for "who" and "which" it guessed wrong as often as not.
    const byName =
      named.length > 0 && (form === 'when' || form === 'where')
        ? candidates.filter(
            (v) =>
              v.item.status === 'active' &&
              named.every((g) => hitter(v)(g)) &&
              givesName(v, q) &&
              hasAnswerForm(
                form,
                v.item.text,
                Boolean(itemExtras(v.item).extras.due ?? itemExtras(v.item).extras.schedule),
                src.now,
                q.text,
              ),
          )
        : []
    if (byName.length === 1) return sentence(describe(byName[0]!, src.now))
    return NOTHING(q.text)
  }
  const best = scored[0]!.s
  // "What hotel am I staying at in Chicago?" is not answered by "going to a conference in
  // Chicago": a fact or preference that shares one word with a question about three or more
  // things, and nothing else (no subject, no rule), is not the answer. Measured on the blind
  // corpora: a task or a problem more often is (asked about in other words), so those are offered;
  // so is one naming one of the options a question offers ("tea or coffee?" — "a coffee person").
  const top0 = scored[0]!.v
  if (
    !GUESSED.has(form) &&
    !/\bor\b/iu.test(q.text) &&
    best <= 3 &&
    (top0.item.kind === 'fact' || top0.item.kind === 'preference') &&
    keys.filter((g) => !hitter(top0)(g)).length >= 2
  )
    return (await inTheirWords(q, src)) ?? NOTHING(q.text)
  const answering = scored
    .filter((x) => x.s >= Math.max(3, best * 0.75))
    .slice(0, 5)
    .map((x) => x.v)
  // "Where's the Thwaites wedding?" — "the wedding is at Storrs Hall", later "Thwaites venue's
  // changed, it's Low Wood Bay now": when the change told since answers too, what it changed does not.
  // Measured: for "who" and "which" the change was as often of something else ("agency move me to
  // the Corby site" does not change which agency).
  const found =
    past || ASKED_PAST.test(q.text) || (form !== 'when' && form !== 'where')
      ? answering
      : answering.filter((v) => {
          const since = saidSince(v, src.views, form, src.now, q.text)
          return since === null || since === v || !answering.includes(since)
        })
  // "Where am I working now?" after "agency move me to the Corby site": what was told since, in
  // place of what it changed.
  const top = asksNow(q.text)
    ? [...new Set(found.map((v) => saidSince(v, src.views, form, src.now, q.text) ?? v))]
    : found
  // "When are my Korean lessons?" — "learning Korean", then "we do Thursdays on Zoom": when none of
  // the items that answer says the kind of thing asked, what was told right after the best one may.
  if (GUESSED.has(form) && formed.length === 0) {
    const next = toldNext(top[0]!, src.views, form, src.now)
    if (next !== null && !top.includes(next)) top.splice(1, 0, next)
  }
  const lines = top.map((v) =>
    v.item.status === 'superseded'
      ? `${describe(v, src.now)} (until ${day(v.item.validTo ?? v.item.confirmedAt, src.now)})`
      : describe(v, src.now),
  )
  if (lines.length === 1) {
    const only = top[0]!
    const prefix =
      q.ask === 'yes-no'
        ? only.item.kind === 'task' && only.item.taskStatus === 'done'
          ? 'Yes — '
          : 'From what you told me: '
        : ''
    return sentence(`${prefix}${prefix ? lowerStart(lines[0]!) : lines[0]!}`)
  }
  return `From what you told me:\n${lines.map((l) => `- ${l}`).join('\n')}`
}

/** Lower-cases a reply line's first letter for use mid-sentence, unless it starts a name or "I". */
export const lowerStart = (s: string): string =>
  /^(?:I\b|[A-Z]{2,}|Dr\b)/u.test(s) ||
  // "Anna Kowalski called": two capitals start a name; "Learning Spanish", "Sort Alfie's trip
  // payment" start with a verb.
  (/^[A-Z][a-z]+\s+[A-Z](?=[a-z])/u.test(s) && !parse(s).terms().first().has('#Verb')) ||
  // "Sam lent you 50 quid", "Mia goes to Hillcrest": a name keeps its capital.
  (/^\p{Lu}\p{Ll}+\b/u.test(s) &&
    parse(s).terms().first().has('(#Person|#FirstName|#Place|#Organization)'))
    ? s
    : s.charAt(0).toLowerCase() + s.slice(1)

/**
 * What is asked for, when the question goes on to say of what: "who is the judge on Halstead?",
 * "what's my goal time for the marathon?", "which hotel am I staying in in Chicago?" want a judge,
 * a goal time, a hotel; an item that only mentions Halstead or the marathon does not answer.
 */
function attributeAsked(question: string): Set<string> | null {
  const m =
    /^(?:(?:what|who)(?:'s|s| is| are| was| were)|which)\s+(?:(?:my|the|our)\s+)?((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)\s+(?:for|on|at|in|of|with|from|to)\b/iu.exec(
      question,
    )
  if (!m) return null
  // "Which platform am I on?" asks a platform: the words end where the verb starts.
  const all = m[1]!.toLowerCase().split(/\s+/u)
  const verb = all.findIndex((w) => /^(?:am|is|are|was|were|do|does|did|have|has|i|we)$/u.test(w))
  const words = verb < 0 ? all : all.slice(0, verb)
  while (words.length > 0 && (SOFT.test(words.at(-1)!) || VALUE_FORM.test(words.at(-1)!)))
    words.pop()
  const word = words.at(-1)
  if (
    word === undefined ||
    ASKING.test(word) ||
    /^(?:my|the|our|a|an|it|that|this|there|you|time)$/u.test(word) ||
    !parse(`my ${words.join(' ')}`)
      .terms()
      .last()
      .has('#Noun')
  )
    return null
  return new Set([...contentLemmas(word).map(canonical), ...topicWords(word), canonical(word)])
}

/** The kind of thing a question asks which one of: "what van do I drive?" → "van". */
function categoryAsked(question: string): string | null {
  const m =
    /^(?:what|which)\s+(?:kind of\s+|sort of\s+|type of\s+)?([\p{L}-]+)\s+(?:do|does|did|am|are|is|was|were|have|has)\s+(?:I|we)\b/iu.exec(
      question,
    )
  return m && !ASKING.test(m[1]!.toLowerCase()) && !SOFT.test(m[1]!.toLowerCase())
    ? canonical(m[1]!.toLowerCase())
    : null
}

/**
 * The kind a question asks which one of, for someone named, and what they do with it: "what school
 * does Mia go to?" → school, go. Null for the person's own ("what car do I drive?") or a verb that
 * says only having it.
 */
function categoryOfTheirs(question: string): { kind: string; verb: string } | null {
  const m =
    /^(?:what|which)\s+(?:kind of\s+|sort of\s+|type of\s+)?([\p{L}-]+)\s+(?:do|does|did)\s+(?:my\s+[\p{L}-]+\s+|\p{Lu}[\p{L}'’-]+\s+|(?:he|she|they)\s+)([\p{L}-]+)\b/iu.exec(
      question,
    )
  if (!m || ASKING.test(m[1]!.toLowerCase()) || SOFT.test(m[1]!.toLowerCase())) return null
  const verb = lemmas(m[2]!)[0] ?? m[2]!.toLowerCase()
  return /^(?:have|has|get|got|own|be|do|like|want|need)$/u.test(verb)
    ? null
    : { kind: canonical(m[1]!.toLowerCase()), verb }
}

/**
 * Whether `word` is typed in capitals in `text` ("CAT tool", "my SO"): an acronym, not a word. A
 * person named in two capitals ("my GP", "my BF") is still that person.
 */
const acronymIn = (text: string, word: string): boolean =>
  !(word.length <= 2 && isRelation(word)) &&
  new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').exec(text)?.[0].match(/^\p{Lu}{2,}$/u) !=
    null

/** Words that say what form a value takes, not what it is of ("flat number", "email address"). */
const VALUE_FORM =
  /^(?:number|no|code|address|id|details|info|name|dose|amount|size|level|topic|subject|theme)$/u

/** Question words that say what kind of answer is wanted, not what it is about. */
const ASKING =
  /^(?:what|where|when|who|why|how|which|whats|do|does|did|am|is|are|was|were|remind|tell|know|remember|again|currently|these|days|right|moment)$/u

/**
 * When nothing in memory answers a question, the person's own earlier statement that does: "how
 * tall am I?" finds "I'm 6'2 …" even if it was not filed. Only statements (never questions), only
 * ones that name most of what is asked, and never a message whose memory was since corrected or
 * retracted, so an old value is not offered as current.
 */
/** "my coworker's wife had twins": a statement whose subject is someone in the person's life. */
const OTHERS_NEWS = new RegExp(
  `^(?:\\W*\\w+\\W+)?(?:my|our)\\s+(?:\\w+\\s+)?(?:${RELATION_PATTERN})(?:'s)?\\s`,
  'iu',
)

/** A word by which a person speaks of themselves, typed as people type it. */
const FIRST_PERSON =
  /\b(?:I|i|me|my|mine|myself|we|us|our|ours|im|ive|ill|id)\b|\bi['’](?:m|ve|ll|d)\b/u

/** Words that open a statement before its subject ("actually tom's gone…", "oh and she…"). */
const OPENING = /^(?:\W*(?:actually|so|oh|and|also|well|anyway|btw|update)\b)*\W*/iu

/**
 * Whether a statement's subject is someone else: "he …", "she says …", or a person the sentence
 * analysis reads as a name ("tom's gone freelance", "Jake starts school in September").
 */
function saidOfSomeoneElse(text: string): boolean {
  const rest = text.replace(OPENING, '')
  if (/^(?:he|she|they)\b/iu.test(rest)) return true
  const first = parse(rest).terms().first()
  return first.has('#Person') && !first.has('#Pronoun')
}

async function inTheirWords(
  q: Extract<Question, { type: 'lookup' }>,
  src: AnswerSources,
): Promise<string | null> {
  const links = await loadWordLinks()
  const want = [...new Set(contentLemmas(q.text).map(canonical))].filter(
    (w) => !ASKING.test(w) && !SOFT.test(w),
  )
  if (want.length === 0) return null
  const replaced = new Set(
    src.views
      .filter((v) => v.item.status !== 'active')
      .map((v) => v.item.source?.messageId ?? '')
      .filter((id) => id !== ''),
  )
  const kept = new Set(
    src.views.filter((v) => v.item.status === 'active').map((v) => v.item.source?.messageId ?? ''),
  )
  const hits = await src.said(want.join(' '), 6)
  const need = want.length <= 2 ? want.length : Math.ceil(want.length * 0.6)
  // "do I have twins?" is not answered by "my coworker's wife had twins": what someone else did.
  const aboutThem = /\b(?:I|we)\b/iu.test(q.text) && !MY_RELATION.test(q.text)
  const good = hits.filter((h) => {
    if ((replaced.has(h.id) && !kept.has(h.id)) || !isStatement(h.text, src.now)) return false
    if (aboutThem && OTHERS_NEWS.test(h.text) && !/\b(?:I|me|we)\b/u.test(h.text)) return false
    // "where do I work?" is not answered by "tom's gone freelance, he works for himself".
    if (aboutThem && !FIRST_PERSON.test(h.text) && saidOfSomeoneElse(h.text)) return false
    if (!answersKind(h.text, q.text, '')) return false
    const have = new Set(contentLemmas(h.text).map(canonical))
    return (
      want.filter(
        (w) => have.has(w) || [...have].some((x) => akin(w, x, true) || links.linked(w, x)),
      ).length >= need
    )
  })
  if (good.length === 0) return null
  const shown = good.slice(0, 2)
  const quotes = shown.map(
    (h) =>
      `${h.createdAt ? `on ${formatDate(h.createdAt, false, src.now)} ` : ''}you said “${h.text}”`,
  )
  // A message memory did file something from is not said to be unfiled: quoted as said.
  return shown.every((h) => kept.has(h.id))
    ? `${upperFirst(quotes.join('; and '))}.`
    : `It isn't filed in memory, but ${quotes.join('; and ')}.`
}

/**
 * The words a text names a topic by: its content lemmas and its words as typed, since a word alone
 * lemmatises otherwise than in a sentence ("postgres" alone → "postgre"; "…Go and Postgres" →
 * "postgres").
 */
const namedWords = (text: string): string[] => [
  ...contentLemmas(text),
  ...(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []),
]

async function saidAbout(topic: string, src: AnswerSources): Promise<string> {
  const expanded = [topic, ...topic.split(/\s+/u).flatMap(topicWords)].join(' ')
  const hits = await src.said(expanded, 5)
  const words = new Set([
    ...contentLemmas(topic),
    ...topic
      .toLowerCase()
      .split(/\s+/u)
      .filter((w) => contentLemmas(w).length > 0),
    ...topic.split(/\s+/u).flatMap(topicWords),
  ])
  const names = (text: string): boolean => namedWords(text).some((w) => words.has(w))
  const items = src.views
    .filter((v) => v.item.status === 'active')
    .filter((v) => names(v.item.text))
    .slice(0, 5)
  const nothing = `I couldn't find anything you said about “${topic}”.`
  if (hits.length === 0 && items.length === 0) return nothing
  const parts: string[] = []
  if (items.length > 0) parts.push(`In memory:\n${list(items, src.now)}`)
  const known = new Set(items.map((v) => v.item.text.toLowerCase()))
  // What they said about it: statements that name it, not their questions ("why is the release
  // stuck?") or messages the search found for other reasons.
  const quotes = hits.filter(
    (h) =>
      !known.has(h.text.toLowerCase().replace(/[.!?]+$/u, '')) &&
      isStatement(h.text, src.now) &&
      names(h.text),
  )
  if (quotes.length > 0)
    parts.push(
      `You said:\n${quotes.map((h) => `- ${h.createdAt ? `${day(h.createdAt, src.now)}: ` : ''}“${h.text}”`).join('\n')}`,
    )
  // The search found messages, but none says anything about it: not a silent reply.
  return parts.length > 0 ? parts.join('\n\n') : nothing
}

/**
 * Answers a question from current memory (never superseded or retracted items as current) and,
 * for "what did I say about …", from the person's own earlier messages.
 */
export async function answer(q: Question, src: AnswerSources): Promise<string> {
  switch (q.type) {
    case 'about-me':
      return aboutMe(src.views, src.now)
    case 'kind':
      return q.scope === 'due'
        ? dueAnswer(src.views, q.window, q.kinds, src.now)
        : q.scope === 'blocked'
          ? blockedAnswer(src.views, src.now)
          : openAnswer(src.views, q.kinds, src.now, q.about)
    case 'said':
      return saidAbout(q.topic, src)
    case 'lookup': {
      // Questions about a part of their life as a whole: everything memory holds of it.
      const whole = asksHobbies(q.text)
        ? hobbiesHeld(src.views)
        : asksOwnHealth(q.text)
          ? ownHealthHeld(src.views)
          : []
      if (whole.length > 0)
        return whole.length === 1
          ? sentence(describe(whole[0]!, src.now))
          : `From what you told me:\n${list(whole, src.now)}`
      return lookup(q, src).then(async (first) =>
        first.startsWith(NOTHING_YET) ? lookup(q, src, true) : first,
      )
    }
  }
}
