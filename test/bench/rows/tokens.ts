import type { BenchContext } from '../bench-context'
import { count, ms, ratio } from '../report'

/**
 * Row 2: how many prompt tokens each strategy sends for one new message, at the article's
 * 500-message example and at 50k messages, in a 200k-token window. Token counts are exact and
 * do not vary between runs; the assembly time is shown beside them.
 */
export async function tokensRow(ctx: BenchContext): Promise<void> {
  const { bench, sizes, figures } = ctx
  await bench.open()
  for (const messages of sizes.tokens.messages) {
    const result = await bench.call('tokens', {
      messages,
      facts: sizes.tokens.facts,
      contextWindow: sizes.tokens.contextWindow,
      replyReserve: sizes.tokens.replyReserve,
      seed: 2,
      nowMs: ctx.nowMs,
    })
    const selective = result.strategies.find((s) => s.strategy === 'selective')?.prompt
    for (const s of result.strategies) {
      const p = s.prompt
      const share =
        p.ok && result.fullNeeds > 0
          ? ` = ${((100 * p.tokens) / result.fullNeeds).toFixed(1)}% of full`
          : ''
      figures.add({
        row: 2,
        label: `${count(messages)} msgs, ${count(sizes.tokens.facts)} facts · ${s.strategy}`,
        value: p.ok ? `${count(p.tokens)} tokens` : 'refused',
        spread: 'exact (deterministic)',
        note: p.ok
          ? `${p.history} history msgs, ${p.retrieved} retrieved${share}; assembled in ${ms(s.ms)}`
          : `full needs ${count(result.fullNeeds)} tokens > budget ${count(result.budget)} (${p.code})`,
        data: { messages, ...s, fullNeeds: result.fullNeeds, budget: result.budget },
      })
    }
    if (selective?.ok) {
      figures.add({
        row: 2,
        label: `${count(messages)} msgs · full ÷ selective`,
        value: ratio(result.fullNeeds / selective.tokens),
        spread: 'exact',
        note: `${count(result.fullNeeds)} vs ${count(selective.tokens)} tokens reprocessed on every turn`,
        data: { messages, fullNeeds: result.fullNeeds, selective: selective.tokens },
      })
    }
  }
}
