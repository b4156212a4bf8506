import { SearchDoc } from './search-doc'

/** What the index keeps of a doc to filter, rank and show hits: everything but the indexed-only fields. */
export const StoredDoc = SearchDoc.omit({ tags: true, context: true })
export type StoredDoc = ReturnType<typeof StoredDoc.parse>

/** The stored part of `doc`, without undefined keys, so a snapshot round trip is exact. */
export function toStoredDoc(doc: SearchDoc): StoredDoc {
  const { id, kind, text, conversationId, createdAt, role, memoryKind, status, speaker } = doc
  const stored: StoredDoc = { id, kind, text, conversationId, createdAt }
  if (role !== undefined) stored.role = role
  if (memoryKind !== undefined) stored.memoryKind = memoryKind
  if (status !== undefined) stored.status = status
  if (speaker !== undefined) stored.speaker = speaker
  return stored
}
