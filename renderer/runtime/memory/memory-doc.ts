import type * as Y from 'yjs'
import { memoryMap, readRecord, type ReadRecord, type Unreadable } from '../../../shared/docs'
import type { MemoryItem } from '../../../shared/schema/current'

export { memoryMap } from '../../../shared/docs'

export interface MemoryRead {
  items: MemoryItem[]
  /** Records written by a newer Keepsake: kept verbatim, not used. */
  future: { id: string; schemaVersion: number }[]
  unreadable: Unreadable[]
}

/**
 * What each stored record loaded as. A Yjs map value is a fresh object whenever it is set and never
 * changes in place, so the object itself is the key: every memory operation reads the whole map, and
 * this keeps that linear in cheap lookups instead of a validation per item per operation.
 */
const loadedRecords = new WeakMap<object, ReadRecord<MemoryItem>>()

function load(id: string, raw: unknown): ReadRecord<MemoryItem> {
  if (typeof raw !== 'object' || raw === null) return readRecord('memory', id, raw)
  let loaded = loadedRecords.get(raw)
  if (!loaded) {
    loaded = readRecord('memory', id, raw)
    // Shared by every reader from now on, so it must not be changed by any of them.
    if (loaded.type === 'current') Object.freeze(loaded.value)
    loadedRecords.set(raw, loaded)
  }
  return loaded
}

/** Reads every memory record, migrating old ones in memory. Bad records are reported, never dropped or nulled. */
export function readMemory(doc: Y.Doc): MemoryRead {
  return readEntries(memoryMap(doc).entries())
}

/** Reads the memory records `ids` that are there (a removed id is simply absent), as `readMemory` does. */
export function readMemoryIds(doc: Y.Doc, ids: readonly string[]): MemoryRead {
  const map = memoryMap(doc)
  return readEntries(ids.filter((id) => map.has(id)).map((id) => [id, map.get(id)] as const))
}

/** Reads stored memory records given as id and record, as `readMemory` does (a stored view of the document). */
export function readMemoryEntries(entries: Iterable<readonly [string, unknown]>): MemoryRead {
  return readEntries(entries)
}

function readEntries(entries: Iterable<readonly [string, unknown]>): MemoryRead {
  const out: MemoryRead = { items: [], future: [], unreadable: [] }
  for (const [id, raw] of entries) {
    const read = load(id, raw)
    if (read.type === 'unreadable') out.unreadable.push(read.record)
    else if (read.type === 'future') out.future.push({ id, schemaVersion: read.schemaVersion })
    else out.items.push(read.value)
  }
  return out
}
