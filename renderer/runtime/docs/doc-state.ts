import * as Y from 'yjs'
import type { SpaceDb } from '../db/space-db'
import { readStoredRows } from './stored-rows'

/**
 * The stored Yjs state of `docId` (its snapshot plus the update log after it), read in one
 * transaction without opening the document. Empty documents give an empty state.
 */
export async function readDocState(db: SpaceDb, docId: string): Promise<Uint8Array> {
  const { snapshot, rows } = await readStoredRows(db, docId)
  const parts = [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)]
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc())
  return parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates(parts)
}
