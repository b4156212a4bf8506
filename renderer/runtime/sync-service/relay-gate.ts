import { err, ok, type Result } from '../../../shared/errors'
import type { HostClient } from '../services/host-client'

/**
 * Whether this runtime may reach a relay now. `ready`: its origin is in the app's CSP. `restarting`:
 * the host has just allowed it, and the runtime is going away to load again under the new policy,
 * so the caller stops and the request is sent again to the new runtime.
 */
export type RelayGate = (relayUrl: string) => Promise<Result<'ready' | 'restarting'>>

/** A gate that is always open: where no CSP stands between the runtime and relays (Node tests). */
export const openRelayGate: RelayGate = async () => ok('ready')

/**
 * The gate of a runtime under the host's CSP: asks the host to allow the relay (pairing and joining
 * are what fill the allow-list) and, when that added it, calls `restart` once the current task is
 * done (so the caller's answer goes out first).
 * @example const gate = hostRelayGate(services.api, () => void restart())
 */
export function hostRelayGate(api: Pick<HostClient, 'allowRelay'>, restart: () => void): RelayGate {
  return async (relayUrl) => {
    const allowed = await api.allowRelay(relayUrl)
    if (!allowed.ok) {
      return err(
        allowed.error.code,
        `This relay cannot be allowed: ${allowed.error.message}`,
        allowed.error.path,
      )
    }
    if (!allowed.value.added) return ok('ready')
    setTimeout(restart, 0)
    return ok('restarting')
  }
}

/** The answer to a request that a restart for a newly allowed relay cut short. */
export const restartingError = (): Result<never> =>
  err(
    'restarting',
    'Keepsake is reloading to allow connections to this relay; the request is sent again once it is back.',
  )
