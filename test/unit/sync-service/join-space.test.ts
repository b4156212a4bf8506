import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { RegistryDb, spaceDbName } from '../../../renderer/runtime/db/space-db'
import { listSpaces } from '../../../renderer/runtime/files/space-registry'
import { UNLISTED_PREFIX } from '../../../renderer/runtime/spaces/unlisted-spaces'
import { prepareJoinedSpace } from '../../../renderer/runtime/sync-service/join-space'
import { storedPairing } from '../../support/stored-pairing'

const now = new Date('2026-12-05T08:00:00.000Z')
const relay = 'wss://relay.example'
const registries: RegistryDb[] = []
const registry = (): RegistryDb => {
  const r = new RegistryDb()
  registries.push(r)
  return r
}
const marks = async (reg: RegistryDb): Promise<string[]> =>
  (await reg.kv.where('key').startsWith(UNLISTED_PREFIX).primaryKeys()).map(String)

afterEach(async () => {
  for (const r of registries.splice(0)) r.close()
  await Dexie.delete('keepsake-registry')
})

describe('joining another device’s space', () => {
  it('marks the new database as unlisted until the registry lists it, then leaves no mark', async () => {
    const reg = registry()
    const id = crypto.randomUUID()
    const written: string[] = []
    reg.kv.hook('creating', (key) => void written.push(String(key)))
    const prepared = await prepareJoinedSpace(reg, await storedPairing(id, relay), now)
    expect(prepared.ok).toBe(true)
    // The mark went in before the database was listed (a stop in between leaves it for the sweep).
    expect(written[0]).toBe(`${UNLISTED_PREFIX}${id}`)
    expect(await marks(reg)).toEqual([])
    expect((await listSpaces(reg)).activeId).toBe(id)
    expect(await Dexie.exists(spaceDbName(id))).toBe(true)
  })

  it('deletes the new database at once when the registry cannot list it, and says so', async () => {
    const reg = registry()
    const id = crypto.randomUUID()
    reg.spaces.hook('creating', () => {
      throw new Error('QuotaExceededError: the disk is full')
    })
    const prepared = await prepareJoinedSpace(reg, await storedPairing(id, relay), now)
    expect(prepared.ok).toBe(false)
    if (!prepared.ok) expect(prepared.error.message).toContain('open the synced space')
    expect(await Dexie.exists(spaceDbName(id))).toBe(false)
    expect(await marks(reg)).toEqual([])
  })

  it('never deletes a space this profile already lists when joining it again fails', async () => {
    const reg = registry()
    const id = crypto.randomUUID()
    expect((await prepareJoinedSpace(reg, await storedPairing(id, relay), now)).ok).toBe(true)
    reg.spaces.hook('updating', () => {
      throw new Error('QuotaExceededError: the disk is full')
    })
    const again = await prepareJoinedSpace(reg, await storedPairing(id, relay), now)
    expect(again.ok).toBe(false)
    expect(await Dexie.exists(spaceDbName(id))).toBe(true)
    expect((await listSpaces(reg)).spaces.map((s) => s.id)).toEqual([id])
  })
})
