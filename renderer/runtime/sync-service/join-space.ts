import { Dexie } from 'dexie'
import type { Result } from '../../../shared/errors'
import { SpaceDb, spaceDbName, type RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { activateSpace } from '../files/space-registry'
import { unlistedKey, writingUnlisted } from '../spaces/unlisted-spaces'
import { writePairing, type StoredPairing } from './pairing-store'

/** Registry name of a space this profile joined; the space's own name arrives with its content. */
export const JOINED_SPACE_NAME = 'Synced memory'

/**
 * Prepares this profile to open the space of `pairing`: its database gets the pairing (so the
 * runtime resumes sync as soon as it opens the space) and the registry marks it active. The space
 * itself starts empty and fills from the relay. Reopening the runtime is the caller's part, through
 * the same mechanism as an import into a new space (files/reopen.ts).
 *
 * A space this profile did not have yet is written as an unlisted space (spaces/unlisted-spaces.ts):
 * if the app stops between creating its database and listing it, the next start deletes it, and if
 * storing fails its database is deleted at once. A space the registry already lists is never deleted.
 */
export async function prepareJoinedSpace(
  registry: RegistryDb,
  pairing: StoredPairing,
  now: Date,
): Promise<Result<void>> {
  const id = pairing.spaceId
  try {
    const known = await registry.spaces.get(id)
    const prepare = async (): Promise<Result<void>> => {
      const db = new SpaceDb(id)
      try {
        const saved = await writePairing(db, pairing)
        if (saved.ok)
          await activateSpace(
            registry,
            known ?? { id, name: JOINED_SPACE_NAME, createdAt: now.toISOString() },
          )
        return saved
      } finally {
        db.close()
      }
    }
    if (known) return await prepare()
    const prepared = await writingUnlisted(registry, id, () =>
      prepare().catch((e: unknown) => ({ thrown: e })),
    )
    if ('thrown' in prepared || !prepared.ok) {
      // Nothing lists it: the database and its mark go together (or the next start deletes them).
      await Dexie.delete(spaceDbName(id))
        .then(() => registry.kv.delete(unlistedKey(id)))
        .catch(() => undefined)
      if ('thrown' in prepared) throw prepared.thrown
    }
    return prepared
  } catch (e) {
    return storageError(e, 'open the synced space')
  }
}
