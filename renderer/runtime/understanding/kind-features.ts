import { findDate, findSchedule } from './dates'
import { lemmas } from './nlp'
import { ISSUE_CUE, PREFERENCE_CUE, STRONG_ISSUE, TASK_CUE } from './cues'
import { isNoteToSelf } from './subject-drop'

/** Named signals the hand-written rules already know, offered to the learned reader as tokens. */
const SIGNALS: readonly (readonly [string, (text: string) => boolean])[] = [
  ['#issue-cue', (t) => ISSUE_CUE.test(t)],
  ['#strong-issue', (t) => STRONG_ISSUE.test(t)],
  ['#task-cue', (t) => TASK_CUE.test(t)],
  ['#preference-cue', (t) => PREFERENCE_CUE.test(t)],
  ['#note-to-self', (t) => isNoteToSelf(t)],
  ['#about-me', (t) => /\b(?:I|me|my|mine|myself|we|us|our)\b/u.test(t)],
  ['#number', (t) => /\d/u.test(t)],
  ['#name', (t) => /(?<=\S\s+)\p{Lu}/u.test(t)],
  ['#negation', (t) => /\b(?:not|never|no|don't|do not|can't|cannot|won't)\b/iu.test(t)],
]

/**
 * What the learned kind reader sees of one clause: word lemmas, neighbouring pairs, how it
 * opens, and the rules' own cues (a date, a schedule, a problem word, something to do).
 */
export function kindFeatures(text: string, now: Date, dated?: boolean): string[] {
  const words = lemmas(text).filter((w) => /[\p{L}\p{N}]/u.test(w))
  const out = [...words]
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]!}_${words[i + 1]!}`)
  out.push(`^${words[0] ?? ''}`, `^${words.slice(0, 2).join('_')}`)
  for (const [token, test] of SIGNALS) if (test(text)) out.push(token)
  if (dated ?? findDate(text, now) !== null) out.push('#date')
  if (findSchedule(text)) out.push('#schedule')
  out.push(`#length-${Math.min(4, Math.floor(words.length / 4))}`)
  return out
}
