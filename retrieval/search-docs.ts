import type { MemoryItem, Message } from '../shared/schema/current'
import type { SearchDoc } from './search-doc'

/** How much of the previous message is indexed as a message's context (it answers "it"/"that" turns). */
export const CONTEXT_CHARS = 500

/** A message as a search document; `previous` is the text of the message before it in its conversation. */
export const messageDoc = (
  conversationId: string,
  m: Message,
  previous: string | null,
): SearchDoc => ({
  id: m.id,
  kind: 'message',
  text: m.text,
  conversationId,
  createdAt: m.createdAt,
  role: m.role,
  speaker: m.speaker,
  ...(previous ? { context: previous.slice(0, CONTEXT_CHARS) } : {}),
})

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
