import type { Result } from '../../../shared/errors'
import type { KvTable } from '../db/space-db'
import { TakenMark, type TakenStore } from '../sync'
import { kvMark } from './kv-mark'

/** The kv row of a space's DB that holds what this device took in from the relay (sync/taken-mark.ts). */
export const TAKEN_KEY = 'sync.taken'

const taken = (db: { kv: KvTable }) =>
  kvMark(db, TAKEN_KEY, TakenMark, 'what sync took in from the relay')

/** The space's taken mark in its own kv row; a damaged row names the field (and is not used). */
export function takenStore(db: { kv: KvTable }): TakenStore {
  return taken(db)
}

/** Forgets the mark (when unpairing: a new pairing takes everything in afresh). */
export function forgetTaken(db: { kv: KvTable }): Promise<Result<void>> {
  return taken(db).forget()
}
