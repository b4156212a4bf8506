import type * as Y from 'yjs'
import {
  conversationsMap,
  readRecord,
  type ReadRecord,
  type Unreadable,
} from '../../../shared/docs'
import type { ConversationEntry } from '../../../shared/schema/current'

/** One entry as read: current, written by a newer build (kept, not shown), or unreadable. */
type ReadEntry = ReadRecord<ConversationEntry>

const readEntry = (id: string, raw: unknown): ReadEntry => readRecord('conversations', id, raw)

/**
 * Every readable conversation entry; unreadable ones are reported for quarantine, and entries a newer
 * build wrote are listed by id (kept as they are, not shown).
 */
export function readConversations(doc: Y.Doc): ConversationsRead {
  return readConversationEntries(conversationsMap(doc).entries())
}

/** What reading the conversation list gives. */
export interface ConversationsRead {
  entries: ConversationEntry[]
  unreadable: Unreadable[]
  future: string[]
}

/** Reads stored entries given as id and record, as `readConversations` does (a stored view of the document). */
export function readConversationEntries(
  stored: Iterable<readonly [string, unknown]>,
): ConversationsRead {
  const entries: ConversationEntry[] = []
  const unreadable: Unreadable[] = []
  const future: string[] = []
  for (const [id, raw] of stored) {
    const read = readEntry(id, raw)
    if (read.type === 'current') entries.push(read.value)
    else if (read.type === 'future') future.push(id)
    else unreadable.push(read.record)
  }
  return { entries, unreadable, future }
}

/** One conversation's entry, read the same way; `missing` when the map has no such id. */
export function readConversation(doc: Y.Doc, id: string): ReadEntry | { type: 'missing' } {
  const map = conversationsMap(doc)
  return map.has(id) ? readEntry(id, map.get(id)) : { type: 'missing' }
}
