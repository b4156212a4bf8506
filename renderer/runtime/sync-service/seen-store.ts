import type { Result } from '../../../shared/errors'
import type { KvTable } from '../db/space-db'
import { SeenMark, type SeenStore } from '../sync'
import { kvMark } from './kv-mark'

/** The kv row of a space's DB that holds what this device last saw stored on the relay. */
export const SEEN_KEY = 'sync.seen'

const seen = (db: { kv: KvTable }) =>
  kvMark(db, SEEN_KEY, SeenMark, 'what sync last saw on the relay')

/** The space's seen mark (see sync/seen-mark.ts) in its own kv row; a damaged row names the field. */
export function seenStore(db: { kv: KvTable }): SeenStore {
  return seen(db)
}

/** Forgets the mark (when unpairing: a new pairing starts afresh). */
export function forgetSeen(db: { kv: KvTable }): Promise<Result<void>> {
  return seen(db).forget()
}
