import type * as Y from 'yjs'
import { loadConversationEntry } from '../../../shared/schema/migrate'
import type { ConversationEntry } from '../../../shared/schema/current'
import type { Unreadable } from '../memory/quarantine'

/** The conversations map of a space document: conversation id → entry. */
export const conversationsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('conversations')

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
    const loaded = loadConversationEntry(raw)
    if (loaded.ok && loaded.value.type === 'current') entries.push(loaded.value.value)
    else if (loaded.ok) future.push(id)
    else
      unreadable.push({
        origin: 'conversations',
        recordId: id,
        raw,
        path: loaded.error.path ?? '(root)',
        reason: loaded.error.message,
      })
  }
  return { entries, unreadable, future }
}
