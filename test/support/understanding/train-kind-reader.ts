/**
 * Trains the offline assistant's learned kind reader (`renderer/runtime/understanding/kind-model.json`)
 * on the hand-written corpora. The blind corpora are never used, so they stay a fair measure.
 *
 *   npm run train:kinds
 */
import { writeFileSync } from 'node:fs'
import create from 'wink-naive-bayes-text-classifier'
import { kindFeatures } from '../../../renderer/runtime/understanding/kind-features'
import { splitSentences } from '../../../renderer/runtime/understanding/sentences'
import { expand } from '../../../renderer/runtime/understanding/text'
import { readCorpus } from './corpus'

export const TRAINING = ['dev', 'dev-b', 'heldout', 'dev-c', 'dev-d', 'dev-e'] as const

const has = (text: string, word: string): boolean =>
  word.split('|').some((w) => text.toLowerCase().includes(w.toLowerCase()))

/** One sentence of a statement and what it says, when the corpus makes that unambiguous. */
export function examples(names: readonly string[]): { text: string; now: Date; label: string }[] {
  const out: { text: string; now: Date; label: string }[] = []
  for (const name of names) {
    const corpus = readCorpus(`test/fixtures/understanding/${name}.json`)
    for (const scenario of corpus.scenarios) {
      let clock = Date.parse(scenario.now) - 2 * 60_000
      for (const turn of scenario.turns) {
        clock = turn.at ? Date.parse(turn.at) : clock + 2 * 60_000
        if (!('say' in turn)) continue
        const now = new Date(clock)
        for (const sentence of splitSentences(turn.say)) {
          const text = expand(sentence.trim()).replace(/[.!?…]+$/u, '')
          if (text === '') continue
          if (turn.expect.length === 0) {
            out.push({ text, now, label: 'none' })
            continue
          }
          const kinds = new Set(
            turn.expect
              .filter((e) => e.action !== 'update' && e.words.every((w) => has(text, w)))
              .map((e) => e.kind),
          )
          if (kinds.size === 1) out.push({ text, now, label: [...kinds][0]! })
        }
      }
    }
  }
  return out
}

/** A classifier trained on the examples, ready to export. */
export function train(
  data: { text: string; now: Date; label: string }[],
): ReturnType<typeof create> {
  const nb = create()
  nb.definePrepTasks([(input) => input])
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 })
  for (const { text, now, label } of data) nb.learn(kindFeatures(text, now), label)
  nb.consolidate()
  return nb
}

if (process.argv[1]?.endsWith('train-kind-reader.ts')) {
  const names = TRAINING.filter((n) => {
    try {
      readCorpus(`test/fixtures/understanding/${n}.json`)
      return true
    } catch {
      return false
    }
  })
  const data = examples(names)
  const nb = train(data)
  writeFileSync(
    'renderer/runtime/understanding/kind-model.json',
    `${JSON.stringify(JSON.parse(nb.exportJSON()))}\n`,
  )
  const counts = new Map<string, number>()
  for (const d of data) counts.set(d.label, (counts.get(d.label) ?? 0) + 1)
  console.log(
    `trained on ${names.join(', ')}: ${data.length} sentences`,
    Object.fromEntries(counts),
  )
}
