import * as Y from 'yjs'
import {
  CURRENT_SCHEMA_VERSION,
  type ConversationEntry,
  type MemoryItem,
  type Message,
} from '../schema/current'
import { loadConversationEntry, loadMemoryItem, loadMessage } from '../schema/migrate'
import { failed, passed, type Checked } from './problems'
import type { SessionConversation, SessionData } from './session-data'

/**
 * The layout of Keepsake's Yjs documents, as the runtime writes them (`renderer/runtime/space`):
 * the space document has maps `meta`, `memory` (item id → record) and `conversations`
 * (conversation id → entry); each conversation document has the append-only array `messages`.
 */
export const META_MAP = 'meta'
export const MEMORY_MAP = 'memory'
export const CONVERSATIONS_MAP = 'conversations'
export const MESSAGES_ARRAY = 'messages'

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
  for (const [id, raw] of doc.getMap<unknown>(MEMORY_MAP).entries()) {
    const loaded = loadMemoryItem(raw)
    if (loaded.ok && loaded.value.type === 'current') memory.set(id, loaded.value.value)
  }
  const conversations = new Map<string, ConversationEntry>()
  for (const [id, raw] of doc.getMap<unknown>(CONVERSATIONS_MAP).entries()) {
    const loaded = loadConversationEntry(raw)
    if (loaded.ok && loaded.value.type === 'current') conversations.set(id, loaded.value.value)
  }
  const meta = doc.getMap<unknown>(META_MAP)
  const text = (key: string): string | null => {
    const v = meta.get(key)
    return typeof v === 'string' ? v : null
  }
  return {
    memory,
    conversations,
    name: text('name'),
    createdAt: text('createdAt'),
    schemaVersion: docSchemaVersion(doc),
  }
}

/** The messages of a conversation document in log order, migrated; records that do not load are left out. */
export function readMessages(doc: Y.Doc): Message[] {
  const out: Message[] = []
  for (const raw of doc.getArray<unknown>(MESSAGES_ARRAY).toArray()) {
    const loaded = loadMessage(raw)
    if (loaded.ok && loaded.value.type === 'current') out.push(loaded.value.value)
  }
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
  const memory = doc.getMap<unknown>(MEMORY_MAP)
  const conversations = doc.getMap<unknown>(CONVERSATIONS_MAP)
  doc.transact(() => {
    for (const item of data.memory) if (!memory.has(item.id)) memory.set(item.id, item)
    for (const c of data.conversations) {
      if (!conversations.has(c.id)) conversations.set(c.id, conversationEntryOf(c))
    }
  })
}

/** Sets the space document's meta: what `Space.open` would write for a new space. */
export function writeSpaceMeta(
  doc: Y.Doc,
  space: { id: string; name: string; createdAt: string },
): void {
  const meta = doc.getMap<unknown>(META_MAP)
  doc.transact(() => {
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION)
    meta.set('kind', 'space')
    meta.set('id', space.id)
    meta.set('name', space.name)
    meta.set('createdAt', space.createdAt)
  })
}

/** The schema version a document's meta says wrote it, or null when it has none. */
export function docSchemaVersion(doc: Y.Doc): number | null {
  const version = doc.getMap<unknown>(META_MAP).get('schemaVersion')
  return typeof version === 'number' ? version : null
}

/**
 * Appends the messages whose ids the conversation document does not have yet, in order, and
 * gives the document the meta the runtime writes on a conversation's first message.
 */
export function addMissingMessages(
  doc: Y.Doc,
  conversationId: string,
  messages: readonly Message[],
): void {
  const array = doc.getArray<unknown>(MESSAGES_ARRAY)
  const have = new Set<string>()
  for (const raw of array.toArray()) {
    if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string')
      have.add(raw.id)
  }
  const fresh = messages.filter((m) => !have.has(m.id))
  if (fresh.length === 0) return
  const meta = doc.getMap<unknown>(META_MAP)
  doc.transact(() => {
    if (meta.get('schemaVersion') !== CURRENT_SCHEMA_VERSION) {
      meta.set('schemaVersion', CURRENT_SCHEMA_VERSION)
      meta.set('kind', 'conversation')
      if (!meta.has('id')) meta.set('id', conversationId)
      if (!meta.has('createdAt'))
        meta.set('createdAt', fresh[0]?.createdAt ?? new Date().toISOString())
    }
    array.push(fresh)
  })
}
