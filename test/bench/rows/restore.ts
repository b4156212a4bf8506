import type { Strategy } from '../../../shared/contract/models'
import type { BenchContext } from '../bench-context'
import type { RestoreResult } from '../page/bench-api'
import { count, ms, ratio, runs } from '../report'
import { median, overRuns } from '../stats'

const STRATEGIES: Strategy[] = ['full', 'log', 'selective']

const outcome = (results: RestoreResult[]): string => {
  const first = results[0]?.prompt
  if (!first) return ''
  if (!first.ok)
    return `refused (${first.code}): ${/is (\d+) tokens/.exec(first.message)?.[0] ?? first.message}`
  return `${count(median(results.map((r) => (r.prompt.ok ? r.prompt.tokens : 0))))} tokens, ${first.history} history msgs`
}

/**
 * Row 1: restore time at each history size and fact count, for each strategy. Each run starts from
 * a freshly loaded page (nothing in memory) on a space seeded through the runtime's write path; a
 * warm-up run first saves the search index snapshot, as a running app does.
 * Returns the id of the largest space, kept for the retrieval row.
 */
export async function restoreRow(ctx: BenchContext): Promise<string> {
  const { bench, sizes, figures } = ctx
  const [fewFacts, manyFacts] = sizes.restore.facts
  const window = sizes.restoreWindow
  const selectiveBySize = new Map<number, number>()
  /** State ready (selective, median) by message count, then by fact count. */
  const readyByFacts = new Map<number, Map<number, number>>()
  let largest = ''
  for (const messages of sizes.restore.messages) {
    const spaceId = `bench-restore-${messages}`
    largest = spaceId
    await bench.open()
    await bench.call('drop', spaceId)
    let seeded = await bench.call('seed', {
      spaceId,
      messages,
      facts: fewFacts,
      seed: 1,
      batch: sizes.seedBatch,
      nowMs: ctx.nowMs,
    })
    console.log(`  seeded ${count(messages)} messages + ${fewFacts} facts in ${ms(seeded.ms)}`)
    for (const facts of new Set([fewFacts, manyFacts])) {
      if (facts > seeded.facts) {
        await bench.open()
        seeded = await bench.call('seed', {
          spaceId,
          messages: 0,
          facts: facts - seeded.facts,
          seed: 1,
          batch: sizes.seedBatch,
          nowMs: ctx.nowMs,
        })
      }
      const input = { spaceId, ...window, nowMs: ctx.nowMs + 60_000 }
      await bench.open()
      await bench.call('restore', { ...input, strategy: 'selective', persistIndex: true })
      const byStrategy = new Map<Strategy, RestoreResult[]>(STRATEGIES.map((s) => [s, []]))
      for (let run = 0; run < sizes.restore.runs; run++) {
        for (const strategy of STRATEGIES) {
          await bench.open()
          const result = await bench.call('restore', { ...input, strategy, persistIndex: false })
          byStrategy.get(strategy)?.push(result)
        }
      }
      const where = `${count(messages)} msgs · ${count(facts)} facts`
      for (const strategy of STRATEGIES) {
        const results = byStrategy.get(strategy) ?? []
        const prompt = overRuns(results.map((r) => r.promptMs))
        const ready = median(results.map((r) => r.readyMs))
        figures.add({
          row: 1,
          label: `${where} · ${strategy}: state ready + first prompt`,
          value: ms(prompt.median),
          spread: runs(prompt, ms),
          note: `state ready ${ms(ready)}; ${outcome(results)}`,
          data: { messages, facts, strategy, results },
        })
        if (strategy === 'selective' && facts === fewFacts)
          selectiveBySize.set(messages, prompt.median)
        if (strategy === 'selective') {
          const byFacts = readyByFacts.get(messages) ?? new Map<number, number>()
          byFacts.set(facts, ready)
          readyByFacts.set(messages, byFacts)
        }
      }
      const full = overRuns([...byStrategy.values()].flat().map((r) => r.fullIndexMs))
      figures.add({
        row: 1,
        label: `${where}: full search index ready (background)`,
        value: ms(full.median),
        spread: runs(full, ms),
        note: 'loads the saved index snapshot, catches up; searches use the warm index meanwhile',
        data: { messages, facts, fullIndexMs: full },
      })
    }
  }
  for (const [messages, byFacts] of readyByFacts) {
    const few = byFacts.get(fewFacts)
    const many = byFacts.get(manyFacts)
    if (few === undefined || many === undefined || manyFacts <= fewFacts) continue
    figures.add({
      row: 1,
      label: `state ready at ${count(manyFacts)} vs ${count(fewFacts)} facts (${count(messages)} msgs, selective)`,
      value: ratio(many / few),
      spread: `${ms(few)} → ${ms(many)}`,
      note: `memory grew ${ratio(manyFacts / fewFacts)}; goal ≤ 1.5×`,
      data: { messages, fewFacts, manyFacts, few, many },
    })
  }
  const sizesSeen = [...selectiveBySize.keys()]
  const smallest = Math.min(...sizesSeen)
  const biggest = Math.max(...sizesSeen)
  const a = selectiveBySize.get(smallest)
  const b = selectiveBySize.get(biggest)
  if (a !== undefined && b !== undefined && biggest > smallest) {
    figures.add({
      row: 1,
      label: `selective at ${count(biggest)} vs ${count(smallest)} msgs (${fewFacts} facts)`,
      value: ratio(b / a),
      spread: `${ms(a)} → ${ms(b)}`,
      note: `history grew ${ratio(biggest / smallest)}; 1.0× would be perfectly flat`,
      data: { smallest, biggest, a, b },
    })
  }
  return largest
}
