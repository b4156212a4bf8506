import { isToolStep } from '../../../shared/schema/message-extensions'
import { loadMessage } from '../../../shared/schema/migrate'
import { messageDoc, type RecentTurns, type SearchDoc } from '../../../retrieval'
import type { MessageRow } from '../db/space-db'

/** Read-model rows as search documents, and the ids of rows that are deliberately not searchable. */
export interface RowDocs {
  docs: SearchDoc[]
  /** Rows that are not searchable: imported tool steps and messages this build cannot read. */
  skipped: string[]
}

/**
 * Read-model rows as search documents, oldest first within each conversation. `recent` carries the
 * latest texts seen per conversation across calls, so context links up between batches.
 */
export function rowsToDocs(rows: MessageRow[], recent: RecentTurns): RowDocs {
  const ordered = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const docs: SearchDoc[] = []
  const skipped: string[] = []
  for (const row of ordered) {
    const loaded = loadMessage(row.record)
    // Imported tool steps (search results, code runs) are not what anyone said: left out of retrieval.
    if (!loaded.ok || loaded.value.type !== 'current' || isToolStep(loaded.value.value)) {
      skipped.push(row.id)
      continue
    }
    const message = loaded.value.value
    docs.push(messageDoc(row.conversationId, message, recent.before(row.conversationId)))
    recent.add(row.conversationId, message.text)
  }
  return { docs, skipped }
}
