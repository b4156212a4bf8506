import type { UnderstandInput, UnderstandResult } from './bench-api'

/**
 * Loads the understanding module (the NLP library with its lexicon) into a fresh page and analyses
 * each message once, timing both: what the runtime worker pays at start-up, and per message; then
 * the answerer's lazily loaded table of kinds of things.
 */
export async function understand(input: UnderstandInput): Promise<UnderstandResult> {
  const started = performance.now()
  const { analyze } = await import('../../../renderer/runtime/understanding/analyze')
  // The first message pays for the library's lazy set-up (its lexicon is compiled on first use).
  analyze('I work at Acme Corp.', new Date(input.nowMs))
  const startupMs = performance.now() - started
  const latenciesMs: number[] = []
  for (const message of input.messages) {
    const t = performance.now()
    analyze(message, new Date(input.nowMs))
    latenciesMs.push(performance.now() - t)
  }
  // The answerer loads its table of kinds of things on the first question that names a kind.
  const t = performance.now()
  const { loadWordKinds } = await import('../../../renderer/runtime/agent/offline/word-kinds')
  ;(await loadWordKinds()).isKindOf('cilantro', 'food')
  const wordKindsMs = performance.now() - t
  return { startupMs, latenciesMs, wordKindsMs }
}
