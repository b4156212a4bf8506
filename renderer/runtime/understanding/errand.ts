import { lemmas } from './nlp'
import { contentLemmas } from './similarity'
import { isStopWord } from './text'

/** Verbs too common to say which errand was done ("got", "did", "made"). */
const VAGUE = new Set(
  'be have do get make go take need want put give keep let see say come try'.split(' '),
)

/** The forms a past-tense verb may have in a task ("emailed" → email; "finished" → finish). */
function verbForms(word: string): string[] {
  const w = word.toLowerCase()
  const forms = new Set([w, ...lemmas(w)])
  if (/ied$/u.test(w)) forms.add(`${w.slice(0, -3)}y`)
  if (/ed$/u.test(w)) {
    forms.add(w.slice(0, -2))
    forms.add(w.slice(0, -1))
    // "dropped" → drop, "planned" → plan
    if (/(\p{L})\1ed$/u.test(w)) forms.add(w.slice(0, -3))
  }
  // "rang the garage" does what "call the garage" asked: one errand, three verbs.
  if ([...forms].some((f) => CALLING.has(f))) for (const f of CALLING) forms.add(f)
  // "posted them today" does what "send the documents" asked.
  if ([...forms].some((f) => SENDING.has(f))) for (const f of SENDING) forms.add(f)
  return [...forms]
}

/** The ways of sending a thing. */
const SENDING = new Set(['send', 'sent', 'post', 'posted', 'mail', 'mailed'])

/** The ways of saying a phone call. */
const CALLING = new Set(['call', 'ring', 'phone', 'rang', 'rung', 'called', 'phoned'])

/** A word in an errand that points back at what was named before it ("email him", "finish it"). */
const POINTS_BACK = /\b(?:it|him|her|them|that|this|those|these)\b/iu

/** What a report did its verb to when that is only a pronoun: "… him", "… them back", "… her". */
const PRONOUN_DONE_TO =
  /^\s+(?:him|her|them|it)(?:\s+(?:back|up|in|off|out|over|again|today|yesterday|this morning|this afternoon|last night|earlier|first thing|at last|finally|by (?:post|e-?mail|courier|hand|recorded(?: delivery)?|registered(?: post)?|special delivery|\p{L}+)))*(?:[\s.!,]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$|^\s+(?:him|her|them|it)\s*,/iu

/**
 * A verb done to nothing named, only told when: "delivered today", "submitted this morning",
 * "paid, finally". Said so, the verb is the errand's own, as a pronoun would be.
 */
const DONE_TO_NOTHING =
  /^(?:\s+(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|last night|earlier|first thing|at last|finally|already|just now|on time|early|in the end|\d+ days? early))*(?:[\s.!,]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/iu

/** One open task: its id and text. */
export interface Errand {
  id: string
  text: string
}

/**
 * The open task a report of work done finishes by its verb: "emailed Gareth" finishes "email him
 * about the tap", "registered for the DELE" finishes "register for it by June 19". Only one open
 * task may have that verb, and it must share a word with the report or point back ("him", "it")
 * to something named before. Null otherwise, and for verbs that name no errand ("got", "did").
 */
export function errandOf<T extends Errand>(report: string, open: T[]): T | null {
  // "they signed 🎉", "she signed!": someone else did the errand's verb, told with nothing after it.
  const other = OTHER_DID.exec(report.trim())
  const m =
    other ??
    /^(?:I\s+|we\s+)?(?:have\s+|had\s+|just\s+|finally\s+|already\s+|also\s+|now\s+)*(\p{L}+)/iu.exec(
      report.trim(),
    )
  if (!m) return null
  // Told in the past: "emailed", "rang", "paid" (not "the", not "my").
  const word = m[1]!.toLowerCase()
  const root = lemmas(word)
  if (isStopWord(word) || (!/ed$/u.test(word) && root.every((r) => r === word))) return null
  if (root.some((f) => VAGUE.has(f))) return null
  const forms = verbForms(word)
  const said = new Set(contentLemmas(report.slice(m[0].length)))
  const withVerb = open.filter((t) => lemmas(t.text).some((w) => forms.includes(w)))
  if (withVerb.length !== 1) return null
  const task = withVerb[0]!
  const shares = contentLemmas(task.text).some((w) => said.has(w))
  // "emailed him this morning", "called them": the report points back, at the one errand with
  // that verb.
  const after = report.trim().slice(m[0].length)
  const pointsBack = !other && (PRONOUN_DONE_TO.test(after) || DONE_TO_NOTHING.test(after))
  return shares ||
    POINTS_BACK.test(task.text) ||
    pointsBack ||
    (other && byOthers(task.text, forms))
    ? task
    : null
}

/**
 * Whether a task is to get someone else to do the verb ("get the Bennetts in to sign their
 * contract", "ask Dave to cover my shift"): only then does their doing it finish the task.
 */
function byOthers(task: string, forms: string[]): boolean {
  const m =
    /\b(?:get|getting|ask|asking|chase|chasing|remind|persuade|need|wait for|waiting for|waiting on)\s+(?!to\b)(?:[\p{L}'’]+\s+){1,4}?(?:in\s+|round\s+)?to\s+(\p{L}+)/iu.exec(
      task,
    )
  return m !== null && forms.includes(m[1]!.toLowerCase())
}

/** "they signed", "she's signed", "he finally paid": a pronoun and a verb, and nothing else said. */
const OTHER_DID =
  /^(?:they|she|he)(?:\s+(?:have|has)|['’]ve|['’]s)?\s+(?:finally\s+|just\s+|already\s+|now\s+)?(\p{L}+)(?=(?:\s+(?:today|yesterday|this morning|last night|at last|finally|now))?(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$)/iu
