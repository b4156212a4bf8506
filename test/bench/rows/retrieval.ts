import { resolve } from 'node:path'
import { evaluateLocomo } from '../locomo'
import { locomoDataPath } from '../locomo-data'
import type { BenchContext } from '../bench-context'
import { synthQueries } from '../page/synth'
import { count, ms } from '../report'
import { distribution } from '../stats'

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')

/**
 * Row 6: query latency of the runtime's search service over the largest restore space (full index
 * loaded), and LoCoMo recall@k (Keepsake's retriever and plain BM25, with the paper's DRAGON).
 */
export async function retrievalRow(
  ctx: BenchContext,
  spaceId: string,
  messages: number,
): Promise<void> {
  const { bench, sizes, figures } = ctx
  await bench.open()
  const queries = synthQueries(9, sizes.retrieval.queries)
  const r = await bench.call('searchLatency', { spaceId, queries, k: 10, nowMs: ctx.nowMs })
  const d = distribution(r.latenciesMs)
  figures.add({
    row: 6,
    label: `search over ${count(messages)} messages + facts, k=10`,
    value: `p50 ${ms(d.p50)}`,
    spread: `p95 ${ms(d.p95)}, p99 ${ms(d.p99)} (n=${d.samples} queries)`,
    note: `full index; ${(r.hits / Math.max(1, queries.length)).toFixed(1)} hits per query`,
    data: d,
  })
  await bench.call('drop', spaceId)

  if (!sizes.locomo) {
    figures.notMeasured(6, 'LoCoMo recall@k', 'skipped in the smoke run (about a minute of CPU)')
    return
  }
  const report = await evaluateLocomo(locomoDataPath(REPO_ROOT))
  if (!report.ok) {
    figures.notMeasured(6, 'LoCoMo recall@k', report.error.message)
    return
  }
  const l = report.value
  const at = (scores: Record<number, number>): string =>
    l.ks.map((k) => `@${k} ${(scores[k] ?? Number.NaN).toFixed(1)}`).join(' / ')
  const base = `LoCoMo dev (${l.samples} conversations, ${count(l.questions)} questions)`
  figures.add({
    row: 6,
    label: `${base} · Keepsake recall`,
    value: `${(l.ours.recall[10] ?? 0).toFixed(1)} @10`,
    spread: 'exact (deterministic)',
    note: `${at(l.ours.recall)}; median ${ms(l.ours.medianQueryMs)}/query`,
    data: l.ours,
  })
  figures.add({
    row: 6,
    label: `${base} · plain BM25 recall`,
    value: `${(l.baseline.recall[10] ?? 0).toFixed(1)} @10`,
    spread: 'exact (deterministic)',
    note: `${at(l.baseline.recall)}; median ${ms(l.baseline.medianQueryMs)}/query`,
    data: l.baseline,
  })
  figures.add({
    row: 6,
    label: `${base} · DRAGON recall (paper, Table 3)`,
    value: `${(l.dragon[10] ?? 0).toFixed(1)} @10`,
    spread: 'published',
    note: `${at(l.dragon)}; dense retriever, not run here`,
    data: l.dragon,
  })
}
