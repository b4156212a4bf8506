import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import type {
  SessionConversation,
  SessionData,
  SessionQuarantined,
  SessionSegment,
} from '../../../shared/session/session-data'
import { readMessages, readSpaceDoc } from '../../../shared/session/yjs-docs'
import { storageError } from '../db/storage-error'
import { conversationDocId, conversationOfDoc, segmentDocId } from '../../../shared/docs'
import type { Space } from '../space/space'
import type { Message } from '../../../shared/schema/current'
import { APP_NAME, APP_VERSION } from './app-version'
import { appendAll } from '../../../shared/append-all'

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
      const messages = messagesIn(state)
      // A conversation with segments: its log is its own document's messages, then each
      // segment's, and each segment's state goes beside its own (format v2).
      const segments: SessionSegment[] = []
      for (const n of await space.segments(entry.id)) {
        const segment = await space.storedDocState(segmentDocId(entry.id, n))
        const held = messagesIn(segment)
        appendAll(messages, held)
        segments.push({ n, count: held.length, yjs: segment })
      }
      conversations.push({
        id: entry.id,
        title: entry.title,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
        deletedAt: entry.deletedAt,
        messages,
        yjs: state,
        ...(segments.length > 0 ? { segments } : {}),
      })
      progress(i + 1, entries.length)
    }
    const inScope = (origin: string): boolean =>
      what.scope === 'space' || conversationOfDoc(origin) === what.conversationId
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

/** The message records a document's stored state holds, in its order. */
function messagesIn(state: Uint8Array): Message[] {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return readMessages(doc)
  } finally {
    doc.destroy()
  }
}
