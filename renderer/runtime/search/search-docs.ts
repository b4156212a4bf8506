import { loadMessage } from '../../../shared/schema/migrate'
import type { MemoryItem, Message } from '../../../shared/schema/current'
import type { MessageRow } from '../db/space-db'
import type { SearchDoc } from '../retrieval'

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

/**
 * Read-model rows as search documents, oldest first within each conversation. `lastText` carries the
 * latest text seen per conversation across calls, so context links up between batches.
 */
export function rowsToDocs(rows: MessageRow[], lastText: Map<string, string>): SearchDoc[] {
  const ordered = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const docs: SearchDoc[] = []
  for (const row of ordered) {
    const loaded = loadMessage(row.record)
    if (!loaded.ok || loaded.value.type !== 'current') continue
    const message = loaded.value.value
    docs.push(messageDoc(row.conversationId, message, lastText.get(row.conversationId) ?? null))
    lastText.set(row.conversationId, message.text)
  }
  return docs
}
