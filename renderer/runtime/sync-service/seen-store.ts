import { ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import type { KvTable } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { SeenMark, type SeenStore } from '../sync'

/** The kv row of a space's DB that holds what this device last saw stored on the relay. */
export const SEEN_KEY = 'sync.seen'

/** The space's seen mark (see sync/seen-mark.ts) in its own kv row; a damaged row names the field. */
export function seenStore(db: { kv: KvTable }): SeenStore {
  return {
    load: async (): Promise<Result<SeenMark | null>> => {
      let row
      try {
        row = await db.kv.get(SEEN_KEY)
      } catch (e) {
        return storageError(e, 'read what sync last saw on the relay')
      }
      return row === undefined ? ok(null) : check(SeenMark, row.value, SEEN_KEY)
    },
    save: async (mark) => {
      try {
        await db.kv.put({ key: SEEN_KEY, value: mark })
        return ok(undefined)
      } catch (e) {
        return storageError(e, 'save what sync last saw on the relay')
      }
    },
  }
}

/** Forgets the mark (when unpairing: a new pairing starts afresh). */
export async function forgetSeen(db: { kv: KvTable }): Promise<Result<void>> {
  try {
    await db.kv.delete(SEEN_KEY)
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'forget what sync last saw on the relay')
  }
}
