/**
 * The Keepsake sync relay: a Hocuspocus server that stores and forwards the encrypted envelope
 * document of each memory space (`room:<hash of the credential>`, or `space:<spaceId>` for spaces paired
 * before rooms; see shared/relay-room.ts). It never sees memory in clear.
 *
 * Decision: Hocuspocus v3 (`@hocuspocus/server@3`, `@hocuspocus/extension-redis@3`), not v4, because v4
 * requires Node 22 and Keepsake runs on Node 20 (20.20). v3 declares no engine constraint and runs on
 * Node 20 unchanged; the relay tests spawn it on Node 20 against real sockets, disk and Redis.
 * Persistence is our own small extension (an fsynced write-ahead log per space plus atomic snapshots)
 * rather than `@hocuspocus/extension-database`, whose debounced store would lose the last updates of a
 * SIGKILLed relay. Several instances share state through the Redis extension; each keeps its own data
 * directory, and every instance stores every update it sees, so each directory is complete.
 */
import { createServer, type IncomingMessage, type RequestListener } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { Hocuspocus, type Extension } from '@hocuspocus/server'
import { Redis } from '@hocuspocus/extension-redis'
import { WebSocketServer, type WebSocket } from 'ws'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import { authExtension } from './auth-extension'
import { createCredentialStore } from './credential-store'
import { persistenceExtension } from './persistence-extension'
import { createNewSpaceLimit } from './new-space-limit'
import { isAllowedOrigin } from './origin-policy'
import { gateSocket } from './pre-auth-gate'
import { createConnectionRateLimit } from './rate-limit'
import { redisCredentials } from './redis-credentials'
import { RelayOptions } from './relay-options'
import { createSpaceStore } from './space-store'
import { throttledWarning } from './throttled-warning'

export { RelayOptions } from './relay-options'

/**
 * A relay that is listening. `url` names the bound address (`ws://0.0.0.0:PORT` with `--lan`; other
 * devices dial this machine's LAN address instead).
 */
export interface RunningRelay {
  url: string
  port: number
  /** Closes every connection, waits for stored updates, and releases the port and Redis. */
  stop(): Promise<void>
}

const REDIS_PREFIX = 'keepsake'
const REDIS_CONNECT_TIMEOUT_MS = 5000

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const formatUrl = (host: string, port: number, tls: boolean): string =>
  `${tls ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:${port}`

/** Reads the TLS certificate and key, or says which file could not be read. */
const readTls = async (tls: {
  certFile: string
  keyFile: string
}): Promise<Result<{ cert: Buffer; key: Buffer }>> => {
  const read = async (path: string, what: string): Promise<Result<Buffer>> =>
    readFile(path).then(
      (b) => ok(b),
      (e: unknown) => err('validation', `cannot read the TLS ${what} ${path}: ${describe(e)}`),
    )
  const cert = await read(tls.certFile, 'certificate')
  if (!cert.ok) return cert
  const key = await read(tls.keyFile, 'key')
  if (!key.ok) return key
  return ok({ cert: cert.value, key: key.value })
}

const refuseUpgrade = (socket: Duplex, status: string): void => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

const connectRedis = async (
  host: string,
  port: number,
  warn: (message: string) => void,
): Promise<Result<Redis>> => {
  const redis = new Redis({
    host,
    port,
    prefix: REDIS_PREFIX,
    options: { connectTimeout: REDIS_CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 3 },
  })
  // ioredis reports every failed reconnect; say it once per outage instead of crashing or flooding.
  let up = false
  for (const client of [redis.pub, redis.sub]) {
    client.on('ready', () => (up = true))
    client.on('error', (e: unknown) => {
      if (!up) return
      up = false
      warn(`lost Redis at ${host}:${port} (${describe(e)}); reconnecting`)
    })
  }
  const timeout = new Promise<'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), REDIS_CONNECT_TIMEOUT_MS)
    timer.unref()
  })
  const reply = await Promise.race([redis.pub.ping().catch((e: unknown) => e), timeout])
  if (reply === 'PONG') return ok(redis)
  redis.pub.disconnect(false)
  redis.sub.disconnect(false)
  const why = reply === 'timeout' ? 'no answer' : describe(reply)
  return err('sync-unreachable', `cannot reach Redis at ${host}:${port} (${why})`)
}

const probeWritable = async (dir: string): Promise<Result<void>> => {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const probe = join(dir, `.write-probe-${process.pid}`)
    await writeFile(probe, '')
    await rm(probe)
    return ok(undefined)
  } catch (e) {
    return err('storage', `cannot write to the data directory ${dir}: ${describe(e)}`)
  }
}

