import * as Y from 'yjs'
import { writeSpaceMeta } from '../../shared/docs'
import type { SessionData } from '../../shared/session/session-data'
import { addMissingMessages, addSpaceContent } from '../../shared/session/yjs-docs'

/**
 * The same session carrying the Yjs state of its documents, as Keepsake's own export writes it (a
 * file an importer made carries records only).
 */
export function withYjsState(data: SessionData): SessionData {
  const space = new Y.Doc()
  writeSpaceMeta(space, data.space)
  addSpaceContent(space, data)
  const conversations = data.conversations.map((c) => {
    const doc = new Y.Doc()
    addMissingMessages(doc, c.id, c.messages)
    return { ...c, yjs: Y.encodeStateAsUpdate(doc) }
  })
  return { ...data, conversations, yjs: { space: Y.encodeStateAsUpdate(space) } }
}
