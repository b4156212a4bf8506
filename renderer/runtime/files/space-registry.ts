import type { RegistryDb, RegistrySpace } from '../db/space-db'
import { unlistedKey } from '../spaces/unlisted-spaces'

/** A space this profile knows, as the registry lists it. */
export type SpaceEntry = RegistrySpace

/** Every space on this profile, oldest first, and which one is open. */
export async function listSpaces(
  registry: RegistryDb,
): Promise<{ spaces: SpaceEntry[]; activeId: string | null }> {
  return registry.transaction('r', registry.spaces, registry.kv, async () => {
    const spaces = (await registry.spaces.toArray()).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    )
    const active = await registry.kv.get('activeSpace')
    return { spaces, activeId: typeof active?.value === 'string' ? active.value : null }
  })
}

/**
 * Makes `space` the one the runtime opens (what `loadIdentity` reads), registering it if it is new
 * (its unlisted mark goes), and unregistering `remove` in the same transaction (a replaced space),
 * marked as unlisted so its database is deleted at the next start if its deletion never runs.
 */
export async function activateSpace(
  registry: RegistryDb,
  space: SpaceEntry,
  remove: string | null = null,
): Promise<void> {
  await registry.transaction('rw', registry.spaces, registry.kv, async () => {
    await registry.spaces.put(space)
    await registry.kv.put({ key: 'activeSpace', value: space.id })
    await registry.kv.delete(unlistedKey(space.id))
    if (remove !== null && remove !== space.id) {
      await registry.spaces.delete(remove)
      await registry.kv.put({ key: unlistedKey(remove), value: new Date().toISOString() })
    }
  })
}
