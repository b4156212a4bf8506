/**
 * The schema version this build writes. Everything the runtime and UI use is typed from here, so a
 * new version changes one file.
 */
import {
  SCHEMA_V2,
  MemoryItemV2,
  SourceV2,
  DocMetaV2,
  FactV2,
  PreferenceV2,
  TaskV2,
  IssueV2,
  SpaceSnapshotV2,
  StoredConversationV2,
} from './v2'
import { MessageV2Extended } from './message-extensions'
import { ConversationEntryV2Extended } from './conversation-extensions'

export const CURRENT_SCHEMA_VERSION = SCHEMA_V2
export const MemoryItem = MemoryItemV2
export type MemoryItem = MemoryItemV2
/** v2 messages with their validated extension keys (see `message-extensions.ts`). */
export const Message = MessageV2Extended
export type Message = MessageV2Extended
export const Source = SourceV2
export const DocMeta = DocMetaV2
export const Fact = FactV2
export const Preference = PreferenceV2
export const Task = TaskV2
export const Issue = IssueV2
export type MemoryKind = MemoryItemV2['kind']
/** v2 conversation entries with their validated extension keys (see `conversation-extensions.ts`). */
export const ConversationEntry = ConversationEntryV2Extended
export type ConversationEntry = ConversationEntryV2Extended
export type DocMeta = DocMetaV2
export const SpaceSnapshot = SpaceSnapshotV2
export type SpaceSnapshot = SpaceSnapshotV2
export const StoredConversation = StoredConversationV2
export type StoredConversation = StoredConversationV2
