import { Dexie } from 'dexie'
import type { Settings } from '../../../shared/contract/settings'
import { SpaceDb, type RegistryDb } from '../db/space-db'
import { saveSettings } from '../settings-store'
import { unlistedKey, writingUnlisted } from '../spaces/unlisted-spaces'

/**
 * Stores a space that does not exist yet (an import into a new space): its settings, then what
 * `write` stores into its database (through `commitUpdates`, the write path of every change), then
 * `register` (adding it to the registry) before the database is closed. If anything fails, the new
 * database is deleted and the error rethrown, so nothing is left behind; if the context stops first,
 * `registry` has it marked as unlisted and the next start deletes it (`writingUnlisted`). Resolves
 * with what `write` resolved with.
 * @example await storeNewSpace(registry, id, settings, (db) => writeFreshSpace(db, ...), () => activateSpace(...))
 */
export function storeNewSpace<T>(
  registry: RegistryDb,
  id: string,
  settings: Settings,
  write: (db: SpaceDb) => Promise<T>,
  register: () => Promise<void>,
): Promise<T> {
  return writingUnlisted(registry, id, async () => {
    const db = new SpaceDb(id)
    let written: T
    try {
      await saveSettings(db, settings)
      written = await write(db)
      await register()
    } catch (e) {
      db.close()
      // The mark goes only with the database; if it stays, the next start deletes what is left.
      await Dexie.delete(db.name)
        .then(() => registry.kv.delete(unlistedKey(id)))
        .catch(() => undefined)
      throw e
    }
    db.close()
    return written
  })
}
