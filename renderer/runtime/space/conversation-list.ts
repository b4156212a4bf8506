import type * as Y from 'yjs'
import { loadConversationEntry } from '../../../shared/schema/migrate'
import type { ConversationEntry } from '../../../shared/schema/current'
import type { Unreadable } from '../memory/quarantine'

/** The conversations map of a space document: conversation id → entry. */
export const conversationsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('conversations')

/** One entry as read: current, written by a newer build (kept, not shown), or unreadable. */
type ReadEntry =
  | { type: 'current'; entry: ConversationEntry }
  | { type: 'future' }
  | { type: 'unreadable'; record: Unreadable }

function readEntry(id: string, raw: unknown): ReadEntry {
  const loaded = loadConversationEntry(raw)
  if (loaded.ok && loaded.value.type === 'current')
    return { type: 'current', entry: loaded.value.value }
  if (loaded.ok) return { type: 'future' }
  return {
    type: 'unreadable',
    record: {
      origin: 'conversations',
      recordId: id,
      raw,
      path: loaded.error.path ?? '(root)',
      reason: loaded.error.message,
    },
  }
}

/**
 * Every readable conversation entry; unreadable ones are reported for quarantine, and entries a newer
 * build wrote are listed by id (kept as they are, not shown).
 */
export function readConversations(doc: Y.Doc): {
  entries: ConversationEntry[]
  unreadable: Unreadable[]
  future: string[]
} {
  const entries: ConversationEntry[] = []
  const unreadable: Unreadable[] = []
  const future: string[] = []
  for (const [id, raw] of conversationsMap(doc).entries()) {
    const read = readEntry(id, raw)
    if (read.type === 'current') entries.push(read.entry)
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
