import { Dexie } from 'dexie'
import { err, ok, type Result } from '../../../shared/errors'
import { RegistryDb, SpaceDb, spaceDbName } from '../db/space-db'
import type { HostClient } from '../services/host-client'
import { readPairing } from './pairing-store'

/**
 * Called after a space of this profile unpaired from `relayUrl`: takes the relay out of the host's
 * allow-list (the app's CSP) unless another space here is still paired with it. `kept` names why not.
 */
export type RelayRelease = (
  relayUrl: string,
  spaceId: string,
) => Promise<Result<'forgotten' | 'kept'>>

/** A release that keeps every relay: where no CSP stands between the runtime and relays (Node tests). */
export const keepRelays: RelayRelease = async () => ok('kept')

/** The origin a relay URL is allowed by (scheme, host and port). */
const originOf = (url: string): string | null => {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return null
  }
}

/** Whether any space but `spaceId` in this profile stores a pairing with a relay of `origin`. */
async function pairedElsewhere(origin: string, spaceId: string): Promise<boolean> {
  const registry = new RegistryDb()
  let ids: string[]
  try {
    ids = (await registry.spaces.toArray()).map((s) => s.id).filter((id) => id !== spaceId)
  } finally {
    registry.close()
  }
  for (const id of ids) {
    if (!(await Dexie.exists(spaceDbName(id)))) continue
    const db = new SpaceDb(id)
    try {
      const pairing = await readPairing(db)
      // A pairing that cannot be read may still name this relay: keep it allowed.
      if (!pairing.ok || (pairing.value && originOf(pairing.value.relayUrl) === origin)) return true
    } catch {
      return true
    } finally {
      db.close()
    }
  }
  return false
}

/**
 * The release of a runtime under the host's CSP: asks the host to forget the relay once no other
 * space of this profile is paired with it.
 * @example const release = hostRelayRelease(services.api); await release(relayUrl, space.id)
 */
export function hostRelayRelease(api: Pick<HostClient, 'forgetRelay'>): RelayRelease {
  return async (relayUrl, spaceId) => {
    const origin = originOf(relayUrl)
    if (origin === null) return err('validation', 'not a relay URL', 'relayUrl')
    if (await pairedElsewhere(origin, spaceId)) return ok('kept')
    const forgotten = await api.forgetRelay(relayUrl)
    return forgotten.ok ? ok('forgotten') : forgotten
  }
}
