import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { RegistryDb, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { activateSpace, listSpaces } from '../../../renderer/runtime/files/space-registry'
import { storeNewSpace } from '../../../renderer/runtime/space/new-space'
import {
  UNLISTED_PREFIX,
  deleteUnlistedSpaces,
  type SpaceLocks,
} from '../../../renderer/runtime/spaces/unlisted-spaces'

const dbName = (id: string): string => `keepsake-space-${id}`
const exists = (id: string): Promise<boolean> => Dexie.exists(dbName(id))
const newId = (): string => crypto.randomUUID()
const at = new Date('2026-05-01T10:00:00.000Z').toISOString()

/** A space database with a row in it, as a space this profile uses has. */
async function storedSpace(id: string): Promise<void> {
  const db = new SpaceDb(id)
  await db.kv.put({ key: 'something', value: 1 })
  db.close()
}

/**
 * An import into a new space that stops partway, as when its window is closed: its write has
 * stored a batch and then never goes on (nothing after it runs, nothing is registered).
 */
function importStoppedPartway(registry: RegistryDb, id: string): Promise<void> {
  return new Promise((written) => {
    void storeNewSpace(
      registry,
      id,
      DEFAULT_SETTINGS,
      async (db) => {
        await db.kv.put({ key: 'batch', value: 1 })
        written()
        return new Promise<never>(() => undefined)
      },
      () => activateSpace(registry, { id, name: 'ChatGPT', createdAt: at }),
    )
  })
}

/** Web Locks as one other context of the profile holds them (Node has none of its own). */
function locksHeldElsewhere(held: ReadonlySet<string>): SpaceLocks {
  return {
    request: (name, { ifAvailable }, work) => work(ifAvailable && held.has(name) ? null : { name }),
  }
}

const registries: RegistryDb[] = []
const registry = (): RegistryDb => {
  const r = new RegistryDb()
  registries.push(r)
  return r
}

afterEach(async () => {
  for (const r of registries.splice(0)) r.close()
  await Dexie.delete('keepsake-registry')
})

describe('spaces an import left unlisted', () => {
  it('deletes at start-up the database of an import stopped partway, and nothing listed or unknown', async () => {
    const reg = registry()
    const listed = newId()
    await activateSpace(reg, { id: listed, name: 'My memory', createdAt: at })
    await storedSpace(listed)
    // A database the app never marked (another build's, or a space listed elsewhere) is not ours to judge.
    const unknown = newId()
    await storedSpace(unknown)
    const stopped = newId()
    await importStoppedPartway(reg, stopped)
    expect(await exists(stopped)).toBe(true)

    // The next start, in a new context: the registry as the stopped one left it.
    const next = registry()
    expect(await deleteUnlistedSpaces(next, null)).toEqual([stopped])
    expect(await exists(stopped)).toBe(false)
    expect(await exists(listed)).toBe(true)
    expect(await exists(unknown)).toBe(true)
    expect((await listSpaces(next)).spaces.map((s) => s.id)).toEqual([listed])
    expect(await next.kv.where('key').startsWith(UNLISTED_PREFIX).count()).toBe(0)
    // A second start finds nothing more to do.
    expect(await deleteUnlistedSpaces(next, null)).toEqual([])
  })

  it('keeps a space whose import finished, and one whose import another context is still writing', async () => {
    const reg = registry()
    const finished = newId()
    const counts = await storeNewSpace(
      reg,
      finished,
      DEFAULT_SETTINGS,
      async (db) => {
        await db.kv.put({ key: 'batch', value: 1 })
        return 7
      },
      () => activateSpace(reg, { id: finished, name: 'ChatGPT', createdAt: at }),
    )
    expect(counts).toBe(7)
    const writing = newId()
    await importStoppedPartway(reg, writing)

    const held = new Set([`keepsake-unlisted-space-${writing}`])
    expect(await deleteUnlistedSpaces(reg, locksHeldElsewhere(held))).toEqual([])
    expect(await exists(finished)).toBe(true)
    expect(await exists(writing)).toBe(true)
    // Once that context is gone (its lock with it), the next start deletes what it left.
    expect(await deleteUnlistedSpaces(reg, locksHeldElsewhere(new Set()))).toEqual([writing])
    expect(await exists(writing)).toBe(false)
    expect(await exists(finished)).toBe(true)
  })

  it('deletes a replaced space whose deletion never ran, never the space that replaced it', async () => {
    const reg = registry()
    const old = newId()
    await activateSpace(reg, { id: old, name: 'My memory', createdAt: at })
    await storedSpace(old)
    const replacement = newId()
    await storedSpace(replacement)
    // The import registered its space and unlisted the old one; the app stopped before deleting it.
    await activateSpace(reg, { id: replacement, name: 'ChatGPT', createdAt: at }, old)

    expect(await deleteUnlistedSpaces(registry(), null)).toEqual([old])
    expect(await exists(old)).toBe(false)
    expect(await exists(replacement)).toBe(true)
  })

  it('an import that fails deletes its database and leaves no mark behind', async () => {
    const reg = registry()
    const id = newId()
    await expect(
      storeNewSpace(
        reg,
        id,
        DEFAULT_SETTINGS,
        async (db) => {
          await db.kv.put({ key: 'batch', value: 1 })
          throw new Error('the source changed')
        },
        () => activateSpace(reg, { id, name: 'ChatGPT', createdAt: at }),
      ),
    ).rejects.toThrow('the source changed')
    expect(await exists(id)).toBe(false)
    expect(await reg.kv.where('key').startsWith(UNLISTED_PREFIX).count()).toBe(0)
    expect(await deleteUnlistedSpaces(reg, null)).toEqual([])
  })
})
