import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { REFUSAL } from '../../../electron/relay/auth-extension'
import { SPACE_FULL_REASON } from '../../../electron/relay/persistence-extension'
import {
  RETIRED_ANSWER,
  RETIRE_REQUEST,
  ROOM_RETIRED,
  retireRequest,
  retiredRefusal,
  roomIdOf,
} from '../../../shared/relay-room'
import { startRedis } from '../../support/redis'
import { killAllRelays, startRelayProcess, type RelayProcess } from '../../support/relay-process'

// A stranger's view of the relay: raw frames on a real `node out/main/relay.js` process.
const MiB = 1024 * 1024
const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const MESSAGE_STATELESS = 5
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

const spacesOnDisk = async (r: RelayProcess): Promise<string[]> =>
  (await readdir(join(r.dataDir, 'spaces')).catch(() => [] as string[])).filter(
    (name) => !name.startsWith('.'),
  )

/** Waits until `socket` has received something that contains `text` (as bytes decoded loosely). */
const heard = async (socket: RawSocket, text: string): Promise<void> => {
  const end = Date.now() + 10_000
  while (!socket.received.some((m) => Buffer.from(m).toString('latin1').includes(text))) {
    if (Date.now() > end) throw new Error(`never heard "${text}"`)
    await new Promise((r) => setTimeout(r, 20))
  }
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

/** Registers `space:<id>` (or the document `name`) with the owner's credential, as a paired device would. */
const registerSpace = async (
  url: string,
  id: string,
  name = `space:${id}`,
): Promise<() => void> => {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  let authenticated = false
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
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

  it('lets only a holder of the secret claim a room: its name is the hash of the credential', async () => {
    const r = await relay()
    const room = await roomIdOf(OWNER_CREDENTIAL)
    // A stranger who learned the room's name (it travels on the network) cannot claim it first.
    const stranger = await open(r.url)
    stranger.ws.send(authFrame(`room:${room}`, 'w'.repeat(43)))
    await heard(stranger, REFUSAL.wrongSecret)
    expect(await within(stranger.closed, 5_000, 'close after the refusal')).toBe(4403)
    expect(await spacesOnDisk(r)).toEqual([])
    // The owner, whose credential hashes to the name, registers it; the stranger stays out.
    const owner = await registerSpace(r.url, '', `room:${room}`)
    owner()
    expect(await spacesOnDisk(r)).toEqual([`room.${room}`])
    const again = await open(r.url)
    again.ws.send(authFrame(`room:${room}`, 'w'.repeat(43)))
    await heard(again, REFUSAL.wrongSecret)
    // A name that is not a hash is no room.
    const odd = await open(r.url)
    odd.ws.send(authFrame(`room:${'A'.repeat(64)}`, OWNER_CREDENTIAL))
    await heard(odd, REFUSAL.notASpace)
  })

  it('retires a room only for a holder of its credential, and then refuses every credential', async () => {
    const r = await relay()
    const room = `room:${await roomIdOf(OWNER_CREDENTIAL)}`
    const leave = await registerSpace(r.url, '', room)
    leave()
    // A stranger's retire request, sent without authenticating, changes nothing.
    const stranger = await open(r.url)
    stranger.ws.send(
      frame(room, (e) => {
        encoding.writeVarUint(e, MESSAGE_STATELESS)
        encoding.writeVarString(e, RETIRE_REQUEST)
      }),
    )
    stranger.ws.send(authFrame(room, 'w'.repeat(43)))
    await heard(stranger, REFUSAL.wrongSecret)
    const still = await registerSpace(r.url, '', room)
    still()

    const socket = new HocuspocusProviderWebsocket({ url: r.url, WebSocketPolyfill: WebSocket })
    let answered = false
    let closedWith = ''
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: room,
      document: new Y.Doc(),
      token: OWNER_CREDENTIAL,
      onAuthenticated: () => provider.sendStateless(RETIRE_REQUEST),
      onStateless: ({ payload }) => (answered ||= payload === RETIRED_ANSWER),
      onClose: ({ event }) => (closedWith ||= String(event.reason)),
    })
    provider.attach()
    const end = Date.now() + 10_000
    while (!(answered && closedWith) && Date.now() < end)
      await new Promise((t) => setTimeout(t, 20))
    provider.destroy()
    socket.destroy()
    expect(answered).toBe(true)
    expect(closedWith).toBe(ROOM_RETIRED)
    const owner = await open(r.url)
    owner.ws.send(authFrame(room, OWNER_CREDENTIAL))
    await heard(owner, ROOM_RETIRED)
    expect(await within(owner.closed, 5_000, 'close after the refusal')).toBe(4403)
  })

  it('keeps the handover left with a retired room and gives it only to holders of the old credential', async () => {
    const r = await relay()
    const spaceId = 'c0ffee00-5a43-4c1e-9b1f-0e7c0d7f4a11'
    const name = `space:${spaceId}`
    const leave = await registerSpace(r.url, spaceId)
    leave()
    const handover = 'sealed-for-the-devices-that-stay_0123456789'
    const socket = new HocuspocusProviderWebsocket({ url: r.url, WebSocketPolyfill: WebSocket })
    let answered = false
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: new Y.Doc(),
      token: OWNER_CREDENTIAL,
      onAuthenticated: () => provider.sendStateless(retireRequest(handover)),
      onStateless: ({ payload }) => (answered ||= payload === RETIRED_ANSWER),
    })
    provider.attach()
    const end = Date.now() + 10_000
    while (!answered && Date.now() < end) await new Promise((t) => setTimeout(t, 20))
    provider.destroy()
    socket.destroy()
    expect(answered).toBe(true)
    // The holder of the old credential is refused, and handed what was left for it.
    const owner = await open(r.url)
    owner.ws.send(authFrame(name, OWNER_CREDENTIAL))
    await heard(owner, retiredRefusal(handover))
    // Anyone else who names the space is refused without it.
    const stranger = await open(r.url)
    stranger.ws.send(authFrame(name, 'w'.repeat(43)))
    await heard(stranger, ROOM_RETIRED)
    await within(stranger.closed, 5_000, 'close after the refusal')
    expect(
      stranger.received.some((m) => Buffer.from(m).toString('latin1').includes(handover)),
    ).toBe(false)
  })

  it('refuses a retired room on every relay instance that shares its Redis', async () => {
    const redis = await startRedis()
    try {
      const args = ['--redis-host', redis.host, '--redis-port', String(redis.port)]
      const [one, two] = [await relay(args), await relay(args)]
      const room = `room:${await roomIdOf(OWNER_CREDENTIAL)}`
      const socket = new HocuspocusProviderWebsocket({ url: one.url, WebSocketPolyfill: WebSocket })
      let answered = false
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: room,
        document: new Y.Doc(),
        token: OWNER_CREDENTIAL,
        onAuthenticated: () => provider.sendStateless(RETIRE_REQUEST),
        onStateless: ({ payload }) => (answered ||= payload === RETIRED_ANSWER),
      })
      provider.attach()
      const end = Date.now() + 10_000
      while (!answered && Date.now() < end) await new Promise((t) => setTimeout(t, 20))
      provider.destroy()
      socket.destroy()
      expect(answered).toBe(true)
      const elsewhere = await open(two.url)
      elsewhere.ws.send(authFrame(room, OWNER_CREDENTIAL))
      await heard(elsewhere, ROOM_RETIRED)
    } finally {
      await killAllRelays()
      await redis.stop()
    }
  })

  it('keeps serving a space registered under its own id before rooms existed', async () => {
    const r = await relay()
    // As a relay before rooms wrote it: spaces/<space id>/credential.json with the credential's hash.
    const { createHash } = await import('node:crypto')
    const { mkdir, writeFile } = await import('node:fs/promises')
    const legacy = join(r.dataDir, 'spaces', 'b9d8a9c2-5a43-4c1e-9b1f-0e7c0d7f4a11')
    await mkdir(legacy, { recursive: true, mode: 0o700 })
    const sha256 = createHash('sha256').update(OWNER_CREDENTIAL).digest('hex')
    const registeredAt = '2026-11-01T10:00:00.000Z'
    await writeFile(join(legacy, 'credential.json'), JSON.stringify({ v: 1, sha256, registeredAt }))
    const owner = await registerSpace(r.url, 'b9d8a9c2-5a43-4c1e-9b1f-0e7c0d7f4a11')
    owner()
    const stranger = await open(r.url)
    stranger.ws.send(authFrame('space:b9d8a9c2-5a43-4c1e-9b1f-0e7c0d7f4a11', 'w'.repeat(43)))
    await heard(stranger, REFUSAL.wrongSecret)
  })

  it('lets one connection register only a few spaces, and one address only so many an hour', async () => {
    const r = await relay(['--max-new-spaces-per-hour', '6'])
    const first = await open(r.url)
    for (let i = 1; i <= 4; i++) {
      first.ws.send(authFrame(`space:mine-${i}`, OWNER_CREDENTIAL))
      await heard(first, `space:mine-${i}`)
    }
    first.ws.send(authFrame('space:mine-5', OWNER_CREDENTIAL))
    await heard(first, REFUSAL.tooManySpaces)
    expect(await within(first.closed, 5_000, 'close after the refusal')).toBe(4403)

    const second = await open(r.url)
    for (const id of ['more-1', 'more-2']) {
      second.ws.send(authFrame(`space:${id}`, OWNER_CREDENTIAL))
      await heard(second, `space:${id}`)
    }
    second.ws.send(authFrame('space:more-3', OWNER_CREDENTIAL))
    await heard(second, REFUSAL.tooManySpaces)
    expect((await spacesOnDisk(r)).sort()).toEqual(
      ['mine-1', 'mine-2', 'mine-3', 'mine-4', 'more-1', 'more-2'].sort(),
    )
    // A space the relay already holds is not new: its owner still gets in.
    const owner = await registerSpace(r.url, 'mine-1')
    owner()
  })

  it('refuses an update that would take a space past its storage quota, and stores none of it', async () => {
    const r = await relay(['--max-space-bytes', String(64 * 1024)])
    const socket = new HocuspocusProviderWebsocket({ url: r.url, WebSocketPolyfill: WebSocket })
    const doc = new Y.Doc()
    let closeReason = ''
    let synced = false
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: 'space:full',
      document: doc,
      token: OWNER_CREDENTIAL,
      onSynced: () => (synced = true),
      onClose: ({ event }) => (closeReason ||= event.reason),
    })
    provider.attach()
    const end = Date.now() + 10_000
    while (!synced && Date.now() < end) await new Promise((t) => setTimeout(t, 20))
    doc.getMap('items').set('small', new Uint8Array(8 * 1024))
    doc.getMap('items').set('big', new Uint8Array(96 * 1024))
    while (closeReason === '' && Date.now() < end) await new Promise((t) => setTimeout(t, 20))
    provider.destroy()
    socket.destroy()
    expect(closeReason).toBe(SPACE_FULL_REASON)
    await r.stop()
    const { readFile } = await import('node:fs/promises')
    const log = await readFile(join(r.dataDir, 'spaces', 'full', 'updates.log'))
    expect(log.byteLength).toBeGreaterThan(8 * 1024)
    expect(log.byteLength).toBeLessThan(64 * 1024)
  })

  it('keeps its data owner-only: 0700 folders, 0600 files', async () => {
    const r = await relay()
    const leave = await registerSpace(r.url, 'private')
    leave()
    await r.stop()
    const { stat } = await import('node:fs/promises')
    const spaceDir = join(r.dataDir, 'spaces', 'private')
    for (const path of [join(r.dataDir, 'spaces'), spaceDir]) {
      expect((await stat(path)).mode & 0o777, path).toBe(0o700)
    }
    for (const name of await readdir(spaceDir)) {
      expect((await stat(join(spaceDir, name))).mode & 0o777, name).toBe(0o600)
    }
  })

  it('speaks wss:// with a certificate the person supplies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-tls-'))
    dirs.push(dir)
    const cert = join(dir, 'cert.pem')
    const key = join(dir, 'key.pem')
    const { execFileSync } = await import('node:child_process')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    )
    const r = await relay(['--tls-cert', cert, '--tls-key', key])
    expect(r.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/)
    const { readFile } = await import('node:fs/promises')
    const ca = await readFile(cert)
    const socket = await new Promise<RawSocket>((done, fail) => {
      const ws = new WebSocket(r.url, { ca })
      const received: Uint8Array[] = []
      const closed = new Promise<number>((c) => ws.once('close', (code) => c(code)))
      ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
      ws.once('open', () => done({ ws, closed, received }))
      ws.once('error', fail)
    })
    socket.ws.send(authFrame('space:over-tls', OWNER_CREDENTIAL))
    await heard(socket, 'space:over-tls')
    socket.ws.close()
  })
})
