/**
 * The document model, written once: document ids, the layout of each document, its meta, how a
 * stored record is read (current, future or unreadable) and checked before it is written, and the
 * quarantine record. The runtime, session files, sync and the importers all use this module.
 */
export {
  SEGMENT_IDS,
  SPACE_DOC_ID,
  conversationDocId,
  conversationOfDoc,
  parseDocId,
  segmentDocId,
  segmentPrefix,
  type ParsedDocId,
} from './doc-ids'
export {
  CONVERSATIONS_MAP,
  MEMORY_MAP,
  MESSAGES_ARRAY,
  META_MAP,
  conversationsMap,
  memoryMap,
  messagesOf,
  metaMap,
} from './layout'
export {
  claimConversationMeta,
  claimSpaceMeta,
  docSchemaVersion,
  metaText,
  unreadableMeta,
  writeSpaceMeta,
} from './meta'
export { isPurged, markPurged, purgedIds, purgedKey } from './purged'
export { readRecord, type ReadRecord, type RecordOrigin } from './read-record'
export { checkForWrite, putMemoryItem } from './write-record'
export { lostTo } from './concurrent-edit'
export { encodeUpdate } from './encode-update'
export type { Unreadable } from './unreadable'
