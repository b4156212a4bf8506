import { ok } from '../../../shared/errors'
import type { Strategy } from '../../../shared/contract/models'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { assemblePrompt } from '../../../renderer/runtime/agent/prompt'
import { toViews } from '../../../renderer/runtime/memory/memory-views'
import { createSearchIndex } from '../../../retrieval'
import type { StrategyTokens, TokensInput, TokensResult } from './bench-api'
import { MESSAGE_STEP_MS } from './seed'
import { synthFacts, synthMessages } from './synth'

const STRATEGIES: Strategy[] = ['full', 'log', 'selective']

/**
 * The prompt each strategy builds for one new message after `messages` messages of history, with
 * the runtime's own `assemblePrompt` and token counter. History is held in memory: tokens do not
 * depend on where it is stored (restore times are measured on stored spaces).
 */
export async function tokens(input: TokensInput): Promise<TokensResult> {
  const now = new Date(input.nowMs)
  const history = synthMessages({
    seed: input.seed,
    from: 0,
    count: input.messages,
    startMs: input.nowMs - (input.messages + 1) * MESSAGE_STEP_MS,
    stepMs: MESSAGE_STEP_MS,
    deviceId: 'bench-device',
  })
  const facts = synthFacts({
    seed: input.seed,
    from: 0,
    count: input.facts,
    nowMs: input.nowMs,
    spanDays: input.freshDays,
  })
  const index = createSearchIndex()
  index.add(
    facts.map((f) => ({
      id: f.id,
      kind: 'memory' as const,
      text: f.text,
      conversationId: null,
      createdAt: f.confirmedAt,
      memoryKind: f.kind,
      status: f.status,
    })),
  )
  index.add(
    history.map((m) => ({
      id: m.id,
      kind: 'message' as const,
      text: m.text,
      conversationId: 'bench',
      createdAt: m.createdAt,
      role: m.role,
      speaker: m.speaker,
    })),
  )
  const current: Message = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'bench-new-message',
    role: 'user',
    text: 'What did we decide about pgvector and the benchmark deadline?',
    createdAt: now.toISOString(),
    deviceId: 'bench-device',
    speaker: null,
    replyTo: null,
    error: null,
  }
  const budget = input.contextWindow - input.replyReserve
  const memory = toViews(facts, DEFAULT_SETTINGS.freshness, now)
  const strategies: StrategyTokens[] = []
  for (const strategy of STRATEGIES) {
    const started = performance.now()
    const assembled = await assemblePrompt({
      strategy,
      budget,
      now,
      memory,
      current,
      loadRecent: async (n) => ok(history.slice(-n)),
      // As the search service maps hits (renderer/runtime/search/search-service.ts).
      retrieve: async (query) =>
        index.search(query, { k: 8, now }).map((h) => ({
          id: h.id,
          kind: h.kind,
          score: h.score,
          text: h.kind === 'message' ? h.snippet : h.text,
          conversationId: h.conversationId,
          createdAt: h.createdAt,
        })),
    })
    const ms = performance.now() - started
    strategies.push({
      strategy,
      ms,
      prompt: assembled.ok
        ? {
            ok: true,
            tokens: assembled.value.total,
            history: assembled.value.messages.length - 1,
            retrieved: assembled.value.retrieved.length,
            sections: assembled.value.sections.map((x) => x.name),
          }
        : { ok: false, code: assembled.error.code, message: assembled.error.message },
    })
  }
  // What `full` needs whether or not it fits: the same assembly with no budget limit.
  const unbounded = await assemblePrompt({
    strategy: 'full',
    budget: Number.MAX_SAFE_INTEGER,
    now,
    memory,
    current,
    loadRecent: async (n) => ok(history.slice(-n)),
    retrieve: async () => [],
  })
  return { fullNeeds: unbounded.ok ? unbounded.value.total : -1, budget, strategies }
}
