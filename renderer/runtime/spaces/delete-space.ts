import { Dexie } from 'dexie'
import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import { SPACE_DOC_ID, conversationsMap } from '../../../shared/docs'
import { SpaceDb, spaceDbName, type RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { readDocState } from '../docs/doc-state'

/**
 * Deletes space `id` from this device for good: it leaves the registry and its whole IndexedDB
 * database (documents, read models, search index, turns, sync pairing and keys) is deleted. The
 * open space is refused: another must be opened first. Resolves with the ids of its conversations,
 * so windows can forget their unsent drafts too.
 */
export async function deleteSpace(
  registry: RegistryDb,
  id: string,
  openId: string,
): Promise<Result<{ conversationIds: string[] }>> {
  const entry = await registry.spaces.get(id)
  if (!entry) return err('not-found', 'That space is not on this device.')
  if (id === openId)
    return err(
      'busy',
      `“${entry.name}” is open. Open another space first, then delete this one from the list.`,
    )
  const name = spaceDbName(id)
  try {
    let conversationIds: string[] = []
    if (await Dexie.exists(name)) {
      const db = new SpaceDb(id)
      try {
        await db.open()
        const doc = new Y.Doc()
        Y.applyUpdate(doc, await readDocState(db, SPACE_DOC_ID))
        conversationIds = [...conversationsMap(doc).keys()]
        doc.destroy()
      } catch (e) {
        // A database this build cannot read is still deleted; only its draft ids are unknown.
        if (!(e instanceof Dexie.VersionError)) throw e
      } finally {
        db.close()
      }
    }
    // The data goes first: a stop in between leaves an empty entry to delete again, never data unlisted.
    await Dexie.delete(name)
    await registry.spaces.delete(id)
    return ok({ conversationIds })
  } catch (e) {
    return storageError(e, 'delete the space')
  }
}
