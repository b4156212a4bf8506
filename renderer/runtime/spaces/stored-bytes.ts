import { Dexie } from 'dexie'
import { SpaceDb, spaceDbName } from '../db/space-db'

/** Any character outside Latin-1: the string is then written as two bytes per code unit. */
const WIDE = /[\u0100-\uffff]/

/**
 * About how many bytes a stored value takes, counted the way Chromium serializes it into IndexedDB:
 * binary data by its length, a string at one byte per character (two when it holds any character
 * outside Latin-1), eight per number, and the keys and values of objects and arrays. The database's
 * own overhead and compression are not counted.
 */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length * (WIDE.test(value) ? 2 : 1)
  if (typeof value === 'number') return 8
  if (typeof value === 'boolean' || value === null || value === undefined) return 1
  if (value instanceof ArrayBuffer) return value.byteLength
  if (ArrayBuffer.isView(value)) return value.byteLength
  if (Array.isArray(value)) {
    let n = 0
    for (const v of value) n += valueBytes(v)
    return n
  }
  if (typeof value === 'object') {
    let n = 0
    for (const [k, v] of Object.entries(value)) n += valueBytes(k) + valueBytes(v)
    return n
  }
  return 0
}

/**
 * What space `id` keeps in its database, in bytes of content: every row of every table (the
 * documents, the read models, the search index, pairing and drafts kept there). Zero for a space
 * whose database does not exist; null when this build cannot open it (a newer Keepsake wrote it).
 */
export async function readStoredBytes(id: string): Promise<number | null> {
  if (!(await Dexie.exists(spaceDbName(id)))) return 0
  const db = new SpaceDb(id)
  try {
    await db.open()
    let bytes = 0
    for (const table of db.tables) await table.each((row: unknown) => (bytes += valueBytes(row)))
    return bytes
  } catch (e) {
    if (e instanceof Dexie.VersionError) return null
    throw e
  } finally {
    db.close()
  }
}
