import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { check } from '../../shared/validation'
import { startBrowserHost } from './browser-host'
import { createHostRelayControl } from './relay-control'
import { openRelayAllowList } from '../services/relay-allow-list'

const Env = z.object({
  KEEPSAKE_PORT: z.coerce.number().int().min(1).max(65535).default(5170),
  KEEPSAKE_DATA_DIR: z.string().min(1).optional(),
})

/** `npm run start:web`: the browser host on 127.0.0.1, for machines without Electron's binary. */
async function main(): Promise<void> {
  const env = check(Env, process.env, 'environment')
  if (!env.ok) {
    console.error(`Keepsake: ${env.error.message}`)
    process.exit(2)
  }
  const dataDir = env.value.KEEPSAKE_DATA_DIR ?? join(homedir(), '.keepsake', 'browser-host')
  const relays = await openRelayAllowList(dataDir)
  if (relays.problem) console.error(`Keepsake allows no sync relay: ${relays.problem.message}`)
  const host = await startBrowserHost({
    port: env.value.KEEPSAKE_PORT,
    rendererDir: resolve(import.meta.dirname, '../renderer'),
    dataDir,
    relay: createHostRelayControl(dataDir),
    relays: relays.list,
  })
  if (!host.ok) {
    console.error(`Keepsake: ${host.error.message}`)
    process.exit(1)
  }
  // Stop handlers before the line that says it is running: a signal sent on reading that line must find them.
  const stop = (): void =>
    void host.value.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(`Keepsake is running at ${host.value.url}`)
}

void main()
