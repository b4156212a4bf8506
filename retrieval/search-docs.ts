import type { MemoryItem, Message } from '../shared/schema/current'
import type { SearchDoc } from './search-doc'

/**
 * How many earlier messages of its conversation a message is indexed with, as low-weight context.
 * Chosen on LoCoMo dev by leave-one-conversation-out cross-validation (test/bench/locomo-cv.ts):
 * two earlier turns beat one in every fold (recall@10 73.8 → 75.8 over all of dev).
 */
export const CONTEXT_TURNS = 2
/** How much of each earlier message is indexed as context (they answer "it"/"that" turns). */
export const CONTEXT_CHARS = 500

/**
 * The context field for a message whose conversation said `earlier` before it (oldest first): the
 * last `turns` of them, each cut to CONTEXT_CHARS. `turns` is for benchmarks; the app uses the default.
 */
export function contextText(
  earlier: readonly string[],
  turns: number = CONTEXT_TURNS,
): string | undefined {
  const kept = earlier.slice(-turns).map((text) => text.slice(0, CONTEXT_CHARS))
  return kept.length === 0 ? undefined : kept.join('\n')
}

/**
 * A message as a search document; `earlier` holds the texts of the messages before it in its
 * conversation, oldest first (only the last CONTEXT_TURNS are used).
 */
export const messageDoc = (
  conversationId: string,
  m: Message,
  earlier: readonly string[],
): SearchDoc => {
  const context = contextText(earlier)
  return {
    id: m.id,
    kind: 'message',
    text: m.text,
    conversationId,
    createdAt: m.createdAt,
    role: m.role,
    speaker: m.speaker,
    ...(context === undefined ? {} : { context }),
  }
}

/** A memory item as a search document, tagged with its category (and key, for preferences). */
export const memoryDoc = (i: MemoryItem): SearchDoc => ({
  id: i.id,
  kind: 'memory',
  text: i.text,
  conversationId: i.source?.conversationId ?? null,
  createdAt: i.confirmedAt,
  memoryKind: i.kind,
  status: i.status,
  tags: i.kind === 'preference' ? [i.category, i.key] : [i.category],
})
