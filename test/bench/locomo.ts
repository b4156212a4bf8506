import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ok, type Result } from '../../shared/errors'
import { locomoDataPath, normalizeEvidence, readLocomo, type LocomoSample } from './locomo-data'
import {
  ablationRetrievers,
  keepsakeRetriever,
  plainBm25Retriever,
  type Retriever,
} from './locomo-retrievers'

/**
 * Retrieval quality on LoCoMo dev, scored as the paper does: per question, the share of its
 * evidence turns found among the top k retrieved turns (no valid evidence counts as 1), averaged
 * over all questions. Run directly (`npx tsx test/bench/locomo.ts`) it prints a table.
 */

/** The paper's dense retriever over dialog turns (DRAGON, Table 3, ACL version), recall in %. */
export const DRAGON_RECALL: Readonly<Record<number, number>> = {
  5: 56.7,
  10: 66.2,
  25: 76.7,
  50: 82.7,
}

const DEFAULT_KS = [5, 10, 25]

/** One retriever's scores: recall in % per k, and the median time of one query. */
export type RetrieverScore = {
  name: string
  recall: Record<number, number>
  medianQueryMs: number
}

export type LocomoReport = {
  samples: number
  turns: number
  questions: number
  ks: number[]
  ours: RetrieverScore
  baseline: RetrieverScore
  /** Steps from the baseline to ours (only with `ablations: true`). */
  ablations: RetrieverScore[]
  /** The paper's DRAGON numbers, for side-by-side printing. */
  dragon: Readonly<Record<number, number>>
  /** Evidence repairs: malformed ids read anyway, ids dropped, questions left with none. */
  evidence: { repaired: number; dropped: number; questionsWithoutEvidence: number }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return 0
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Scores one retriever on the samples, the paper's way. */
export function scoreRetriever(
  retriever: Retriever,
  samples: readonly LocomoSample[],
  ks: readonly number[],
): RetrieverScore {
  const maxK = Math.max(...ks)
  const sums = new Map(ks.map((k) => [k, 0]))
  const times: number[] = []
  let questions = 0
  for (const sample of samples) {
    const search = retriever.build(sample)
    const known = new Set(sample.turns.map((turn) => turn.diaId))
    for (const qa of sample.questions) {
      const started = performance.now()
      const ranked = search(qa.question, maxK)
      times.push(performance.now() - started)
      const evidence = normalizeEvidence(qa.evidence, known).ids
      questions += 1
      for (const k of ks) {
        const top = new Set(ranked.slice(0, k))
        const found = evidence.filter((id) => top.has(id)).length
        const recall = evidence.length === 0 ? 1 : found / evidence.length
        sums.set(k, (sums.get(k) ?? 0) + recall)
      }
    }
  }
  const recall = Object.fromEntries(
    ks.map((k) => [k, (100 * (sums.get(k) ?? 0)) / Math.max(1, questions)]),
  )
  return { name: retriever.name, recall, medianQueryMs: median(times) }
}

/**
 * Evaluates Keepsake's retriever and plain BM25 (and, with `ablations`, the steps between them) on
 * the LoCoMo file at `dataPath`. Errors:
 * `not-found` when the file is missing (it is never in the repo), `file-invalid`/`validation` when
 * it cannot be read as LoCoMo.
 */
export async function evaluateLocomo(
  dataPath: string,
  opts: { ks?: number[]; ablations?: boolean } = {},
): Promise<Result<LocomoReport>> {
  const ks = [...(opts.ks ?? DEFAULT_KS)].sort((a, b) => a - b)
  const read = await readLocomo(dataPath)
  if (!read.ok) return read
  const samples = read.value
  const evidence = { repaired: 0, dropped: 0, questionsWithoutEvidence: 0 }
  for (const sample of samples) {
    const known = new Set(sample.turns.map((turn) => turn.diaId))
    for (const qa of sample.questions) {
      const normal = normalizeEvidence(qa.evidence, known)
      evidence.repaired += normal.repaired
      evidence.dropped += normal.dropped
      if (normal.ids.length === 0) evidence.questionsWithoutEvidence += 1
    }
  }
  return ok({
    samples: samples.length,
    turns: samples.reduce((n, sample) => n + sample.turns.length, 0),
    questions: samples.reduce((n, sample) => n + sample.questions.length, 0),
    ks,
    ours: scoreRetriever(keepsakeRetriever(), samples, ks),
    baseline: scoreRetriever(plainBm25Retriever, samples, ks),
    ablations:
      opts.ablations === true ? ablationRetrievers.map((r) => scoreRetriever(r, samples, ks)) : [],
    dragon: DRAGON_RECALL,
    evidence,
  })
}

/** The report as a small text table. */
export function formatLocomoReport(report: LocomoReport): string {
  const cell = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(1))
  const header = ['retriever', ...report.ks.map((k) => `R@${k}`), 'median ms/query']
  const rows = [report.ours, report.baseline].map((r) => [
    r.name,
    ...report.ks.map((k) => cell(r.recall[k])),
    r.medianQueryMs.toFixed(3),
  ])
  rows.push(['DRAGON (paper)', ...report.ks.map((k) => cell(report.dragon[k])), '—'])
  if (report.ablations.length > 0)
    rows.push(['ablation, from plain BM25:', ...report.ks.map(() => ''), ''])
  for (const r of report.ablations) {
    rows.push([r.name, ...report.ks.map((k) => cell(r.recall[k])), r.medianQueryMs.toFixed(3)])
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const line = (row: readonly string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  const e = report.evidence
  return [
    `LoCoMo dev: ${report.samples} conversations, ${report.turns} turns, ${report.questions} questions`,
    line(header),
    ...rows.map(line),
    `evidence: ${e.repaired} malformed ids repaired, ${e.dropped} dropped, ` +
      `${e.questionsWithoutEvidence} questions without valid evidence (count as 1)`,
    'plain BM25 = MiniSearch defaults over turn text (+ image caption); recall in %',
  ].join('\n')
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const report = await evaluateLocomo(locomoDataPath(repoRoot), { ablations: true })
  if (!report.ok) {
    console.error(`LoCoMo bench skipped: ${report.error.message}`)
    process.exitCode = 1
    return
  }
  console.log(formatLocomoReport(report.value))
}

// Run only as `npx tsx test/bench/locomo.ts`, not when bundled into another bench entry.
const entry = process.argv[1]
if (entry !== undefined && /locomo\.[cm]?[jt]s$/.test(entry)) {
  if (import.meta.url === pathToFileURL(entry).href) await main()
}
