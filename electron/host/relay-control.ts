import { join } from 'node:path'
import { z } from 'zod'
import { check } from '../../shared/validation'
import { lanAddress } from '../services/lan-address'
import { createRelayControl, type RelayControl } from '../services/relay-control'
import { DEFAULT_RELAY_PORT } from '../relay/relay-options'
import { startRelay } from '../relay/relay'

const Env = z.object({
  /** Port of the relay "Host relay on this computer" starts (default 5171). */
  KEEPSAKE_RELAY_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_RELAY_PORT),
})

/**
 * The browser host's relay control: the same one-relay-at-a-time control Electron's main process
 * uses, storing ciphertext in `<hostDataDir>/relay`. `KEEPSAKE_RELAY_PORT` picks its port; an
 * invalid value falls back to the default with a warning rather than stopping the host.
 */
export function createHostRelayControl(
  hostDataDir: string,
  env: Record<string, string | undefined> = process.env,
): RelayControl {
  const parsed = check(Env, env, 'environment')
  if (!parsed.ok)
    console.warn(`Keepsake: ${parsed.error.message}; the relay uses port ${DEFAULT_RELAY_PORT}`)
  return createRelayControl({
    startRelay,
    dataDir: join(hostDataDir, 'relay'),
    defaultPort: parsed.ok ? parsed.value.KEEPSAKE_RELAY_PORT : DEFAULT_RELAY_PORT,
    lanAddress,
  })
}
