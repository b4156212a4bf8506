import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RANKING, type Ranking } from '../../retrieval'
import { scoreRetriever } from './locomo'
import { locomoDataPath, readLocomo, type LocomoSample } from './locomo-data'
import { keepsakeRetriever } from './locomo-retrievers'

/**
 * Leave-one-conversation-out cross-validation of the ranking on LoCoMo dev: for each of the five
 * conversations, the setting with the best recall@10 on the other four is scored on the one left
 * out. The pooled held-out recall estimates what a setting chosen this way does on conversations
 * it was not tuned on (the held-out half of LoCoMo), unlike tuning on all of dev at once.
 * `npx tsx test/bench/locomo-cv.ts` prints each fold and the pooled result beside the default's.
 */

const K = 10

type Setting = { label: string; contextTurns: number; ranking: Ranking }

function settings(): Setting[] {
  const out: Setting[] = []
  for (const contextTurns of [1, 2, 3, 4]) {
    for (const context of [0.5, 0.75]) {
      for (const b of [0.55, 0.7]) {
        out.push({
          label: `context ${contextTurns} turns × ${context}, b ${b}`,
          contextTurns,
          ranking: {
            ...DEFAULT_RANKING,
            fieldBoosts: { ...DEFAULT_RANKING.fieldBoosts, context },
            bm25: { ...DEFAULT_RANKING.bm25, b },
          },
        })
      }
    }
  }
  return out
}

/** Recall@K summed over a sample's questions (so folds pool by question, as the paper averages). */
function recallSum(sample: LocomoSample, setting: Omit<Setting, 'label'>): number {
  const { recall } = scoreRetriever(keepsakeRetriever(setting), [sample], [K])
  return ((recall[K] ?? 0) * sample.questions.length) / 100
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const read = await readLocomo(locomoDataPath(repoRoot))
  if (!read.ok) {
    console.error(`LoCoMo cross-validation skipped: ${read.error.message}`)
    process.exitCode = 1
    return
  }
  const samples = read.value
  const grid = settings()
  const sums = grid.map((s) => samples.map((sample) => recallSum(sample, s)))
  // The setting before this cross-validation: one earlier turn as context, default weights.
  const base = samples.map((sample) =>
    recallSum(sample, { contextTurns: 1, ranking: DEFAULT_RANKING }),
  )
  const questions = samples.map((s) => s.questions.length)
  let chosenTotal = 0
  let baseTotal = 0
  for (const [held, sample] of samples.entries()) {
    const trainScore = (row: number[]): number =>
      row.reduce((sum, v, i) => (i === held ? sum : sum + v), 0)
    let best = 0
    for (let i = 1; i < grid.length; i++)
      if (trainScore(sums[i] ?? []) > trainScore(sums[best] ?? [])) best = i
    const n = questions[held] ?? 1
    const chosen = sums[best]?.[held] ?? 0
    chosenTotal += chosen
    baseTotal += base[held] ?? 0
    console.log(
      `held out ${sample.sampleId}: chose ${grid[best]?.label ?? '?'} → ` +
        `R@${K} ${((100 * chosen) / n).toFixed(1)} (before ${((100 * (base[held] ?? 0)) / n).toFixed(1)})`,
    )
  }
  const all = questions.reduce((a, b) => a + b, 0)
  console.log(
    `pooled held-out R@${K}: chosen ${((100 * chosenTotal) / all).toFixed(1)}, ` +
      `one-turn context (before) ${((100 * baseTotal) / all).toFixed(1)}`,
  )
  grid.forEach((s, i) => {
    const total = (sums[i] ?? []).reduce((a, b) => a + b, 0)
    console.log(`${s.label.padEnd(30)} all dev R@${K} ${((100 * total) / all).toFixed(1)}`)
  })
}

await main()
