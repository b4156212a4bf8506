import type { SpaceDb } from '../db/space-db'

/** Where a space keeps its sync pairing (`sync-service/pairing-store.ts`). */
export const PAIRING_KEY = 'sync.pairing'

/** Where sync keeps what the space's other devices last said: whether every one reads segments. */
export const OTHERS_READ_SEGMENTS_KEY = 'sync.others-read-segments'

/**
 * A conversation's messages go to a new segment once its newest one holds this many (README,
 * Architecture, "Segments"): the first append after a start then decodes at most this many
 * messages. Measured with `test/bench/long-append-profile.ts`: 4,000 keeps that append under 0.1 s.
 */
export const SEGMENT_SIZE = 4000

/**
 * Whether this device may write segments in the space stored in `db`: always when the space syncs
 * with no other device (never paired, or unpaired); when it is paired, only once sync has read the
 * other devices' entries and every one of them says it reads segments (`othersReadSegments`), since
 * a build before segments cannot read them. The last word sync stored counts while offline.
 */
export async function mayWriteSegments(db: SpaceDb): Promise<boolean> {
  const [pairing, others] = await Promise.all([
    db.kv.get(PAIRING_KEY),
    db.kv.get(OTHERS_READ_SEGMENTS_KEY),
  ])
  return pairing === undefined || others?.value === true
}

/** Stores what sync read of the other devices (see `mayWriteSegments`). */
export async function othersReadSegments(db: SpaceDb, all: boolean): Promise<void> {
  await db.kv.put({ key: OTHERS_READ_SEGMENTS_KEY, value: all })
}
