import type * as Y from 'yjs'

/**
 * The layout of Keepsake's Yjs documents. The space document has the maps `meta`, `memory` (item id
 * → record) and `conversations` (conversation id → entry); each conversation document has `meta` and
 * the append-only array `messages`. Records are plain JSON of any schema version (see `readRecord`).
 */
export const META_MAP = 'meta'
export const MEMORY_MAP = 'memory'
export const CONVERSATIONS_MAP = 'conversations'
export const MESSAGES_ARRAY = 'messages'

/** A document's meta map (both kinds of document). */
export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(META_MAP)

/** The space document's memory: item id → stored record. */
export const memoryMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(MEMORY_MAP)

/** The space document's conversation list: conversation id → stored entry. */
export const conversationsMap = (doc: Y.Doc): Y.Map<unknown> =>
  doc.getMap<unknown>(CONVERSATIONS_MAP)

/** A conversation document's append-only message log. */
export const messagesOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray<unknown>(MESSAGES_ARRAY)
