import { Dexie } from 'dexie'
import { err, ok, type Result } from '../../../shared/errors'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { SPACE_DOC_ID, docSchemaVersion, metaMap } from '../../../shared/docs'
import { SpaceDb, spaceDbName, type RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { PersistedDoc } from '../docs/persisted-doc'

/**
 * Renames space `id` that is not open: its name is written into its space document (what exports
 * carry and sync shares; the same write the open space makes), then into the registry, which lists
 * it. A space a newer Keepsake wrote is not changed.
 */
export async function renameClosedSpace(
  registry: RegistryDb,
  id: string,
  name: string,
): Promise<Result<void>> {
  const entry = await registry.spaces.get(id)
  if (!entry) return err('not-found', 'That space is not on this device.')
  if (await Dexie.exists(spaceDbName(id))) {
    const db = new SpaceDb(id)
    try {
      const opened = await PersistedDoc.open(db, SPACE_DOC_ID)
      if (!opened.ok) return opened
      const version = docSchemaVersion(opened.value.doc)
      if (version !== null && version > CURRENT_SCHEMA_VERSION)
        return err(
          'read-only',
          `“${entry.name}” was saved by a newer version of Keepsake (schema v${version}); update Keepsake to rename it.`,
        )
      const saved = await opened.value.change((doc) => metaMap(doc).set('name', name))
      if (!saved.ok) return saved
    } catch (e) {
      return storageError(e, 'rename the space')
    } finally {
      db.close()
    }
  }
  return recordSpaceName(registry, id, name)
}

/** Writes a space's name into the registry (after its document has it). */
export async function recordSpaceName(
  registry: RegistryDb,
  id: string,
  name: string,
): Promise<Result<void>> {
  try {
    await registry.spaces.update(id, { name })
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'rename the space')
  }
}
