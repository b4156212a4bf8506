import 'fake-indexeddb/auto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startRelay } from '../../../electron/relay/relay'
import { freePort, startRelayProcess } from '../../support/relay-process'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { rememberFact } from '../../../renderer/runtime/memory/memory-ops'
import { memoryMap } from '../../../renderer/runtime/memory/memory-doc'
import { Space } from '../../../renderer/runtime/space/space'
import { decodePairingCode, encodePairingCode } from '../../../renderer/runtime/sync'
import { PAIRING_KEY, readPairing } from '../../../renderer/runtime/sync-service/pairing-store'
import { seenStore } from '../../../renderer/runtime/sync-service/seen-store'
import {
  createSyncSupervisor,
  type SyncScope,
  type SyncSupervisor,
} from '../../../renderer/runtime/sync-service/sync-supervisor'
import type { RuntimeContext } from '../../../renderer/runtime/context'
import type { SyncStatusView } from '../../../shared/contract/sync-requests'
import { loadMemoryItem } from '../../../shared/schema/migrate'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'

/**
 * Node 20 has no global WebSocket; the runtime's worker does. Unlike a browser's, `ws` reports
 * closing a socket that is still connecting as an error event, which nothing listens to here.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}
vi.stubGlobal('WebSocket', BrowserLikeWebSocket)

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const quiet = {
  memoryChanged: () => undefined,
  conversationsChanged: () => undefined,
  messagesAppended: () => undefined,
  messagesRemoved: () => undefined,
  nameChanged: () => undefined,
  storageFailed: (message: string) => console.error(message),
}

/** Opens the space `spaceId` from the database `dbName` (two devices share a space id, not a DB). */
async function openSpace(dbName: string, spaceId: string): Promise<Space> {
  const opened = await Space.open(new SpaceDb(dbName), spaceId, 'Test memory', quiet)
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

/** A device: a space, a supervisor, and every status it pushed. */
interface Device {
  scope: SyncScope
  sync: SyncSupervisor
  statuses: SyncStatusView[]
}

function device(space: Space, deviceId: string): Device {
  const statuses: SyncStatusView[] = []
  const emit: RuntimeContext['emit'] = (name, payload) => {
    if (name === 'sync.status') statuses.push(payload as SyncStatusView)
  }
  const sync = createSyncSupervisor(emit)
  cleanups.push(() => sync.stop())
  const scope = { space, deviceId }
  sync.adopt(scope)
  return { scope, sync, statuses }
}

async function relay(): Promise<string> {
  return (await relayWithDir()).url
}

async function relayWithDir(): Promise<{
  url: string
  dataDir: string
  stop: () => Promise<void>
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-sync-service-'))
  const started = await startRelay({ dataDir, port: 0, onWarning: () => undefined })
  if (!started.ok) throw new Error(started.error.message)
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  cleanups.push(() => started.value.stop())
  return { url: started.value.url, dataDir, stop: () => started.value.stop() }
}

const user = { now: new Date('2026-05-01T09:00:00.000Z'), actor: 'user', source: null }

let tick = Date.parse('2026-05-01T10:00:00.000Z')
function message(text: string): Message {
  tick += 1000
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    role: 'user',
    text,
    createdAt: new Date(tick).toISOString(),
    deviceId: 'device-a',
    speaker: null,
    replyTo: null,
    error: null,
  }
}

/** The secret a pairing code carries. */
const decodeSecret = (code: string): string => {
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  return pairing.value.secret
}

const texts = async (space: Space): Promise<string[]> =>
  (await space.memory()).items.map((i) => i.text).sort()