const waitUntil = async (done: () => boolean, limitMs: number): Promise<void> => {
  const end = Date.now() + limitMs
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

/**
 * Starts a relay. Expected failures (bad options, unwritable data directory, port in use, Redis
 * unreachable) are error values.
 * @example const relay = await startRelay({ dataDir: '/tmp/relay', port: 0 })
 */
export async function startRelay(options: RelayOptions): Promise<Result<RunningRelay>> {
  const parsed = check(RelayOptions, options, 'relay')
  if (!parsed.ok) return parsed
  const opts = parsed.value
  const warn = opts.onWarning ?? ((m: string) => process.stderr.write(`keepsake relay: ${m}\n`))

  const spacesDir = join(opts.dataDir, 'spaces')
  const writable = await probeWritable(spacesDir)
  if (!writable.ok) return writable

  let redis: Redis | undefined
  if (opts.redis) {
    const connected = await connectRedis(opts.redis.host, opts.redis.port, warn)
    if (!connected.ok) return connected
    redis = connected.value
  }

  const store = createSpaceStore(spacesDir, warn)
  const credentials = createCredentialStore(
    spacesDir,
    redis ? redisCredentials(redis, REDIS_PREFIX) : undefined,
  )
  const extensions: Extension[] = [
    ...(redis ? [redis] : []),
    authExtension(
      credentials,
      {
        limit: createNewSpaceLimit(opts.maxNewSpacesPerConnection, opts.maxNewSpacesPerHour),
        exists: (spaceId) =>
          access(join(spacesDir, spaceId, 'credential.json')).then(
            () => true,
            () => false,
          ),
      },
      warn,
    ),
    persistenceExtension(store, opts.maxSpaceBytes, warn),
  ]
  const hocuspocus = new Hocuspocus({ name: 'keepsake-relay', quiet: true, extensions })

  const rateLimit = createConnectionRateLimit(opts.maxConnectionsPerMinute)
  const warnOnce = throttledWarning(warn)
  const sockets = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes })
  const answer: RequestListener = (_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain' })
    res.end('Keepsake relay: connect with a WebSocket.\n')
  }
  let http: ReturnType<typeof createServer>
  if (opts.tls) {
    const tls = await readTls(opts.tls)
    if (!tls.ok) {
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
      return tls
    }
    try {
      http = createTlsServer({ cert: tls.value.cert, key: tls.value.key }, answer)
    } catch (e) {
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
      return err('validation', `the TLS certificate and key do not work together: ${describe(e)}`)
    }
  } else {
    http = createServer(answer)
  }
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!rateLimit.allow(request.socket.remoteAddress ?? 'unknown')) {
      refuseUpgrade(socket, '429 Too Many Requests')
      return
    }
    if (!isAllowedOrigin(request.headers.origin, opts.allowedOrigins)) {
      refuseUpgrade(socket, '403 Forbidden')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // Without a listener a socket error (e.g. an oversized message) would crash the process.
      ws.on('error', () => undefined)
      const gated = gateSocket(ws, opts, warnOnce)
      // Hocuspocus uses only the part of the socket the gate forwards (see pre-auth-gate.ts).
      hocuspocus.handleConnection(gated as unknown as WebSocket, request)
    })
  })

  const listening = await new Promise<Result<number>>((resolve) => {
    http.once('error', (e: NodeJS.ErrnoException) => {
      const message =
        e.code === 'EADDRINUSE'
          ? `port ${opts.port} on ${opts.host} is already in use`
          : `cannot listen on ${opts.host}:${opts.port}: ${describe(e)}`
      resolve(err(e.code === 'EADDRINUSE' ? 'busy' : 'internal', message))
    })
    http.listen({ port: opts.port, host: opts.host }, () => {
      const address = http.address()
      resolve(ok(typeof address === 'object' && address ? address.port : opts.port))
    })
  })
  if (!listening.ok) {
    sockets.close()
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    return listening
  }
  const port = listening.value

  let stopping: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => http.close(() => resolve()))
    hocuspocus.closeConnections()
    for (const client of sockets.clients) client.terminate()
    sockets.close()
    // Documents unload asynchronously after their last connection closes (Redis delays it by a second).
    await waitUntil(() => hocuspocus.getDocumentsCount() === 0, 3000)
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    // Checks and stores under way finish; later ones are refused, so nothing lands after the stop.
    await credentials.close()
    await store.close()
    await closed
  }

  return ok({
    url: formatUrl(opts.host, port, opts.tls !== undefined),
    port,
    stop: () => (stopping ??= stop()),
  })
}
