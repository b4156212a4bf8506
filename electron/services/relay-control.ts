import { err, ok, type Result } from '../../shared/errors'
import { serialQueue } from '../../shared/serial-queue'
import type { RelayOptions } from '../relay/relay-options'

/** Starts and stops the sync relay a host can run for the person's other laptops. */
export interface RelayControl {
  /** Listens on loopback, or on every interface when `lan`; `url` is what other devices dial. */
  start(opts: { lan: boolean; port?: number }): Promise<Result<{ url: string }>>
  /** Stopping a relay that is not running succeeds. */
  stop(): Promise<Result<void>>
  status(): { running: boolean; url: string | null }
}

/** A running relay as `startRelay` (electron/relay/relay.ts) returns it. */
export interface RunningRelayLike {
  url: string
  port: number
  stop(): Promise<void>
}

export interface RelayControlDeps {
  /** `startRelay` from electron/relay/relay.ts. */
  startRelay(options: RelayOptions): Promise<Result<RunningRelayLike>>
  /** Where the relay keeps its ciphertext (under `userData`). */
  dataDir: string
  /** Port used when the caller gives none (a stable port keeps paired devices' URLs valid). */
  defaultPort: number
  /** This machine's address other devices on the LAN can dial, if it has one. */
  lanAddress(): string | undefined
}

const WILDCARD = new Set(['0.0.0.0', '[::]', '::'])

/**
 * Electron's relay control: one relay at a time, on loopback or (when `lan`) on every interface,
 * storing in `dataDir`. Starting with the same options again returns the running relay's URL;
 * other options restart it. Calls are handled one after another.
 */
export function createRelayControl(deps: RelayControlDeps): RelayControl {
  let running: { relay: RunningRelayLike; lan: boolean; port: number; url: string } | null = null
  const serialize = serialQueue()

  const stopRunning = async (): Promise<Result<void>> => {
    if (running === null) return ok(undefined)
    const { relay } = running
    running = null
    try {
      await relay.stop()
      return ok(undefined)
    } catch (cause) {
      return err('internal', `The sync relay did not stop cleanly: ${describe(cause)}`)
    }
  }

  return {
    start(opts) {
      return serialize(async () => {
        const port = opts.port ?? deps.defaultPort
        if (
          running !== null &&
          running.lan === opts.lan &&
          (opts.port === undefined || running.port === port)
        ) {
          return ok({ url: running.url })
        }
        const stopped = await stopRunning()
        if (!stopped.ok) return stopped
        const started = await deps.startRelay({
          host: opts.lan ? '0.0.0.0' : '127.0.0.1',
          port,
          dataDir: deps.dataDir,
        })
        if (!started.ok) return started
        const url = reachableUrl(started.value.url, opts.lan, deps.lanAddress())
        running = { relay: started.value, lan: opts.lan, port: started.value.port, url }
        return ok({ url })
      })
    },
    stop() {
      return serialize(stopRunning)
    },
    status() {
      return { running: running !== null, url: running?.url ?? null }
    },
  }
}

/** A relay bound to every interface reports a wildcard host; other devices need a real address. */
function reachableUrl(url: string, lan: boolean, lanAddress: string | undefined): string {
  if (!lan || lanAddress === undefined) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (!WILDCARD.has(parsed.hostname)) return url
  parsed.hostname = lanAddress
  const out = parsed.toString()
  return url.endsWith('/') ? out : out.replace(/\/$/, '')
}

const describe = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause)