const waitUntil = (what: string, check: () => Promise<boolean> | boolean) =>
  vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`)
    },
    { timeout: 20_000, interval: 50 },
  )

describe('sync of a space between two devices through a relay', () => {
  it('converges memory, conversations and messages both ways; a v1 record written on A reads as v2 on B', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const spaceA = await openSpace(`a-${spaceId}`, spaceId)
    // An older build on A wrote this record as schema v1.
    const v1Fact = {
      schemaVersion: 1,
      id: 'old-fact-1',
      kind: 'fact',
      text: 'My timezone is America/New_York',
      confirmedAt: '2026-01-02T03:04:05.000Z',
      sourceMessageId: 'm-old',
    }
    await spaceA.state.change((doc) => memoryMap(doc).set(v1Fact.id, v1Fact))
    await spaceA.changeMemory((doc) => ({
      ok: true,
      value: rememberFact(doc, 'I prefer pgvector over Pinecone', 'general', user),
    }))
    const conversation = await spaceA.createConversation('Benchmarks', new Date())
    if (!conversation.ok) throw new Error(conversation.error.message)
    await spaceA.append(conversation.value.id, [message('hybrid search accuracy is 0.71')])

    const a = device(spaceA, 'device-a')
    await a.sync.settled()
    expect(a.sync.status().state).toBe('unpaired')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)

    const spaceB = await openSpace(`b-${spaceId}`, spaceId)
    const b = device(spaceB, 'device-b')
    const joined = await b.sync.join(b.scope, paired.value.code, 'laptop B')
    expect(joined).toEqual({ ok: true, value: { joined: 'here' } })

    await waitUntil('A’s memory on B', async () => (await texts(spaceB)).length === 2)
    const raw = memoryMap(spaceB.state.doc).get('old-fact-1')
    expect(raw).toEqual(v1Fact)
    const loaded = loadMemoryItem(raw)
    expect(loaded.ok && loaded.value.type === 'current' && loaded.value.migratedFrom).toBe(1)
    expect(loaded.ok && loaded.value.type === 'current' && loaded.value.value.schemaVersion).toBe(2)
    expect(await texts(spaceB)).toContain('My timezone is America/New_York')

    await waitUntil('A’s conversation list on B', async () =>
      (await spaceB.summaries()).some((s) => s.title === 'Benchmarks'),
    )
    await waitUntil('A’s messages on B', async () => {
      const page = await spaceB.page(conversation.value.id, 0, 10)
      return page.ok && page.value.some((m) => m.text === 'hybrid search accuracy is 0.71')
    })

    // A conversation started on B after pairing reaches A.
    const fromB = await spaceB.createConversation('From B', new Date())
    if (!fromB.ok) throw new Error(fromB.error.message)
    await spaceB.append(fromB.value.id, [message('written on laptop B')])
    await waitUntil('B’s conversation on A', async () => {
      const page = await spaceA.page(fromB.value.id, 0, 10)
      return page.ok && page.value.some((m) => m.text === 'written on laptop B')
    })

    await waitUntil('both to list both devices', () =>
      [a, b].every((d) => d.sync.status().devices.length === 2),
    )
    expect(b.sync.status().devices.find((d) => d.thisDevice)?.name).toBe('laptop B')
    expect(a.statuses.some((s) => s.state === 'connected' && !s.initialSync)).toBe(true)
  })

  it('resumes from the stored pairing after a restart, and catches up on what changed meanwhile', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const spaceA = await openSpace(`a-${spaceId}`, spaceId)
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)

    const dbB = `b-${spaceId}`
    const first = await openSpace(dbB, spaceId)
    const b1 = device(first, 'device-b')
    await b1.sync.join(b1.scope, paired.value.code)
    await waitUntil('B to catch up', () => b1.sync.status().state === 'connected')
    // B keeps what it saw on the relay, so a relay that later serves less is reported.
    await waitUntil('B’s seen mark stored', async () => {
      const mark = await seenStore(first).load()
      return mark.ok && mark.value?.relayUrl === url
    })
    await b1.sync.stop()
    await first.settle()
    first.db.close()

    await spaceA.changeMemory((doc) => ({
      ok: true,
      value: rememberFact(doc, 'Written while B was closed', 'general', user),
    }))

    const db = new SpaceDb(dbB)
    const stored = await readPairing(db)
    db.close()
    expect(stored.ok && stored.value?.keys.itemKey).toBeInstanceOf(CryptoKey)

    const again = await openSpace(dbB, spaceId)
    const b2 = device(again, 'device-b')
    await waitUntil('B to resume on its own', async () =>
      (await texts(again)).includes('Written while B was closed'),
    )
    expect(b2.statuses[0]?.state).not.toBe('unpaired')
  })

  it('after a restart, takes in only what is new and loads no conversation the relay holds all of', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const spaceA = await openSpace(`a-${spaceId}`, spaceId)
    const ids: string[] = []
    for (const title of ['Kitchen', 'Garden', 'Taxes']) {
      const c = await spaceA.createConversation(title, new Date())
      if (!c.ok) throw new Error(c.error.message)
      await spaceA.append(c.value.id, [message(`${title} one`), message(`${title} two`)])
      ids.push(c.value.id)
    }
    const [kitchen, garden, taxes] = ids as [string, string, string]
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)

    const dbB = `b-${spaceId}`
    const first = await openSpace(dbB, spaceId)
    const b1 = device(first, 'device-b')
    await b1.sync.join(b1.scope, paired.value.code)
    const holds = async (space: Space, id: string, text: string): Promise<boolean> => {
      const page = await space.page(id, 0, 50)
      return page.ok && page.value.some((m) => m.text === text)
    }
    await waitUntil('B to hold every conversation', async () =>
      (
        await Promise.all(
          ids.map((id, i) => holds(first, id, `${['Kitchen', 'Garden', 'Taxes'][i]} two`)),
        )
      ).every(Boolean),
    )
    await waitUntil('B to be connected', () => b1.sync.status().state === 'connected')
    // Written on B before it quits, and never sent (sync is stopped): the next start must send it.
    await b1.sync.stop()
    const offline = message('written on B while sync was off')
    expect((await first.append(taxes, [offline])).ok).toBe(true)
    await first.settle()
    first.db.close()

    const again = await openSpace(dbB, spaceId)
    const loaded = vi.spyOn(again, 'syncDoc')
    const b2 = device(again, 'device-b')
    await waitUntil('B to be connected again', () => b2.sync.status().state === 'connected')
    await waitUntil('B’s offline message on A', () => holds(spaceA, taxes, offline.text))
    // Only what changed here was loaded: the space document and the conversation written offline.
    const docsLoaded = new Set(loaded.mock.calls.map(([docId]) => docId))
    expect(docsLoaded.has(`conversation:${kitchen}`)).toBe(false)
    expect(docsLoaded.has(`conversation:${garden}`)).toBe(false)
    expect(again.isDocOpen(`conversation:${kitchen}`)).toBe(false)

    // Something new on A still arrives, loading only the conversation it is for.
    const news = message('new on A after B restarted')
    expect((await spaceA.append(garden, [news])).ok).toBe(true)
    await waitUntil('A’s new message on B', () => holds(again, garden, news.text))
    expect(again.isDocOpen(`conversation:${kitchen}`)).toBe(false)
    expect(await holds(again, kitchen, 'Kitchen two')).toBe(true)
  })

  it('keeps the secret when pairing again with another relay, and forgets it on unpair', async () => {
    const [one, two] = [await relay(), await relay()]
    const spaceId = crypto.randomUUID()
    const space = await openSpace(`a-${spaceId}`, spaceId)
    const a = device(space, 'device-a')
    const first = await a.sync.pair(a.scope, one)
    const second = await a.sync.pair(a.scope, two)
    if (!first.ok || !second.ok) throw new Error('pairing failed')
    const [p1, p2] = [decodePairingCode(first.value.code), decodePairingCode(second.value.code)]
    if (!p1.ok || !p2.ok) throw new Error('bad code')
    expect(p2.value).toEqual({ ...p1.value, relayUrl: two })
    // The code carries what another device needs and nothing else (no derived keys, no names).
    const json = Buffer.from(second.value.code.replace('keepsake-sync:', ''), 'base64url')
    expect(JSON.parse(json.toString())).toEqual({ v: 2, ...p2.value, room: undefined })
    expect(await a.sync.code(a.scope)).toEqual(second)

    await waitUntil('A’s seen mark stored', async () => {
      const mark = await seenStore(space).load()
      return mark.ok && mark.value !== null
    })
    expect((await a.sync.unpair(a.scope)).ok).toBe(true)
    expect(await seenStore(space).load()).toEqual({ ok: true, value: null })
    expect(a.sync.status().state).toBe('unpaired')
    expect(await readPairing(space.db)).toEqual({ ok: true, value: null })
    expect((await a.sync.code(a.scope)).ok).toBe(false)
  })

  it('on unpair, hands the relay it was paired with to the allow-list release', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const space = await openSpace(`a-${spaceId}`, spaceId)
    const released: [string, string][] = []
    const sync = createSyncSupervisor(
      () => undefined,
      undefined,
      undefined,
      async (relayUrl, id) => {
        released.push([relayUrl, id])
        return { ok: true, value: 'forgotten' }
      },
    )
    cleanups.push(() => sync.stop())
    const scope = { space, deviceId: 'device-a' }
    sync.adopt(scope)
    expect((await sync.pair(scope, url)).ok).toBe(true)
    expect(released).toEqual([])
    expect((await sync.unpair(scope)).ok).toBe(true)
    expect(released).toEqual([[url, spaceId]])
  })

  it('keeps a space paired before rooms syncing under its id, and its code readable by older builds', async () => {
    const { url, dataDir, stop: relayStop } = await relayWithDir()
    const spaceId = crypto.randomUUID()
    const spaceA = await openSpace(`a-${spaceId}`, spaceId)
    await spaceA.changeMemory((doc) => ({
      ok: true,
      value: rememberFact(doc, 'Paired before rooms', 'general', user),
    }))
    // The pairing as a build before rooms stored it: v1, no room.
    const first = device(spaceA, 'device-a')
    const paired = await first.sync.pair(first.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    await first.sync.stop()
    const stored = await readPairing(spaceA.db)
    if (!stored.ok || stored.value === null) throw new Error('no pairing stored')
    const { room: _room, ...v1 } = { ...stored.value, v: 1 }
    await spaceA.db.kv.put({ key: PAIRING_KEY, value: v1 })
    // The relay stops (storing all A sent), loses its data, as a relay from before rooms would not
    // have it, and starts again at the same address. Removed while it ran, a store landing after the
    // removal would leave a room folder beside the space's.
    await relayStop()
    await rm(join(dataDir, 'spaces'), { recursive: true, force: true })
    const port = Number(new URL(url).port)
    const again = await startRelay({ dataDir, port, onWarning: () => undefined })
    if (!again.ok) throw new Error(again.error.message)
    cleanups.push(() => again.value.stop())
    const { readdir } = await import('node:fs/promises')
    const relayRooms = async (): Promise<string[]> =>
      readdir(join(dataDir, 'spaces')).catch(() => [] as string[])

    const a = device(spaceA, 'device-a')
    await waitUntil('A to sync again', () => a.sync.status().state === 'connected')
    const code = await a.sync.code(a.scope)
    if (!code.ok) throw new Error(code.error.message)
    const json = Buffer.from(code.value.code.replace('keepsake-sync:', ''), 'base64url')
    expect(JSON.parse(json.toString()).v).toBe(1)

    const spaceB = await openSpace(`b-${spaceId}`, spaceId)
    const b = device(spaceB, 'device-b')
    expect((await b.sync.join(b.scope, code.value.code)).ok).toBe(true)
    await waitUntil('A’s memory on B', async () =>
      (await texts(spaceB)).includes('Paired before rooms'),
    )
    expect(await relayRooms()).toEqual([spaceId])
  })

  it('removes a device: the devices that stay follow the new secret by themselves, the removed one is refused and told why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-rotate-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const relayProcess = await startRelayProcess({ dataDir })
    cleanups.push(() => relayProcess.stop())
    const spaceId = crypto.randomUUID()
    const spaceA = await openSpace(`a-${spaceId}`, spaceId)
    await spaceA.changeMemory((doc) => ({
      ok: true,
      value: rememberFact(doc, 'Written before the change', 'general', user),
    }))
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, relayProcess.url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    const spaceB = await openSpace(`b-${spaceId}`, spaceId)
    const b = device(spaceB, 'device-b')
    await b.sync.join(b.scope, paired.value.code, 'laptop B')
    const spaceLost = await openSpace(`lost-${spaceId}`, spaceId)
    const lost = device(spaceLost, 'device-lost')
    await lost.sync.join(lost.scope, paired.value.code, 'lost laptop')
    await waitUntil('every device to have the memory', async () =>
      (await Promise.all([spaceB, spaceLost].map(texts))).every((t) => t.length === 1),
    )
    await waitUntil('the lost laptop connected', () => lost.sync.status().state === 'connected')
    // A knows every device and the key each announced.
    await waitUntil('A to list three devices with keys', () => {
      const devices = a.sync.status().devices
      return devices.length === 3 && devices.every((d) => d.followsKeyChange)
    })

    const changed = await a.sync.changeSecret(a.scope, 'device-lost')
    if (!changed.ok) throw new Error(changed.error.message)
    expect(changed.value.code).not.toBe(paired.value.code)
    // The lost laptop was connected: the relay closes it, refuses it, and it says who removed it.
    await waitUntil('the lost laptop told it was removed', () =>
      (lost.sync.status().message ?? '').startsWith(
        'This device was removed from sync by laptop A on ',
      ),
    )
    expect(lost.sync.status().state).toBe('refused')
    await waitUntil('A on the new secret', () => a.sync.status().state === 'connected')

    // B stays: nobody gives it the code; it takes the new secret from the old room by itself.
    await waitUntil('B on the new secret', async () => {
      const stored = await readPairing(spaceB.db)
      return stored.ok && stored.value?.secret === decodeSecret(changed.value.code)
    })
    await waitUntil('B connected again', () => b.sync.status().state === 'connected')
    expect(b.sync.status().notice).toMatch(
      /^This device was moved to the new sync key by laptop A on /,
    )
    expect(b.statuses.some((s) => s.state === 'refused')).toBe(false)
    await spaceA.changeMemory((doc) => ({
      ok: true,
      value: rememberFact(doc, 'Written after the change', 'general', user),
    }))
    await waitUntil('the new memory on B', async () =>
      (await texts(spaceB)).includes('Written after the change'),
    )
    // The lost laptop, even restarted on its stored pairing, gets nothing new, and says why again.
    await lost.sync.stop()
    const again = device(spaceLost, 'device-lost')
    await waitUntil('the restarted lost laptop told it was removed', () =>
      (again.sync.status().message ?? '').startsWith(
        'This device was removed from sync by laptop A',
      ),
    )
    expect(await texts(spaceLost)).toEqual(['Written before the change'])
    const lostPairing = await readPairing(spaceLost.db)
    expect(lostPairing.ok && lostPairing.value?.secret).toBe(decodeSecret(paired.value.code))
  })

  it('shows a damaged stored pairing as an error instead of ignoring it', async () => {
    const spaceId = crypto.randomUUID()
    const space = await openSpace(`a-${spaceId}`, spaceId)
    await space.db.kv.put({ key: PAIRING_KEY, value: { v: 1, relayUrl: 'http://nope' } })
    const a = device(space, 'device-a')
    await a.sync.settled()
    expect(a.sync.status().state).toBe('error')
    expect(a.sync.status().message).toMatch(/sync\.pairing.*pair again/)
  })

  it('refuses a pairing code that is not one, with a readable reason', async () => {
    const spaceId = crypto.randomUUID()
    const b = device(await openSpace(`b-${spaceId}`, spaceId), 'device-b')
    const joined = await b.sync.join(b.scope, 'hello')
    expect(joined.ok).toBe(false)
    expect(!joined.ok && joined.error.message).toMatch(/not a Keepsake pairing code/)
  })

  it('refuses, before changing anything, a code whose secret names an empty room and one for a relay that does not answer', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const a = device(await openSpace(`a-${spaceId}`, spaceId), 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    const pairing = decodePairingCode(paired.value.code)
    if (!pairing.ok) throw new Error(pairing.error.message)
    const otherId = crypto.randomUUID()
    const spaceB = await openSpace(`b-${otherId}`, otherId)
    const b = device(spaceB, 'device-b')

    const forged = await b.sync.join(
      b.scope,
      encodePairingCode({ ...pairing.value, secret: 'x'.repeat(43) }),
    )
    expect(forged).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(!forged.ok && forged.error.message).toMatch(/Nothing changed on this device\.$/)
    const closed = await freePort()
    const silent = await b.sync.join(
      b.scope,
      encodePairingCode({ ...pairing.value, relayUrl: `ws://127.0.0.1:${closed}` }),
    )
    expect(silent).toMatchObject({ ok: false, error: { code: 'sync-unreachable' } })
    // Nothing stored, nothing started: this space is still unpaired.
    expect(await readPairing(spaceB)).toEqual({ ok: true, value: null })
    expect(b.sync.status().state).toBe('unpaired')
    // The right code still joins.
    expect(await b.sync.join(b.scope, paired.value.code)).toMatchObject({
      ok: true,
      value: { joined: 'elsewhere' },
    })
  })
})
