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

/**
 * The learned reader's guess of what a clause is, with how sure it is: `odds` is the log₂ ratio of
 * "this kind" against "any other" (above 0: more likely than not). Trained by `npm run train:kinds` on the hand-written corpora in
 * `test/fixtures/understanding/` (never on the blind ones); a naive Bayes model over the features
 * of `kindFeatures`. With `keep`, the clause is known to be worth keeping and only its kind is asked.
 */
export function guessKind(
  text: string,
  now: Date,
  options: { keep?: boolean } = {},
): { kind: KindGuess; odds: number } {
  const odds = load()
    .computeOdds(kindFeatures(text, now))
    .filter(([label]) => !options.keep || label !== 'none')
  const [label, top] = odds[0] ?? ['none', 0]
  return { kind: KINDS.find((k) => k === label) ?? 'none', odds: top }
}
