import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RANKING, type Ranking } from '../../retrieval'
import { scoreRetriever } from './locomo'
import { locomoDataPath, readLocomo, type LocomoSample } from './locomo-data'
import { keepsakeRetriever } from './locomo-retrievers'

/**
 * The sweeps behind DEFAULT_RANKING, on LoCoMo dev: field boosts for speaker and context, and the
 * recency weight and half-life. `npx tsx test/bench/locomo-sweep.ts` prints one line per setting.
 */

const KS = [5, 10, 25]

function line(samples: readonly LocomoSample[], label: string, ranking: Ranking): string {
  const { recall } = scoreRetriever(keepsakeRetriever({ ranking }), samples, KS)
  return `${label.padEnd(28)} ${KS.map((k) => `R@${k} ${(recall[k] ?? 0).toFixed(1)}`).join('  ')}`
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const read = await readLocomo(locomoDataPath(repoRoot))
  if (!read.ok) {
    console.error(`LoCoMo sweep skipped: ${read.error.message}`)
    process.exitCode = 1
    return
  }
  const samples = read.value
  const base = DEFAULT_RANKING
  for (const speaker of [1, 2, 3, 5]) {
    const fieldBoosts = { ...base.fieldBoosts, speaker }
    console.log(line(samples, `speaker ${speaker}`, { ...base, fieldBoosts }))
  }
  // MiniSearch reads a boost of 0 as 1, so "off" is a tiny weight.
  for (const context of [1e-9, 0.25, 0.5, 0.75, 1, 1.5]) {
    const fieldBoosts = { ...base.fieldBoosts, context }
    console.log(line(samples, `context ${context}`, { ...base, fieldBoosts }))
  }
  for (const recencyWeight of [0, 0.05, 0.1, 0.2, 0.4]) {
    for (const recencyHalfLifeDays of recencyWeight === 0 ? [30] : [7, 30, 90, 365]) {
      const ranking = { ...base, recencyWeight, recencyHalfLifeDays }
      console.log(line(samples, `recency ${recencyWeight} / ${recencyHalfLifeDays} d`, ranking))
    }
  }
}

await main()
