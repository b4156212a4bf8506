import { Dexie } from 'dexie'
import { spaceDbName, type RegistryDb } from '../db/space-db'

/*
 * A space database exists before the registry lists it while an import writes a new space, and
 * after the registry stops listing it while a replaced space waits to be deleted. A stop in between
 * (the window closed, the app killed) would leave it on disk with nothing naming it. So the registry
 * first notes the id under `UNLISTED_PREFIX` (in the same transaction that unlists a replaced space),
 * and the start-up sweep deletes what such a note names unless the registry lists it. A note is the
 * only thing the sweep acts on: a database the app did not mark is never touched.
 */

/** The registry kv key prefix that marks a space database as not (or no longer) listed. */
export const UNLISTED_PREFIX = 'unlisted-space:'

/** The registry kv key of space `id`'s mark. */
export const unlistedKey = (id: string): string => `${UNLISTED_PREFIX}${id}`

/** The part of the Web Locks API this needs (`navigator.locks`). */
export interface SpaceLocks {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    work: (lock: unknown) => Promise<T>,
  ): Promise<T>
}

/** The context's Web Locks, or null where there are none (Node, in unit tests). */
export function contextLocks(): SpaceLocks | null {
  const nav = (globalThis as { navigator?: { locks?: SpaceLocks } }).navigator
  return nav?.locks ?? null
}

const lockName = (id: string): string => `keepsake-unlisted-space-${id}`

/**
 * Runs `work` on the new space `id` while holding its lock (so a sweep in any other context of this
 * profile leaves it alone), after marking it in `registry` as not listed yet. `work` must list the
 * space (`activateSpace` removes the mark in the same transaction) or delete its database.
 */
export async function writingUnlisted<T>(
  registry: RegistryDb,
  id: string,
  work: () => Promise<T>,
  locks: SpaceLocks | null = contextLocks(),
): Promise<T> {
  const run = async (): Promise<T> => {
    await registry.kv.put({ key: unlistedKey(id), value: new Date().toISOString() })
    return work()
  }
  return locks ? locks.request(lockName(id), { ifAvailable: false }, run) : run()
}

/**
 * Deletes the databases of spaces marked as not listed that the registry does not list (an import
 * stopped before it finished, a replaced space whose deletion never ran), and their marks. A
 * marked space the registry lists keeps its database (only the mark goes); one whose lock another
 * context holds (an import still writing) is left for the next start. Resolves with the ids of the
 * databases deleted.
 * @example await deleteUnlistedSpaces(registry) // ['4f0c…']
 */
export async function deleteUnlistedSpaces(
  registry: RegistryDb,
  locks: SpaceLocks | null = contextLocks(),
): Promise<string[]> {
  const keys = await registry.kv.where('key').startsWith(UNLISTED_PREFIX).primaryKeys()
  const deleted: string[] = []
  for (const key of keys) {
    const id = key.slice(UNLISTED_PREFIX.length)
    const sweep = async (lock: unknown): Promise<void> => {
      if (lock === null) return
      if (!(await registry.spaces.get(id))) {
        await Dexie.delete(spaceDbName(id))
        deleted.push(id)
      }
      await registry.kv.delete(key)
    }
    if (locks) await locks.request(lockName(id), { ifAvailable: true }, sweep)
    else await sweep(true)
  }
  return deleted
}
