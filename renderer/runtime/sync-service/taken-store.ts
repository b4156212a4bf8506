import { ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import type { KvTable } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { TakenMark, type TakenStore } from '../sync'

/** The kv row of a space's DB that holds what this device took in from the relay (sync/taken-mark.ts). */
export const TAKEN_KEY = 'sync.taken'

/** The space's taken mark in its own kv row; a damaged row names the field (and is not used). */
export function takenStore(db: { kv: KvTable }): TakenStore {
  return {
    load: async (): Promise<Result<TakenMark | null>> => {
      let row
      try {
        row = await db.kv.get(TAKEN_KEY)
      } catch (e) {
        return storageError(e, 'read what sync took in from the relay')
      }
      return row === undefined ? ok(null) : check(TakenMark, row.value, TAKEN_KEY)
    },
    save: async (mark) => {
      try {
        await db.kv.put({ key: TAKEN_KEY, value: mark })
        return ok(undefined)
      } catch (e) {
        return storageError(e, 'save what sync took in from the relay')
      }
    },
  }
}

/** Forgets the mark (when unpairing: a new pairing takes everything in afresh). */
export async function forgetTaken(db: { kv: KvTable }): Promise<Result<void>> {
  try {
    await db.kv.delete(TAKEN_KEY)
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'forget what sync took in from the relay')
  }
}
