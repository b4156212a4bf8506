import type { BenchContext } from '../bench-context'
import { count, ms, ratio, runs } from '../report'
import { distribution, overRuns } from '../stats'

/** The article's "an agent handling 10,000 requests per minute". */
const ARTICLE_PER_MINUTE = 10_000

type Durability = 'strict' | 'relaxed'

/**
 * Row 3: acknowledged appends (`Space.append`, what `chat.send` awaits) with strict and relaxed
 * durability side by side, interleaved run by run in one browser. Sequential: each append waits
 * for the previous one (latency). Burst: all issued at once (throughput; the runtime batches
 * queued updates into one transaction).
 */
export async function appendsRow(ctx: BenchContext): Promise<void> {
  const { bench, sizes, figures } = ctx
  const latencies: Record<Durability, number[]> = { strict: [], relaxed: [] }
  const perMinute: Record<Durability, number[]> = { strict: [], relaxed: [] }
  const burstPerMinute: Record<Durability, number[]> = { strict: [], relaxed: [] }
  for (let run = 0; run < sizes.appends.runs; run++) {
    // Alternate which goes first so neither always gets the quieter moment.
    const order: Durability[] = run % 2 === 0 ? ['strict', 'relaxed'] : ['relaxed', 'strict']
    for (const durability of order) {
      for (const mode of ['sequential', 'burst'] as const) {
        const spaceId = `bench-appends-${durability}-${mode}-${run}`
        await bench.open()
        await bench.call('drop', spaceId)
        const r = await bench.call('appends', {
          spaceId,
          durability,
          count: sizes.appends.count,
          mode,
          nowMs: ctx.nowMs,
        })
        const rate = (sizes.appends.count / r.totalMs) * 60_000
        if (mode === 'sequential') {
          latencies[durability].push(...r.latenciesMs)
          perMinute[durability].push(rate)
        } else burstPerMinute[durability].push(rate)
        await bench.call('drop', spaceId)
      }
    }
  }
  for (const durability of ['strict', 'relaxed'] as const) {
    const d = distribution(latencies[durability])
    figures.add({
      row: 3,
      label: `${durability}: latency per acknowledged append`,
      value: `p50 ${ms(d.p50)}`,
      spread: `p99 ${ms(d.p99)}, max ${ms(d.max)} (n=${count(d.samples)})`,
      note: 'one message per append, each awaited',
      data: { durability, latency: d },
    })
    const seq = overRuns(perMinute[durability])
    figures.add({
      row: 3,
      label: `${durability}: throughput, one at a time`,
      value: `${count(seq.median)}/min`,
      spread: runs(seq, (v) => `${count(v)}/min`),
      note: `${ratio(seq.median / ARTICLE_PER_MINUTE)} the article's 10,000/min`,
      data: { durability, sequentialPerMinute: seq },
    })
    const burst = overRuns(burstPerMinute[durability])
    figures.add({
      row: 3,
      label: `${durability}: throughput, ${count(sizes.appends.count)} issued at once`,
      value: `${count(burst.median)}/min`,
      spread: runs(burst, (v) => `${count(v)}/min`),
      note: `${ratio(burst.median / ARTICLE_PER_MINUTE)} the article's 10,000/min`,
      data: { durability, burstPerMinute: burst },
    })
  }
  const strict = distribution(latencies.strict).p50
  const relaxed = distribution(latencies.relaxed).p50
  figures.add({
    row: 3,
    label: 'strict ÷ relaxed, p50 latency',
    value: ratio(strict / relaxed),
    spread: `${ms(strict)} vs ${ms(relaxed)}`,
    note: 'the cost of flushing to disk before acknowledging (Keepsake uses strict)',
    data: { strict, relaxed },
  })
}
