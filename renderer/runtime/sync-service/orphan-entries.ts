import type * as Y from 'yjs'
import { ok, type Result } from '../../../shared/errors'
import { IsoDate } from '../../../shared/schema/iso-date'
import { CURRENT_SCHEMA_VERSION, type ConversationEntry } from '../../../shared/schema/current'
import { conversationDocId, messagesOf, metaMap } from '../../../shared/docs'
import type { Space } from '../space/space'

/** Title of a conversation that arrived by sync without the entry naming it. */
export const ORPHAN_TITLE = 'Synced conversation'

const dateOf = (value: unknown): string | null => {
  const parsed = IsoDate.safeParse(value)
  return parsed.success ? parsed.data : null
}

const createdAtOf = (record: unknown): string | null =>
  typeof record === 'object' && record !== null && 'createdAt' in record
    ? dateOf(record.createdAt)
    : null

/** An entry for a conversation document, dated from its meta and its first and last messages. */
export function entryFor(id: string, doc: Y.Doc, now: Date): ConversationEntry {
  const messages = messagesOf(doc)
  const first = messages.length > 0 ? createdAtOf(messages.get(0)) : null
  const last = messages.length > 0 ? createdAtOf(messages.get(messages.length - 1)) : null
  const createdAt = dateOf(metaMap(doc).get('createdAt')) ?? first ?? now.toISOString()
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    title: ORPHAN_TITLE,
    createdAt,
    updatedAt: last ?? createdAt,
    deletedAt: null,
  }
}

/**
 * Gives each conversation in `ids` that still has no entry in the space's conversations list one,
 * so a conversation that reached this device only as its own document is listed, not invisible.
 * Run after the device caught up with the relay: an entry the other device wrote has arrived by
 * then, and is never overwritten here. Returns the ids it listed.
 */
export async function listOrphans(
  space: Space,
  ids: Iterable<string>,
  now: Date,
): Promise<Result<string[]>> {
  if (space.readOnly) return ok([])
  const entries: ConversationEntry[] = []
  for (const id of ids) {
    if (space.hasConversationEntry(id)) continue
    const doc = await space.syncDoc(conversationDocId(id))
    if (!doc.ok) return doc
    entries.push(entryFor(id, doc.value, now))
  }
  if (entries.length === 0) return ok([])
  return space.addConversationEntries(entries)
}
