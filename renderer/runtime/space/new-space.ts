import { Dexie } from 'dexie'
import type { Settings } from '../../../shared/contract/settings'
import { SpaceDb } from '../db/space-db'
import { saveSettings } from '../settings-store'

/**
 * Stores a space that does not exist yet (an import into a new space): its settings, then what
 * `write` stores into its database (through `commitUpdates`, the write path of every change), then
 * `register` (adding it to the registry) before the database is closed. If anything fails, the new
 * database is deleted and the error rethrown, so nothing is left behind. Resolves with what `write`
 * resolved with.
 * @example await storeNewSpace(id, settings, (db) => writeFreshSpace(db, ...), () => activateSpace(...))
 */
export async function storeNewSpace<T>(
  id: string,
  settings: Settings,
  write: (db: SpaceDb) => Promise<T>,
  register: () => Promise<void>,
): Promise<T> {
  const db = new SpaceDb(id)
  let written: T
  try {
    await saveSettings(db, settings)
    written = await write(db)
    await register()
  } catch (e) {
    db.close()
    await Dexie.delete(db.name).catch(() => undefined)
    throw e
  }
  db.close()
  return written
}
