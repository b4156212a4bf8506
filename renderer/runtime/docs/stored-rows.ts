import { Dexie } from 'dexie'
import type { SnapshotRow, SpaceDb, UpdateRow } from '../db/space-db'

/** The snapshot and update-log rows of `docId`, read together in one transaction. */
export async function readStoredRows(
  db: SpaceDb,
  docId: string,
): Promise<{ snapshot: SnapshotRow | undefined; rows: UpdateRow[] }> {
  return db.transaction('r', db.snapshots, db.updates, async () => ({
    snapshot: await db.snapshots.get(docId),
    rows: await db.updates
      .where('[docId+seq]')
      .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
      .toArray(),
  }))
}

/**
 * A document's place in its stored log: the last update row (or the snapshot's, when the log is
 * empty) and when the snapshot was written. Every new row moves `seq`; every compaction or purge,
 * which rewrites the snapshot, changes `snapshotAt`. Two equal positions mean the same stored state.
 */
export interface StoredPosition {
  seq: number
  snapshotAt: string | null
}

/** The position of a document whose stored parts are `snapshot` and `rows` (in `seq` order). */
export function positionOf(snapshot: SnapshotRow | undefined, rows: UpdateRow[]): StoredPosition {
  return {
    seq: Math.max(rows.at(-1)?.seq ?? 0, snapshot?.upToSeq ?? 0),
    snapshotAt: snapshot?.at ?? null,
  }
}

/** The stored position of `docId`, read without reading its updates (call inside a transaction over both tables). */
export async function storedPosition(db: SpaceDb, docId: string): Promise<StoredPosition> {
  const [snapshot, last] = await Promise.all([
    db.snapshots.get(docId),
    db.updates.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]).last(),
  ])
  return positionOf(snapshot, last ? [last] : [])
}
