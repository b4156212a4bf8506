import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { killAllRelays, startRelayProcess, type RelayProcess } from '../../support/relay-process'

// A stranger's view of the relay: raw frames on a real `node out/main/relay.js` process.
const MiB = 1024 * 1024
const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const SYNC_UPDATE = 2
const OWNER_CREDENTIAL = 'o'.repeat(43)

const dirs: string[] = []
afterEach(async () => {
  await killAllRelays()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

const relay = async (args: string[] = []): Promise<RelayProcess> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-attack-'))
  dirs.push(dataDir)
  return startRelayProcess({ dataDir, args, heapProbe: true })
}

const frame = (documentName: string, write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, documentName)
  write(e)
  return encoding.toUint8Array(e)
}

const authFrame = (documentName: string, token: string): Uint8Array =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, token)
  })

const updateFrame = (documentName: string, bytes: number): Uint8Array =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_UPDATE)
    encoding.writeVarUint8Array(e, new Uint8Array(bytes).fill(7))
  })

interface RawSocket {
  ws: WebSocket
  closed: Promise<number>
  received: Uint8Array[]
}

const open = (url: string, headers: Record<string, string> = {}): Promise<RawSocket> =>
  new Promise((done, fail) => {
    const ws = new WebSocket(url, { headers })
    const received: Uint8Array[] = []
    const closed = new Promise<number>((c) => ws.once('close', (code) => c(code)))
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
    ws.on('error', () => undefined)
    ws.once('open', () => done({ ws, closed, received }))
    ws.once('unexpected-response', (_req, res) => fail(new Error(`upgrade ${res.statusCode}`)))
  })

/** Sends each frame after the previous one left the client; stops when the relay has closed. */
const sendAll = async (socket: RawSocket, frames: Uint8Array[]): Promise<void> => {
  for (const f of frames) {
    if (socket.ws.readyState !== WebSocket.OPEN) return
    await new Promise<void>((done) => socket.ws.send(f, () => done()))
  }
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, fail) =>
      setTimeout(() => fail(new Error(`no ${what} within ${ms} ms`)), ms),
    ),
  ])

/** Registers `space:<id>` with the owner's credential, as a paired device would. */
const registerSpace = async (url: string, id: string): Promise<() => void> => {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  let authenticated = false
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `space:${id}`,
    document: new Y.Doc(),
    token: OWNER_CREDENTIAL,
    onAuthenticated: () => (authenticated = true),
  })
  provider.attach()
  const end = Date.now() + 10_000
  while (!authenticated && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
  expect(authenticated).toBe(true)
  return () => {
    provider.destroy()
    socket.destroy()
  }
}

describe('the relay against strangers', () => {
  it('holds nothing for a document that was never authenticated, and closes the socket', async () => {
    const r = await relay()
    const before = await r.heapAfterGc()
    const stranger = await open(r.url)
    await sendAll(
      stranger,
      Array.from({ length: 6 }, () => updateFrame('space:victim', 8 * MiB)),
    )
    expect(await within(stranger.closed, 10_000, 'close')).toBe(4413)
    const after = await r.heapAfterGc()
    // Before the gate the relay kept all 48 MiB queued for as long as the socket stayed open.
    expect(after - before).toBeLessThan(4 * MiB)
  })

  it('closes the socket after refusing a wrong secret, so nothing more is buffered', async () => {
    const r = await relay()
    const leave = await registerSpace(r.url, 'owned')
    const before = await r.heapAfterGc()
    const stranger = await open(r.url)
    stranger.ws.send(authFrame('space:owned', 'w'.repeat(43)))
    await sendAll(stranger, [updateFrame('space:owned', 64 * 1024)])
    expect(await within(stranger.closed, 10_000, 'close after the refusal')).toBe(4403)
    // The refusal itself still reaches the client before the close.
    expect(stranger.received.length).toBeGreaterThan(0)
    expect(Buffer.from(stranger.received[0] ?? []).toString()).toContain('wrong sync secret')
    expect((await r.heapAfterGc()) - before).toBeLessThan(4 * MiB)
    leave()
  })

  it('closes a socket that authenticates nothing in time', async () => {
    const r = await relay(['--auth-deadline-ms', '300'])
    const idle = await open(r.url)
    expect(await within(idle.closed, 5_000, 'close of an idle socket')).toBe(4408)
  })

  it('refuses web pages from other origins but admits the app, loopback pages and native devices', async () => {
    const r = await relay(['--allow-origin', 'https://keepsake.example'])
    await expect(open(r.url, { Origin: 'https://evil.example' })).rejects.toThrow('upgrade 403')
    await expect(open(r.url, { Origin: 'null' })).rejects.toThrow('upgrade 403')
    await expect(open(r.url, { Origin: 'http://127.0.0.1.evil.example' })).rejects.toThrow(
      'upgrade 403',
    )
    for (const origin of [
      undefined,
      'keepsake://app',
      'http://127.0.0.1:5173',
      'http://localhost:8080',
      'https://keepsake.example',
    ]) {
      const socket = await open(r.url, origin === undefined ? {} : { Origin: origin })
      socket.ws.close()
    }
  })

  it('logs a malformed frame as one line, not a stack trace per frame', async () => {
    const r = await relay()
    for (let i = 0; i < 5; i++) {
      const socket = await open(r.url)
      socket.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))
      expect(await within(socket.closed, 5_000, 'close')).toBe(4400)
    }
    const lines = r.stderr().trim().split('\n')
    expect(lines).toEqual(['keepsake relay: closed a connection that sent a malformed message'])
  })
})
