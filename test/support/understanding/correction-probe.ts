import type { Turn } from './corpus'
import { evaluate } from './evaluate'
import { oneScenario } from './one-scenario'

type Kind = 'fact' | 'preference' | 'task' | 'issue'

/**
 * One correction to probe: something said (`first`), `gap` messages of small talk, the correction
 * (`fix`, at `later` when it is told days after), then a question whose answer must give the new
 * value and never the old one.
 */
export interface CorrectionProbe {
  id: string
  first: string
  firstKind: Kind
  firstWords: string[]
  gap: number
  later?: string
  fix: string
  fixKind: Kind
  fixWords: string[]
  replaces: string[]
  ask: string
  answer: string[]
  notAnswer: string[]
}

const TALK = ['haha yeah', 'long day today', 'thanks, that helps', 'ok cool', 'anyway', 'lol']

/** The probe as corpus turns: what is expected of each message and of the question. */
const turnsOf = (p: CorrectionProbe): Turn[] => [
  { say: p.first, expect: [{ kind: p.firstKind, words: p.firstWords }] },
  ...Array.from({ length: p.gap }, (_, i): Turn => ({ say: TALK[i % TALK.length]!, expect: [] })),
  {
    say: p.fix,
    ...(p.later ? { at: p.later } : {}),
    expect: [{ kind: p.fixKind, words: p.fixWords, action: 'supersede', replaces: p.replaces }],
  },
  { ask: p.ask, answer: p.answer, ...(p.notAnswer.length > 0 ? { notAnswer: p.notAnswer } : {}) },
]

/** Plays one probe through the offline assistant; the evaluator's failures (none when it passes). */
export async function probeFailures(p: CorrectionProbe): Promise<unknown[]> {
  return (await evaluate(oneScenario(p.id, turnsOf(p)))).failures
}
