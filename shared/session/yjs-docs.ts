import * as Y from 'yjs'
import {
  CURRENT_SCHEMA_VERSION,
  type ConversationEntry,
  type MemoryItem,
  type Message,
} from '../schema/current'
import {
  claimConversationMeta,
  conversationDocId,
  conversationsMap,
  docSchemaVersion,
  memoryMap,
  messagesOf,
  metaText,
  readRecord,
} from '../docs'
import { failed, passed, type Checked } from './problems'
import type { SessionConversation, SessionData } from './session-data'

/*
 * Session files and Keepsake's Yjs documents. The layout itself (ids, map names, meta, how a record
 * is read) is `shared/docs`.
 */

/** Decodes a Yjs state into a new document. Fails when the bytes are not a complete Yjs update. */
export function docFromState(state: Uint8Array, path: string): Checked<Y.Doc> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
  } catch (e) {
    doc.destroy()
    const reason = e instanceof Error ? e.message : String(e)
    return failed('file-invalid', path, `not a valid Yjs document state (${reason})`)
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy()
    return failed(
      'file-invalid',
      path,
      'the Yjs state is incomplete: it depends on changes the file does not carry',
    )
  }
  return passed(doc)
}

/** What a space document holds, migrated to the current schema; records that do not load are left out. */
export interface SpaceDocContent {
  memory: Map<string, MemoryItem>
  conversations: Map<string, ConversationEntry>
  name: string | null
  createdAt: string | null
  schemaVersion: number | null
}

export function readSpaceDoc(doc: Y.Doc): SpaceDocContent {
  const memory = new Map<string, MemoryItem>()
  for (const [id, raw] of memoryMap(doc).entries()) {
    const read = readRecord('memory', id, raw)
    if (read.type === 'current') memory.set(id, read.value)
  }
  const conversations = new Map<string, ConversationEntry>()
  for (const [id, raw] of conversationsMap(doc).entries()) {
    const read = readRecord('conversations', id, raw)
    if (read.type === 'current') conversations.set(id, read.value)
  }
  return {
    memory,
    conversations,
    name: metaText(doc, 'name'),
    createdAt: metaText(doc, 'createdAt'),
    schemaVersion: docSchemaVersion(doc),
  }
}

/** The messages of a conversation document in log order, migrated; records that do not load are left out. */
export function readMessages(doc: Y.Doc): Message[] {
  const out: Message[] = []
  const origin = conversationDocId(metaText(doc, 'id') ?? 'unknown')
  messagesOf(doc).forEach((raw, i) => {
    const read = readRecord(origin, String(i), raw)
    if (read.type === 'current') out.push(read.value)
  })
  return out
}

/** The space document's entry for a conversation of a session. */
export function conversationEntryOf(c: SessionConversation): ConversationEntry {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    deletedAt: c.deletedAt,
  }
}

/**
 * Adds a session's memory items and conversation entries to a space document, skipping ids it
 * already has (so adding the same session twice changes nothing). Used when a file carries no
 * Yjs state: importer output, and one-conversation exports.
 */
export function addSpaceContent(
  doc: Y.Doc,
  data: Pick<SessionData, 'memory' | 'conversations'>,
): void {
  const memory = memoryMap(doc)
  const conversations = conversationsMap(doc)
  doc.transact(() => {
    for (const item of data.memory) if (!memory.has(item.id)) memory.set(item.id, item)
    for (const c of data.conversations) {
      if (!conversations.has(c.id)) conversations.set(c.id, conversationEntryOf(c))
    }
  })
}

/**
 * Appends the messages whose ids the conversation document does not have yet (nor
 * `heldElsewhere`: what its segments hold), in order, and gives the document the meta the runtime
 * writes on a conversation's first message.
 */
export function addMissingMessages(
  doc: Y.Doc,
  conversationId: string,
  messages: readonly Message[],
  heldElsewhere: ReadonlySet<string> = new Set(),
): void {
  const array = messagesOf(doc)
  const have = new Set<string>(heldElsewhere)
  for (const raw of array.toArray()) {
    if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string')
      have.add(raw.id)
  }
  const fresh = messages.filter((m) => !have.has(m.id))
  if (fresh.length === 0) return
  doc.transact(() => {
    if (docSchemaVersion(doc) !== CURRENT_SCHEMA_VERSION)
      claimConversationMeta(doc, conversationId, fresh[0]?.createdAt ?? new Date().toISOString())
    array.push(fresh)
  })
}
