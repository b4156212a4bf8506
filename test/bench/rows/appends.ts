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

/**
 * Row 3, long history: strict appends, each awaited, to a conversation that already holds
 * `longAppends.history` messages, each run from a freshly loaded page (the first append opens the
 * conversation, as the first message after a start does), beside the same appends to a new
 * conversation in the same run, alternating which goes first.
 */
export async function longAppendsRow(ctx: BenchContext): Promise<void> {
  const { bench, sizes, figures } = ctx
  const { history, count: perRun, runs: runCount } = sizes.longAppends
  const spaceId = 'bench-appends-long'
  await bench.open()
  await bench.call('drop', spaceId)
  const seeded = await bench.call('seed', {
    spaceId,
    messages: history,
    facts: 0,
    seed: 1,
    batch: sizes.seedBatch,
    nowMs: ctx.nowMs - 86_400_000,
  })
  console.log(`  seeded ${count(history)} messages in ${ms(seeded.ms)}`)
  const first: Record<'long' | 'new', number[]> = { long: [], new: [] }
  const rest: Record<'long' | 'new', number[]> = { long: [], new: [] }
  for (let run = 0; run < runCount; run++) {
    const order: ('long' | 'new')[] = run % 2 === 0 ? ['long', 'new'] : ['new', 'long']
    for (const which of order) {
      const id = which === 'long' ? spaceId : `bench-appends-beside-${run}`
      await bench.open()
      if (which === 'new') await bench.call('drop', id)
      const r = await bench.call('appends', {
        spaceId: id,
        durability: 'strict',
        count: perRun,
        mode: 'sequential',
        nowMs: ctx.nowMs + run * perRun * 1000,
        conversation: which === 'long' ? 'longest' : 'new',
      })
      first[which].push(r.latenciesMs[0] ?? Number.NaN)
      rest[which].push(...r.latenciesMs.slice(1))
      if (which === 'new') await bench.call('drop', id)
    }
  }
  await bench.call('drop', spaceId)
  const size = `${count(history)}-message conversation`
  const f = overRuns(first.long)
  figures.add({
    row: 3,
    label: `strict: first append to a ${size} after a start`,
    value: ms(f.median),
    spread: runs(f, ms),
    note: `opens the conversation; a new one: ${ms(overRuns(first.new).median)}`,
    data: { history, firstLong: f, firstNew: overRuns(first.new) },
  })
  const long = distribution(rest.long)
  const beside = distribution(rest.new)
  figures.add({
    row: 3,
    label: `strict: latency per append to a ${size}`,
    value: `p50 ${ms(long.p50)}`,
    spread: `p99 ${ms(long.p99)}, max ${ms(long.max)} (n=${count(long.samples)})`,
    note: `the appends after the first; a new conversation beside it: p50 ${ms(beside.p50)}, p99 ${ms(beside.p99)}`,
    data: { history, long, beside },
  })
}
