import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { REFUSAL } from '../../../electron/relay/auth-extension'
import { startRelay, type RunningRelay } from '../../../electron/relay/relay'
import { createSpaceStore } from '../../../electron/relay/space-store'
import { freePort } from '../../support/relay-process'

const CREDENTIAL = 'c'.repeat(43)
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const freshDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-relay-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

const relayOn = async (
  options: Partial<Parameters<typeof startRelay>[0]> = {},
): Promise<RunningRelay> => {
  const started = await startRelay({ dataDir: await freshDir(), port: 0, ...options })
  if (!started.ok) throw new Error(started.error.message)
  cleanups.push(() => started.value.stop())
  return started.value
}

const until = async (what: string, condition: () => boolean): Promise<void> => {
  const end = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A plain Hocuspocus client of one document. */
const client = (url: string, name: string, token: string) => {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const doc = new Y.Doc()
  const events = { refused: null as string | null, authenticated: false }
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => (events.refused = reason),
    onAuthenticated: () => (events.authenticated = true),
  })
  provider.attach()
  cleanups.push(() => {
    provider.destroy()
    socket.destroy()
  })
  return { doc, provider, events }
}

/** Opens a raw WebSocket; resolves with the HTTP status of a refused upgrade, or 101. */
const upgradeStatus = (url: string): Promise<number> =>
  new Promise((done) => {
    const ws = new WebSocket(url)
    ws.on('open', () => {
      ws.close()
      done(101)
    })
    ws.on('unexpected-response', (_req, res) => {
      done(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('error', () => undefined)
  })

describe('startRelay', () => {
  it('refuses a missing credential and a document that is not a space, with reasons', async () => {
    const relay = await relayOn()
    const anonymous = client(relay.url, 'space:s1', '')
    const stranger = client(relay.url, 'notes', CREDENTIAL)
    await until(
      'both refusals',
      () => anonymous.events.refused !== null && stranger.events.refused !== null,
    )
    expect(anonymous.events.refused).toBe(REFUSAL.missingCredential)
    expect(stranger.events.refused).toBe(REFUSAL.notASpace)
  })

  it('refuses a second credential for a registered space', async () => {
    const relay = await relayOn()
    const first = client(relay.url, 'space:s1', CREDENTIAL)
    await until('the first device admitted', () => first.events.authenticated)
    const second = client(relay.url, 'space:s1', 'd'.repeat(43))
    await until('the second device refused', () => second.events.refused !== null)
    expect(second.events.refused).toBe('wrong sync secret for this space')
  })

  it('has an update on disk by the time it acknowledges it', async () => {
    const dataDir = await freshDir()
    const relay = await relayOn({ dataDir })
    const writer = client(relay.url, 'space:s1', CREDENTIAL)
    await until('synced', () => writer.provider.synced)
    writer.doc.getMap('items').set('item-1', { ct: new Uint8Array([1, 2, 3]) })
    await until('acknowledged', () => !writer.provider.hasUnsyncedChanges)
    // Read the store behind the running relay's back: no flush, no shutdown.
    const loaded = await createSpaceStore(join(dataDir, 'spaces'), () => undefined).load('s1')
    expect(loaded.ok).toBe(true)
    const replica = new Y.Doc()
    if (loaded.ok) for (const u of loaded.value) Y.applyUpdate(replica, u)
    expect(replica.getMap('items').get('item-1')).toEqual({ ct: new Uint8Array([1, 2, 3]) })
  })

  it('limits connections per address per minute', async () => {
    const relay = await relayOn({ maxConnectionsPerMinute: 2 })
    expect(await upgradeStatus(relay.url)).toBe(101)
    expect(await upgradeStatus(relay.url)).toBe(101)
    expect(await upgradeStatus(relay.url)).toBe(429)
  })

  it('closes a connection that sends a message over the size limit', async () => {
    const relay = await relayOn({ maxMessageBytes: 2048 })
    const code = await new Promise<number>((done) => {
      const ws = new WebSocket(relay.url)
      ws.on('open', () => ws.send(new Uint8Array(4096)))
      ws.on('close', (c) => done(c))
      ws.on('error', () => undefined)
    })
    expect(code).toBe(1009)
  })

  it('returns expected failures as values', async () => {
    const blocker = createServer()
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done))
    cleanups.push(() => new Promise<void>((done) => blocker.close(() => done())))
    const address = blocker.address()
    const takenPort = typeof address === 'object' && address ? address.port : 0

    const busy = await startRelay({ dataDir: await freshDir(), port: takenPort })
    expect(!busy.ok && busy.error.code).toBe('busy')

    const file = join(await freshDir(), 'a-file')
    await writeFile(file, '')
    const unwritable = await startRelay({ dataDir: file, port: 0 })
    expect(!unwritable.ok && unwritable.error.code).toBe('storage')

    const noRedis = await startRelay({
      dataDir: await freshDir(),
      port: 0,
      redis: { host: '127.0.0.1', port: await freePort() },
    })
    expect(!noRedis.ok && noRedis.error.code).toBe('sync-unreachable')

    const invalid = await startRelay({ dataDir: await freshDir(), port: 70_000 })
    expect(!invalid.ok && invalid.error).toMatchObject({ code: 'validation', path: 'relay.port' })
  })

  it('releases its port on stop', async () => {
    const dataDir = await freshDir()
    const first = await startRelay({ dataDir, port: 0 })
    if (!first.ok) throw new Error(first.error.message)
    await first.value.stop()
    const again = await startRelay({ dataDir, port: first.value.port })
    if (!again.ok) throw new Error(again.error.message)
    await again.value.stop()
    expect(again.value.url).toBe(`ws://127.0.0.1:${first.value.port}`)
  })
})
