import type { Result } from '../errors'
import type { ConversationEntry, MemoryItem, Message } from '../schema/current'
import { loadConversationEntry, loadMemoryItem, loadMessage, type Loaded } from '../schema/migrate'
import type { Unreadable } from './unreadable'

/** Where a record is stored: the memory map, the conversation list, or a conversation's messages. */
export type RecordOrigin = 'memory' | 'conversations' | `conversation:${string}`

/** What a stored record is, read: current (migrated if it was older), from a newer build, or unreadable. */
export type ReadRecord<T> =
  | { type: 'current'; value: T; migratedFrom: number | null }
  /** Written by a newer build: kept verbatim, never shown as current, never rewritten. */
  | { type: 'future'; schemaVersion: number; raw: unknown }
  /** Quarantined and shown, never dropped silently. */
  | { type: 'unreadable'; record: Unreadable }

/**
 * Classifies one stored record of `origin`, the one way every reader does it (the runtime, session
 * files, sync and importers).
 * @example readRecord('memory', 'broken', { text: 42 }).type === 'unreadable'
 */
export function readRecord(origin: 'memory', id: string, raw: unknown): ReadRecord<MemoryItem>
export function readRecord(
  origin: 'conversations',
  id: string,
  raw: unknown,
): ReadRecord<ConversationEntry>
export function readRecord(
  origin: `conversation:${string}`,
  id: string,
  raw: unknown,
): ReadRecord<Message>
export function readRecord(
  origin: RecordOrigin,
  id: string,
  raw: unknown,
): ReadRecord<StoredRecord> {
  return readAnyRecord(origin, id, raw)
}

/** Any record Keepsake stores in its documents. */
export type StoredRecord = MemoryItem | ConversationEntry | Message

/** `readRecord` for an origin known only at run time. */
export function readAnyRecord(
  origin: RecordOrigin,
  id: string,
  raw: unknown,
): ReadRecord<StoredRecord> {
  const loaded: Result<Loaded<StoredRecord>> =
    origin === 'memory'
      ? loadMemoryItem(raw)
      : origin === 'conversations'
        ? loadConversationEntry(raw)
        : loadMessage(raw)
  if (!loaded.ok)
    return {
      type: 'unreadable',
      record: {
        origin,
        recordId: id,
        raw,
        path: loaded.error.path ?? '(root)',
        reason: loaded.error.message,
      },
    }
  if (loaded.value.type === 'future')
    return { type: 'future', schemaVersion: loaded.value.schemaVersion, raw }
  return { type: 'current', value: loaded.value.value, migratedFrom: loaded.value.migratedFrom }
}
