import type * as Y from 'yjs'
import { err, ok, type Result } from '../errors'
import type { ConversationEntry, MemoryItem, Message } from '../schema/current'
import { memoryMap } from './layout'
import { readAnyRecord, type RecordOrigin, type StoredRecord } from './read-record'

/**
 * Validates a record before it is written, with the reader itself: only what `readRecord` would read
 * back as current may be stored, so nothing written is quarantined when it is read again.
 * @example checkForWrite('memory', item) // ok(item) or err('validation', 'memory item x: text: ...', 'text')
 */
export function checkForWrite(origin: 'memory', value: MemoryItem): Result<MemoryItem>
export function checkForWrite(
  origin: 'conversations',
  value: ConversationEntry,
): Result<ConversationEntry>
export function checkForWrite(origin: `conversation:${string}`, value: Message): Result<Message>
export function checkForWrite(origin: RecordOrigin, value: StoredRecord): Result<StoredRecord> {
  const read = readAnyRecord(origin, value.id, value)
  if (read.type === 'current') return ok(value)
  if (read.type === 'future')
    return err(
      'validation',
      `${origin} record ${value.id} says schema v${read.schemaVersion}, newer than this build writes`,
      'schemaVersion',
    )
  return err(
    'validation',
    `${origin} record ${value.id}: ${read.record.path}: ${read.record.reason}`,
    read.record.path,
  )
}

/**
 * Sets a memory item in the space document's memory map after `checkForWrite`. Memory items are
 * built by Keepsake's own code, so one that would not read back is a bug: it throws before anything
 * is set.
 */
export function putMemoryItem(doc: Y.Doc, item: MemoryItem): void {
  const checked = checkForWrite('memory', item)
  if (!checked.ok) throw new Error(`refused to write an unreadable ${checked.error.message}`)
  memoryMap(doc).set(item.id, item)
}
