import type { BenchContext } from '../bench-context'
import { count, ms, ratio } from '../report'

/**
 * Row 2: how many prompt tokens each strategy sends for one new message, at the article's
 * 500-message example and at 50k messages in a 200k-token window, and with 10k facts (in that
 * window and in the default 8k one). Token counts are exact and do not vary between runs; the
 * assembly time is shown beside them.
 */
export async function tokensRow(ctx: BenchContext): Promise<void> {
  const { bench, sizes, figures } = ctx
  await bench.open()
  for (const c of sizes.tokens) {
    const result = await bench.call('tokens', { ...c, seed: 2, nowMs: ctx.nowMs })
    const where = `${count(c.messages)} msgs, ${count(c.facts)} facts, ${count(c.contextWindow / 1000)}k window`
    const selective = result.strategies.find((s) => s.strategy === 'selective')?.prompt
    for (const s of result.strategies) {
      const p = s.prompt
      const share =
        p.ok && result.fullNeeds > 0
          ? ` = ${((100 * p.tokens) / result.fullNeeds).toFixed(1)}% of full`
          : ''
      const missingState =
        s.strategy === 'selective' && p.ok && c.facts > 0 && !p.sections.includes('state')
      figures.add({
        row: 2,
        label: `${where} · ${s.strategy}`,
        value: p.ok ? `${count(p.tokens)} tokens` : 'refused',
        spread: 'exact (deterministic)',
        note: p.ok
          ? `${p.history} history msgs, ${p.retrieved} retrieved${share}; ${missingState ? 'NO STATE SECTION (it does not fit and is left out); ' : ''}assembled in ${ms(s.ms)}`
          : `full needs ${count(result.fullNeeds)} tokens > budget ${count(result.budget)} (${p.code}); refused in ${ms(s.ms)}`,
        data: { ...c, ...s, fullNeeds: result.fullNeeds, budget: result.budget },
      })
    }
    if (selective?.ok && c.facts < 1000) {
      figures.add({
        row: 2,
        label: `${where} · full ÷ selective`,
        value: ratio(result.fullNeeds / selective.tokens),
        spread: 'exact',
        note: `${count(result.fullNeeds)} vs ${count(selective.tokens)} tokens reprocessed on every turn`,
        data: { ...c, fullNeeds: result.fullNeeds, selective: selective.tokens },
      })
    }
  }
}
