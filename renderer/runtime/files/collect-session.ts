import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import type {
  SessionConversation,
  SessionData,
  SessionQuarantined,
} from '../../../shared/session/session-data'
import { readMessages, readSpaceDoc } from '../../../shared/session/yjs-docs'
import { storageError } from '../db/storage-error'
import { conversationDocId } from '../../../shared/docs'
import type { Space } from '../space/space'
import { APP_NAME, APP_VERSION } from './app-version'

/** What to export: the whole space, or one conversation with the memory items that came from it. */
export type ExportScope = { scope: 'space' } | { scope: 'conversation'; conversationId: string }

/**
 * Reads a space into a session: its records (migrated to the current schema) and the Yjs state of
 * every document they come from, so both describe the same moment. Waits for pending writes first.
 * `progress(done, total)` is called after each conversation.
 */
export async function collectSession(
  space: Space,
  what: ExportScope,
  now: Date,
  progress: (done: number, total: number) => void,
): Promise<Result<SessionData>> {
  try {
    await space.settle()
    const read = await space.readSpaceDoc((doc) => ({
      spaceState: Y.encodeStateAsUpdate(doc),
      content: readSpaceDoc(doc),
    }))
    if (!read.ok) return read
    const { spaceState, content } = read.value
    const entries = [...content.conversations.values()].filter(
      (e) => what.scope === 'space' || e.id === what.conversationId,
    )
    if (what.scope === 'conversation' && entries.length === 0) {
      return err('not-found', 'That conversation no longer exists.')
    }
    const conversations: SessionConversation[] = []
    for (const [i, entry] of entries.entries()) {
      const state = await space.storedDocState(conversationDocId(entry.id))
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const messages = readMessages(doc)
      doc.destroy()
      conversations.push({
        id: entry.id,
        title: entry.title,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        deletedAt: entry.deletedAt,
        messages,
        yjs: state,
      })
      progress(i + 1, entries.length)
    }
    const inScope = (origin: string): boolean =>
      what.scope === 'space' || origin === conversationDocId(what.conversationId)
    const quarantine: SessionQuarantined[] = (await space.quarantineRows())
      .filter((row) => inScope(row.origin))
      .map((row) => ({
        origin: row.origin,
        recordId: row.recordId,
        raw: row.raw,
        path: row.path,
        reason: row.reason,
        at: row.at,
      }))
    const memory = [...content.memory.values()].filter(
      (item) => what.scope === 'space' || item.source?.conversationId === what.conversationId,
    )
    return ok({
      exportedAt: now.toISOString(),
      app: { name: APP_NAME, version: APP_VERSION },
      scope: what.scope,
      space: { id: space.id, name: space.name, createdAt: content.createdAt ?? now.toISOString() },
      memory,
      quarantine,
      conversations,
      yjs: what.scope === 'space' ? { space: spaceState } : null,
    })
  } catch (e) {
    return storageError(e, 'read the space for export')
  }
}
