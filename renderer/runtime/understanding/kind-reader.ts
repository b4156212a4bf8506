import create from 'wink-naive-bayes-text-classifier'
import model from './kind-model.json'
import { kindFeatures } from './kind-features'

/** What the learned reader can say a clause is: a kind of memory, or nothing to keep. */
export type KindGuess = 'fact' | 'preference' | 'task' | 'issue' | 'none'

const KINDS: readonly KindGuess[] = ['fact', 'preference', 'task', 'issue', 'none']

let reader: ReturnType<typeof create> | null = null

function load(): ReturnType<typeof create> {
  if (reader) return reader
  const r = create()
  // Features are computed by kindFeatures; the classifier receives them ready-made.
  r.definePrepTasks([(input) => input])
  r.importJSON(JSON.stringify(model))
  r.consolidate()
  reader = r
  return r
}

/** The learned reader's view of one clause: its best guess, and its best guess among the kinds. */
export interface KindReading {
  /** What the clause most likely is, "none" included, and how sure (log₂ odds; above 0: more likely than not). */
  best: { kind: KindGuess; odds: number }
  /** The most likely kind of memory, for a clause known to be worth keeping. */
  kind: Exclude<KindGuess, 'none'>
}

const asKind = (label: string | undefined): KindGuess => KINDS.find((k) => k === label) ?? 'none'

/**
 * Reads one clause with the learned reader: a naive Bayes model over the features of
 * `kindFeatures`, trained by `npm run train:kinds` on the hand-written corpora in
 * `test/fixtures/understanding/` (never on the blind ones). `dated` says whether the rules already
 * found a date in it, so it is not looked for twice.
 */
export function readKind(text: string, now: Date, dated?: boolean): KindReading {
  const odds = load().computeOdds(kindFeatures(text, now, dated))
  const [label, top] = odds[0] ?? ['none', 0]
  const kind = asKind(odds.find(([l]) => l !== 'none')?.[0])
  return { best: { kind: asKind(label), odds: top }, kind: kind === 'none' ? 'fact' : kind }
}
