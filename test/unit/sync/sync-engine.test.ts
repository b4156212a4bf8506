import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPairing, SYNC_ORIGIN } from '../../../renderer/runtime/sync'
import { createSpaceStore } from '../../../electron/relay/space-store'
import { roomIdOf } from '../../../shared/relay-room'
import { startRedis, type RedisServer } from '../../support/redis'
import { killAllRelays, startRelayProcess } from '../../support/relay-process'
import {
  CONVERSATION_DOC,
  SPACE_DOC,
  openEnvelope,
  readAllBytes,
  removeTempDirs,
  startDevice,
  stopAllDevices,
  tempDir,
  waitFor,
  keysFor,
  memorySeenStore,
  type TestDevice,
} from './sync-fixtures'

const freshPairing = (relayUrl: string) => {
  const created = createPairing(relayUrl, 'space-1')
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

// Every test has its own relay and data directory, so they can share one pairing secret: its keys
// are derived once (the KDF costs a second of CPU), except where a test derives on purpose.
const SECRET = freshPairing('ws://127.0.0.1:1').secret
const pairing = (relayUrl: string) => ({ relayUrl, spaceId: 'space-1', secret: SECRET })

const credentialOf = async (secret: string, spaceId: string): Promise<string> =>
  (await keysFor(secret, spaceId)).credential

const connected = (...devices: TestDevice[]) =>
  waitFor(
    'every device connected with nothing pending',
    () => devices.every((d) => d.engine.status().state === 'connected'),
    20_000,
    devices,
  )

const sortedFacts = (d: TestDevice): string => JSON.stringify([...d.facts().entries()].sort())
const sameFacts = (a: TestDevice, b: TestDevice): boolean => sortedFacts(a) === sortedFacts(b)

let redis: RedisServer | null = null

afterEach(async () => {
  await stopAllDevices()
  await killAllRelays()
  await redis?.stop()
  redis = null
  await removeTempDirs()
})

describe('sync engine against a real relay process', () => {
  it('pairs two devices and converges both ways', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p, derive: true })
    a.facts().set('vector-db', 'I prefer pgvector over Pinecone')
    a.messages().push(['I am benchmarking hybrid search accuracy'])
    const b = await startDevice({ name: 'B', ...p })

    await waitFor(
      'A’s fact and conversation on B',
      () =>
        b.facts().get('vector-db') === 'I prefer pgvector over Pinecone' &&
        b.messages().toArray().join() === 'I am benchmarking hybrid search accuracy',
      20_000,
      [a, b],
    )
    b.facts().set('timezone', 'America/New_York')
    await waitFor('B’s edit on A', () => a.facts().get('timezone') === 'America/New_York', 20_000, [
      a,
      b,
    ])
    await connected(a, b)
    await waitFor('both devices listed', () => a.engine.status().devices.length === 2, 20_000, [a])
    expect(
      a.engine
        .status()
        .devices.map((d) => d.name)
        .sort(),
    ).toEqual(['Laptop A', 'Laptop B'])
    expect(a.engine.status().problems).toEqual([])
    expect(a.engine.status().lastSyncedAt).not.toBeNull()
  })

  it('merges offline edits from both devices when the relay comes back', async () => {
    const dataDir = await tempDir('relay')
    let relay = await startRelayProcess({ dataDir })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p })
    a.facts().set('editor', 'vim')
    await waitFor('the first fact on B', () => b.facts().get('editor') === 'vim', 20_000, [a, b])
    await connected(a, b)

    await relay.stop()
    await waitFor('both offline', () => [a, b].every((d) => d.engine.status().state === 'offline'))
    expect(a.engine.status().message).toMatch(/Cannot reach the relay/)
    a.facts().set('timezone', 'America/New_York')
    a.messages().push(['written on A while offline'])
    b.facts().set('vector-db', 'pgvector')
    b.messages().push(['written on B while offline'])
    // Delete on one device, edit of the same key on the other: the edit wins (see sync-engine.ts).
    a.facts().delete('editor')
    b.facts().set('editor', 'helix')
    await waitFor('offline edits counted as pending', () => a.engine.status().pendingItems > 0)

    relay = await startRelayProcess({ dataDir, port: relay.port })
    await waitFor(
      'both devices to converge',
      () => sameFacts(a, b) && a.messages().length === 2 && b.messages().length === 2,
      20_000,
      [a, b],
    )
    expect(a.facts().toJSON()).toEqual({
      editor: 'helix',
      timezone: 'America/New_York',
      'vector-db': 'pgvector',
    })
    expect([...a.messages().toArray()].sort()).toEqual([
      'written on A while offline',
      'written on B while offline',
    ])
    expect(a.messages().toArray()).toEqual(b.messages().toArray())
    await connected(a, b)
  })

  it('loses nothing when the relay is SIGKILLed mid-sync', async () => {
    const dataDir = await tempDir('relay')
    let relay = await startRelayProcess({ dataDir })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p })
    await connected(a, b)

    // A writes 20 messages one by one; the relay is killed while they are flowing.
    for (let i = 0; i < 20; i++) {
      a.messages().push([`message ${i}`])
      await new Promise((r) => setTimeout(r, 5))
      if (i === 9) {
        await waitFor('the first messages on B', () => b.messages().length > 0, 20_000, [a, b])
        await relay.kill()
      }
    }
    relay = await startRelayProcess({ dataDir, port: relay.port })
    await waitFor('all 20 messages on B', () => b.messages().length === 20, 20_000, [a, b])
    await connected(a, b)

    // Only the relay's disk can now supply the data: acknowledged means durable, even under SIGKILL.
    a.facts().set('last', 'acknowledged just before the kill')
    await waitFor('the relay to acknowledge', () => a.engine.status().pendingItems === 0, 20_000, [
      a,
    ])
    await relay.kill()
    await stopAllDevices()
    relay = await startRelayProcess({ dataDir, port: relay.port })
    const c = await startDevice({ name: 'C', ...p })
    await waitFor(
      'a fresh device to receive everything from the restarted relay',
      () =>
        c.messages().length === 20 && c.facts().get('last') === 'acknowledged just before the kill',
      20_000,
      [c],
    )
    expect(c.messages().toArray()).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`))
  })

  it('refuses a device with the wrong secret and says why (a space paired before rooms)', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = { ...pairing(relay.url), room: 'space-id' as const }
    const a = await startDevice({ name: 'A', ...p })
    a.facts().set('secret-fact', 'only for the right secret')
    await connected(a)
    const wrong = { ...freshPairing(relay.url), room: 'space-id' as const }
    const b = await startDevice({ name: 'B', ...wrong })
    await waitFor('B refused', () => b.engine.status().state === 'refused', 20_000, [b])
    expect(b.engine.status().message).toContain('wrong sync secret for this space')
    expect(b.facts().get('secret-fact')).toBeUndefined()
    expect(a.engine.status().state).toBe('connected')
  })

  it('gives another secret another room: a device with it sees nothing of the space', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const a = await startDevice({ name: 'A', ...pairing(relay.url) })
    a.facts().set('secret-fact', 'only for the right secret')
    await connected(a)
    const b = await startDevice({ name: 'B', ...freshPairing(relay.url) })
    await connected(b)
    expect(b.facts().size).toBe(0)
    expect(b.engine.status().devices.map((d) => d.name)).toEqual(['Laptop B'])
  })

  it('converges through two relay instances sharing one Redis', async () => {
    redis = await startRedis()
    const redisArgs = ['--redis-host', redis.host, '--redis-port', String(redis.port)]
    const one = await startRelayProcess({ dataDir: await tempDir('relay1'), args: redisArgs })
    const two = await startRelayProcess({ dataDir: await tempDir('relay2'), args: redisArgs })
    // A space paired before rooms: its credential is registered on first use, shared through Redis.
    const p = { ...pairing(one.url), room: 'space-id' as const }
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p, relayUrl: two.url })
    a.facts().set('from-a', 'via instance one')
    b.facts().set('from-b', 'via instance two')
    await waitFor(
      'both facts on both devices',
      () => sameFacts(a, b) && a.facts().size === 2,
      20_000,
      [a, b],
    )
    // The credential registered through instance one binds instance two as well.
    const wrong = await startDevice({ name: 'W', ...freshPairing(two.url), room: 'space-id' })
    await waitFor(
      'the wrong secret refused by instance two',
      () => wrong.engine.status().state === 'refused',
    )
  })

  it('stores only ciphertext on the relay', async () => {
    const dataDir = await tempDir('relay')
    const relay = await startRelayProcess({ dataDir })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p })
    const fact = 'my timezone is America/New_York'
    const message = 'I prefer pgvector over Pinecone for hybrid search'
    a.facts().set('timezone', fact)
    a.messages().push([message])
    await waitFor('the fact on B', () => b.messages().length === 1, 20_000, [a, b])
    await connected(a, b)
    await relay.stop()

    const { files, bytes } = await readAllBytes(dataDir)
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((f) => f.includes(p.spaceId))).toEqual([])
    const credential = await credentialOf(p.secret, p.spaceId)
    for (const secretText of [
      fact,
      message,
      'America/New_York',
      'pgvector',
      'Laptop A',
      p.secret,
      credential,
      // The relay knows the space by a room named from the credential, never by the space's own id.
      p.spaceId,
    ]) {
      expect(bytes.includes(Buffer.from(secretText)), `"${secretText}" found on the relay`).toBe(
        false,
      )
    }
  })

  it('compacts the envelope and a late device still gets everything', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p, compactAfterItems: 8 })
    await connected(a)
    for (let i = 0; i < 60; i++) {
      a.messages().push([`line ${i}`])
      await new Promise((r) => setTimeout(r, 2))
    }
    await connected(a)
    const envelope = await openEnvelope(
      relay.url,
      p.spaceId,
      await credentialOf(p.secret, p.spaceId),
    )
    const perDoc = new Map<string, number>()
    for (const item of envelope.doc.getMap<{ docId: string }>('items').values()) {
      perDoc.set(item.docId, (perDoc.get(item.docId) ?? 0) + 1)
    }
    envelope.close()
    expect(perDoc.get(CONVERSATION_DOC) ?? 0).toBeLessThanOrEqual(9)

    const c = await startDevice({ name: 'C', ...p, compactAfterItems: 8 })
    await waitFor('all 60 lines on a late device', () => c.messages().length === 60, 20_000, [c])
    expect(c.messages().toArray()).toEqual(a.messages().toArray())
  })

  it('reports an item it cannot decrypt and keeps syncing', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    await connected(a)
    // Someone holding the relay credential (but not the key) injects a forged item.
    const envelope = await openEnvelope(
      relay.url,
      p.spaceId,
      await credentialOf(p.secret, p.spaceId),
    )
    envelope.doc.getMap('items').set('forged-item', {
      v: 1,
      docId: SPACE_DOC,
      deviceId: 'device-X',
      kind: 'update',
      iv: new Uint8Array(12),
      ct: new Uint8Array(40),
      createdAt: new Date().toISOString(),
    })
    envelope.doc.getMap('items').set('malformed-item', { hello: 'world' })
    await waitFor(
      'the forged items reported',
      () => a.engine.status().problems.length === 2,
      20_000,
      [a],
    )
    const problems = a.engine.status().problems
    expect(problems.find((x) => x.key === 'forged-item')?.error.message).toMatch(
      /could not decrypt/,
    )
    expect(problems.find((x) => x.key === 'malformed-item')?.error.code).toBe('validation')
    expect(a.engine.status().message).toMatch(/could not be used/)
    envelope.close()

    const b = await startDevice({ name: 'B', ...p })
    a.facts().set('still', 'syncing')
    await waitFor('sync still works', () => b.facts().get('still') === 'syncing', 20_000, [a, b])
  })

  it('applies remote updates with SYNC_ORIGIN and does not echo them back', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const docs = new Map<string, Y.Doc>()
    const origins: unknown[] = []
    const space = new Y.Doc()
    space.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin))
    docs.set(SPACE_DOC, space)
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p, docs })
    a.facts().set('k', 'v')
    await waitFor('the fact on B', () => b.facts().get('k') === 'v', 20_000, [a, b])
    await connected(a, b)
    expect(origins).toEqual([SYNC_ORIGIN])
  })

  it('says the relay is withholding updates from a device when it drops one from the middle', async () => {
    const dataDir = await tempDir('relay')
    let relay = await startRelayProcess({ dataDir })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    await connected(a)
    for (const [key, text] of [
      ['vector-db', 'I prefer pgvector over Pinecone'],
      ['timezone', 'retracted: America/New_York'],
      ['project', 'benchmarking hybrid search'],
    ]) {
      a.facts().set(key ?? '', text ?? '')
      await waitFor('acknowledged', () => a.engine.status().pendingItems === 0, 20_000, [a])
      await connected(a)
    }
    await a.engine.stop()
    await relay.stop()

    // The relay drops the record that carried A's second item and keeps everything after it.
    const spaces = join(dataDir, 'spaces')
    const key = `room.${await roomIdOf(await credentialOf(p.secret, p.spaceId))}`
    const stored = await createSpaceStore(spaces, () => undefined).load(key)
    if (!stored.ok) throw new Error(stored.error.message)
    let itemsSeen = 0
    const kept = stored.value.filter((update) => {
      const addsItem = Y.decodeUpdate(update).structs.some(
        (s) =>
          s instanceof Y.Item &&
          s.content.getContent().some((v) => typeof v === 'object' && v && 'kind' in v),
      )
      if (addsItem) itemsSeen++
      return !(addsItem && itemsSeen === 2)
    })
    expect(kept.length).toBe(stored.value.length - 1)
    await rm(join(spaces, key, 'updates.log'), { force: true })
    await rm(join(spaces, key, 'snapshot.bin'), { force: true })
    const rewritten = createSpaceStore(spaces, () => undefined)
    for (const update of kept) await rewritten.append(key, update)
    await rewritten.close()
    relay = await startRelayProcess({ dataDir, port: relay.port })

    const b = await startDevice({ name: 'B', ...p })
    await waitFor(
      'the withholding reported',
      () => b.engine.status().problems.some((x) => x.key === 'envelope:withheld'),
      20_000,
      [b],
    )
    const problem = b.engine.status().problems.find((x) => x.key === 'envelope:withheld')
    expect(problem?.error.message).toMatch(/^the relay is withholding updates from Laptop A:/)
    expect(b.engine.status().message).toMatch(/^The relay is withholding updates from Laptop A:/)
    // What did arrive intact is still applied.
    expect(b.facts().get('vector-db')).toBe('I prefer pgvector over Pinecone')
  })

  it('says the relay rolled the space back when it serves less than this device saw there', async () => {
    const dataDir = await tempDir('relay')
    let relay = await startRelayProcess({ dataDir })
    const p = pairing(relay.url)
    const spaces = join(dataDir, 'spaces')
    const key = `room.${await roomIdOf(await credentialOf(p.secret, p.spaceId))}`
    const seen = memorySeenStore()
    const docs = new Map<string, Y.Doc>()
    const run = async (change: (a: TestDevice) => void): Promise<void> => {
      const a = await startDevice({ name: 'A', ...p, docs, seen })
      const before = JSON.stringify(seen.mark)
      change(a)
      await connected(a)
      await waitFor('the mark raised', () => JSON.stringify(seen.mark) !== before, 20_000, [a])
      expect(a.engine.status().problems).toEqual([])
      await a.engine.stop()
      await relay.stop()
    }
    await run((a) => a.facts().set('diet', 'vegetarian'))
    const stored = await createSpaceStore(spaces, () => undefined).load(key)
    if (!stored.ok) throw new Error(stored.error.message)
    const cleanEarlierPoint = Y.mergeUpdates(stored.value)

    relay = await startRelayProcess({ dataDir, port: relay.port })
    await run((a) => a.facts().set('diet', 'retracted: vegetarian'))

    // The relay goes back to the clean earlier point: the retraction and all after it are gone.
    await rm(join(spaces, key, 'updates.log'), { force: true })
    await rm(join(spaces, key, 'snapshot.bin'), { force: true })
    const rewritten = createSpaceStore(spaces, () => undefined)
    await rewritten.append(key, cleanEarlierPoint)
    await rewritten.close()
    relay = await startRelayProcess({ dataDir, port: relay.port })

    const a = await startDevice({ name: 'A', ...p, docs, seen })
    await waitFor(
      'the rollback reported',
      () => a.engine.status().problems.some((x) => x.key === 'envelope:rolled-back'),
      20_000,
      [a],
    )
    expect(a.engine.status().message).toMatch(
      /^The relay served an older copy of this space than this device saw there on \d{4}-\d\d-\d\d \d\d:\d\d UTC: changes from this device are missing; syncing what it can/,
    )
    // A still holds the newer state and sends it again, so a new device gets the retraction.
    const b = await startDevice({ name: 'B', ...p })
    await waitFor(
      'the retraction on B',
      () => b.facts().get('diet') === 'retracted: vegetarian',
      20_000,
      [a, b],
    )
    // The relay cannot make the report go away by serving the copy again: A still says so.
    expect(a.engine.status().problems.some((x) => x.key === 'envelope:rolled-back')).toBe(true)
  })
})
