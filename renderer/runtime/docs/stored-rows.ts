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
