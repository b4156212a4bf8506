import type * as Y from 'yjs'
import { loadMemoryItem } from '../../../shared/schema/migrate'
import type { MemoryItem } from '../../../shared/schema/current'
import type { Unreadable } from './quarantine'

/** The memory map of a space document: item id → stored record (plain JSON, any schema version). */
export const memoryMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('memory')

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
const loadedRecords = new WeakMap<object, ReturnType<typeof loadMemoryItem>>()

function load(raw: unknown): ReturnType<typeof loadMemoryItem> {
  if (typeof raw !== 'object' || raw === null) return loadMemoryItem(raw)
  let loaded = loadedRecords.get(raw)
  if (!loaded) {
    loaded = loadMemoryItem(raw)
    // Shared by every reader from now on, so it must not be changed by any of them.
    if (loaded.ok && loaded.value.type === 'current') Object.freeze(loaded.value.value)
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

function readEntries(entries: Iterable<readonly [string, unknown]>): MemoryRead {
  const out: MemoryRead = { items: [], future: [], unreadable: [] }
  for (const [id, raw] of entries) {
    const loaded = load(raw)
    if (!loaded.ok) {
      out.unreadable.push({
        origin: 'memory',
        recordId: id,
        raw,
        path: loaded.error.path ?? '(root)',
        reason: loaded.error.message,
      })
    } else if (loaded.value.type === 'future') {
      out.future.push({ id, schemaVersion: loaded.value.schemaVersion })
    } else {
      out.items.push(loaded.value.value)
    }
  }
  return out
}
