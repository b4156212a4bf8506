import {
  createSearchIndex,
  type SearchDoc,
  type SearchIndex,
} from '../../renderer/runtime/retrieval'
import type { SessionData } from '../../shared/session/session-data'

/**
 * Indexes a session with the runtime's retrieval module: every memory item (its kind, category and
 * preference key as tags) and every message (its speaker, and the message before it as low-weight
 * context, as the LoCoMo benchmark's "keepsake" retriever does).
 */
export function indexSession(data: SessionData): SearchIndex {
  const docs: SearchDoc[] = []
  for (const item of data.memory) {
    docs.push({
      id: item.id,
      kind: 'memory',
      text: item.text,
      conversationId: item.source?.conversationId ?? null,
      createdAt: item.confirmedAt,
      memoryKind: item.kind,
      status: item.status,
      tags: item.kind === 'preference' ? [item.category, item.key] : [item.category],
    })
  }
  for (const c of data.conversations) {
    let previous: string | null = null
    for (const m of c.messages) {
      docs.push({
        id: m.id,
        kind: 'message',
        text: m.text,
        conversationId: c.id,
        createdAt: m.createdAt,
        role: m.role,
        speaker: m.speaker,
        ...(previous === null ? {} : { context: previous }),
      })
      previous = m.text
    }
  }
  const index = createSearchIndex()
  index.add(docs)
  return index
}
