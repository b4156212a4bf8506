import type { z } from 'zod'
import { ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import type { KvTable } from '../db/space-db'
import { storageError } from '../db/storage-error'

/** A mark sync keeps between runs in one kv row of the space's DB. */
export interface KvMark<T> {
  /** The mark, null when none is kept; a damaged row is a validation error naming the field. */
  load(): Promise<Result<T | null>>
  save(mark: T): Promise<Result<void>>
  /** Forgets the mark (when unpairing: a new pairing starts afresh). */
  forget(): Promise<Result<void>>
}

/** The mark under `key`, read with `schema`; `what` says what it is in a storage error. */
export function kvMark<S extends z.ZodType>(
  db: { kv: KvTable },
  key: string,
  schema: S,
  what: string,
): KvMark<z.output<S>> {
  return {
    load: async () => {
      let row
      try {
        row = await db.kv.get(key)
      } catch (e) {
        return storageError(e, `read ${what}`)
      }
      return row === undefined ? ok(null) : check(schema, row.value, key)
    },
    save: async (mark) => {
      try {
        await db.kv.put({ key, value: mark })
        return ok(undefined)
      } catch (e) {
        return storageError(e, `save ${what}`)
      }
    },
    forget: async () => {
      try {
        await db.kv.delete(key)
        return ok(undefined)
      } catch (e) {
        return storageError(e, `forget ${what}`)
      }
    },
  }
}
