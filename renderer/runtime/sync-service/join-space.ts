import { ok, type Result } from '../../../shared/errors'
import { SpaceDb, type RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { activateSpace } from '../files/space-registry'
import { writePairing, type StoredPairing } from './pairing-store'

/** Registry name of a space this profile joined; the space's own name arrives with its content. */
export const JOINED_SPACE_NAME = 'Synced memory'

/**
 * Prepares this profile to open the space of `pairing`: its database gets the pairing (so the
 * runtime resumes sync as soon as it opens the space) and the registry marks it active. The space
 * itself starts empty and fills from the relay. Reopening the runtime is the caller's part, through
 * the same mechanism as an import into a new space (files/reopen.ts).
 */
export async function prepareJoinedSpace(
  registry: RegistryDb,
  pairing: StoredPairing,
  now: Date,
): Promise<Result<void>> {
  const db = new SpaceDb(pairing.spaceId)
  try {
    const saved = await writePairing(db, pairing)
    if (!saved.ok) return saved
    const known = await registry.spaces.get(pairing.spaceId)
    await activateSpace(
      registry,
      known ?? { id: pairing.spaceId, name: JOINED_SPACE_NAME, createdAt: now.toISOString() },
    )
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'open the synced space')
  } finally {
    db.close()
  }
}
