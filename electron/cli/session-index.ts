import {
  createSearchIndex,
  memoryDoc,
  messageDoc,
  RecentTurns,
  type SearchDoc,
  type SearchIndex,
} from '../../retrieval'
import { isToolStep } from '../../shared/schema/message-extensions'
import type { SessionData } from '../../shared/session/session-data'

/**
 * Indexes a session exactly as the app's search service indexes a space, with the same retrieval
 * module and the same documents: memory items tagged with their category (and key), messages with
 * their speaker and the messages before them as low-weight context.
 */
export function indexSession(data: SessionData): SearchIndex {
  const docs: SearchDoc[] = data.memory.map(memoryDoc)
  const recent = new RecentTurns()
  for (const c of data.conversations) {
    for (const m of c.messages) {
      if (isToolStep(m)) continue
      docs.push(messageDoc(c.id, m, recent.before(c.id)))
      recent.add(c.id, m.text)
    }
  }
  const index = createSearchIndex()
  index.add(docs)
  return index
}
