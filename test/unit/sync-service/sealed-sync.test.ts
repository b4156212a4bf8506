import 'fake-indexeddb/auto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { startRelay } from '../../../electron/relay/relay'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { Space, type SpaceOptions } from '../../../renderer/runtime/space/space'
import {
  createPairing,
  createSyncEngine,
  decodePairingCode,
  deriveSpaceKeys,
  encodePairingCode,
} from '../../../renderer/runtime/sync'
import { spaceTarget } from '../../../renderer/runtime/sync-service/space-target'
import { openDevice, openItem, sealDevice } from '../../../renderer/runtime/sync/envelope'
import {
  createSyncSupervisor,
  type SyncScope,
  type SyncSupervisor,
} from '../../../renderer/runtime/sync-service/sync-supervisor'
import type { RuntimeContext } from '../../../renderer/runtime/context'
import { conversationDocId, messagesOf, segmentDocId } from '../../../shared/docs'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import { openEnvelope } from '../sync/sync-fixtures'
import { receiveSegment } from '../docs/segment-writer'

/** Node 20 has no global WebSocket; see sync-supervisor.test.ts. */
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

async function openSpace(
  dbName: string,
  spaceId: string,
  options: SpaceOptions = {},
): Promise<Space> {
  const opened = await Space.open(new SpaceDb(dbName), spaceId, 'Test memory', quiet, options)
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

function device(space: Space, deviceId: string): { scope: SyncScope; sync: SyncSupervisor } {
  const sync = createSyncSupervisor(() => undefined as ReturnType<RuntimeContext['emit']>)
  cleanups.push(() => sync.stop())
  const scope = { space, deviceId }
  sync.adopt(scope)
  return { scope, sync }
}

async function relay(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-sealed-sync-'))
  const started = await startRelay({ dataDir, port: 0, onWarning: () => undefined })
  if (!started.ok) throw new Error(started.error.message)
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
  cleanups.push(() => started.value.stop())
  return started.value.url
}

let tick = Date.parse('2026-05-01T10:00:00.000Z')
const message = (text: string): Message => {
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

const waitUntil = (what: string, check: () => Promise<boolean> | boolean) =>
  vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`still waiting for ${what}`)
    },
    { timeout: 30_000, interval: 50 },
  )

/** A space with one conversation of `count` messages, stored before any sync ran. */
async function spaceWithConversation(dbName: string, spaceId: string, count: number) {
  const space = await openSpace(dbName, spaceId)
  const c = await space.createConversation('A long one', new Date())
  if (!c.ok) throw new Error(c.error.message)
  for (let i = 0; i < count; i += 10)
    await space.append(
      c.value.id,
      Array.from({ length: Math.min(10, count - i) }, (_, k) => message(`message ${i + k}`)),
    )
  await space.settle()
  return { space, conversationId: c.value.id }
}

/** The kinds of the envelope's items for `docId`, as the relay holds them. */
async function itemKinds(code: string, docId: string): Promise<string[]> {
  return (await items(code, docId)).map((item) => item.kind)
}

/** The envelope's items for `docId` as the relay holds them: kind, and the items each replaced. */
async function items(code: string, docId: string): Promise<{ kind: string; covers: string[] }[]> {
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  const keys = await deriveSpaceKeys(pairing.value.secret, pairing.value.spaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  const envelope = await openEnvelope(
    pairing.value.relayUrl,
    pairing.value.spaceId,
    keys.value.credential,
  )
  try {
    return [...envelope.doc.getMap('items').values()]
      .map((raw) => raw as { docId: string; kind: string; covers?: string[] })
      .filter((item) => item.docId === docId)
      .map((item) => ({ kind: item.kind, covers: item.covers ?? [] }))
  } finally {
    envelope.close()
  }
}

const updateRows = (space: Space, docId: string): Promise<number> =>
  space.db.updates
    .where('[docId+seq]')
    .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
    .count()

describe('a conversation sent whole (sealed items)', () => {
  it('reaches a new device in one sealed item stored without opening it; later messages follow, and syncing again adds nothing', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const { space: spaceA, conversationId } = await spaceWithConversation(
      `a-${spaceId}`,
      spaceId,
      60,
    )
    const docId = conversationDocId(conversationId)
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    await waitUntil('A to upload', () => a.sync.status().state === 'connected')
    expect(await itemKinds(paired.value.code, docId)).toEqual(['sealed'])

    const dbB = `b-${spaceId}`
    const spaceB = await openSpace(dbB, spaceId)
    const opened: string[] = []
    spaceB.onConversationOpened((id) => void opened.push(id))
    const b = device(spaceB, 'device-b')
    expect((await b.sync.join(b.scope, paired.value.code, 'laptop B')).ok).toBe(true)
    await waitUntil(
      'the conversation on B',
      async () => (await spaceB.messageCount(conversationId)) === 60,
    )
    await waitUntil('B caught up', () => b.sync.status().state === 'connected')
    expect(opened).toEqual([])
    expect(await updateRows(spaceB, docId)).toBe(1)

    // A message written on A afterwards is applied on B, which now opens the conversation.
    expect((await spaceA.append(conversationId, [message('written after B joined')])).ok).toBe(true)
    await waitUntil('the new message on B', async () => {
      const last = await spaceB.recent(conversationId, 1)
      return last.ok && last.value[0]?.text === 'written after B joined'
    })
    expect(opened).toEqual([conversationId])
    expect(await spaceB.checkSealedPages()).toBe(0)
    expect(await spaceB.quarantined()).toEqual([])

    // B starts again with an empty ledger: every item on the relay is taken in again, adding nothing.
    await b.sync.stop()
    await spaceB.settle()
    const rows = await updateRows(spaceB, docId)
    spaceB.db.close()
    const again = await openSpace(dbB, spaceId)
    const b2 = device(again, 'device-b')
    await b2.sync.settled()
    await waitUntil('B connected again', () => b2.sync.status().state === 'connected')
    await again.settle()
    expect(await updateRows(again, docId)).toBe(rows)
    expect(await again.messageCount(conversationId)).toBe(61)
  })

  it('stays on update items while an older build is announced in the envelope', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const { space: spaceA, conversationId } = await spaceWithConversation(
      `a-${spaceId}`,
      spaceId,
      30,
    )
    const pairing = createPairing(url, spaceId)
    if (!pairing.ok) throw new Error(pairing.error.message)
    const keys = await deriveSpaceKeys(pairing.value.secret, spaceId)
    if (!keys.ok) throw new Error(keys.error.message)
    // A device of a build before sealed items announced itself: its entry says nothing of `reads`.
    const envelope = await openEnvelope(url, spaceId, keys.value.credential)
    try {
      const entry = await sealDevice(keys.value.itemKey, spaceId, 'device-old', {
        name: 'Old laptop',
        lastSeenAt: new Date().toISOString(),
      })
      envelope.doc.getMap('devices').set('device-old', entry)
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      envelope.close()
    }
    const code = encodePairingCode(pairing.value)
    const a = device(spaceA, 'device-a')
    expect(await a.sync.join(a.scope, code, 'laptop A')).toEqual({
      ok: true,
      value: { joined: 'here' },
    })
    await waitUntil('A to upload', () => a.sync.status().state === 'connected')
    await waitUntil(
      'A’s conversation on the relay',
      async () => (await itemKinds(code, conversationDocId(conversationId))).length > 0,
    )
    expect(await itemKinds(code, conversationDocId(conversationId))).toEqual(['update'])
  })

  it('replaces its sealed items by snapshots once an older build announces itself, which it reads', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const { space: spaceA, conversationId } = await spaceWithConversation(
      `a-${spaceId}`,
      spaceId,
      20,
    )
    const docId = conversationDocId(conversationId)
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    await waitUntil('A to upload', () => a.sync.status().state === 'connected')
    expect(await itemKinds(paired.value.code, docId)).toEqual(['sealed'])

    const pairing = decodePairingCode(paired.value.code)
    if (!pairing.ok) throw new Error(pairing.error.message)
    const keys = await deriveSpaceKeys(pairing.value.secret, pairing.value.spaceId)
    if (!keys.ok) throw new Error(keys.error.message)
    const envelope = await openEnvelope(url, pairing.value.spaceId, keys.value.credential)
    try {
      const entry = await sealDevice(keys.value.itemKey, pairing.value.spaceId, 'device-old', {
        name: 'Old laptop',
        lastSeenAt: new Date().toISOString(),
      })
      envelope.doc.getMap('devices').set('device-old', entry)
      await waitUntil('the sealed item replaced', async () => {
        const kinds = [...envelope.doc.getMap('items').values()]
          .map((raw) => raw as { docId: string; kind: string })
          .filter((item) => item.docId === docId)
          .map((item) => item.kind)
        return kinds.length === 1 && kinds[0] === 'snapshot'
      })
      // What an older build does with it: open it and apply it as a Yjs update.
      const found = [...envelope.doc.getMap('items').entries()].find(
        ([, item]) => (item as { docId: string }).docId === docId,
      )
      if (!found) throw new Error('no item for the conversation')
      const [itemId, raw] = found
      const opened = await openItem(keys.value.itemKey, pairing.value.spaceId, itemId, raw)
      if (!opened.ok) throw new Error(opened.error.message)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, opened.value.plaintext)
      expect(messagesOf(doc).length).toBe(20)
    } finally {
      envelope.close()
    }
  })
})

describe('compacting a conversation (sealed items)', () => {
  it('folds its items into one sealed item, which a new device stores without opening and finds agrees', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const pairing = createPairing(url, spaceId)
    if (!pairing.ok) throw new Error(pairing.error.message)
    const keys = await deriveSpaceKeys(pairing.value.secret, spaceId)
    if (!keys.ok) throw new Error(keys.error.message)
    const code = encodePairingCode(pairing.value)
    const engineFor = (space: Space, deviceId: string) => {
      const created = createSyncEngine({
        relayUrl: url,
        spaceId,
        secret: pairing.value.secret,
        deviceId,
        deviceName: deviceId,
        target: spaceTarget(space),
        keys: keys.value,
        compactAfterItems: 3,
        onStatus: () => undefined,
      })
      if (!created.ok) throw new Error(created.error.message)
      const engine = created.value
      space.onConversationOpened((id, doc) => engine.attach(conversationDocId(id), doc))
      engine.start()
      cleanups.push(() => engine.stop())
      return engine
    }
    const { space: spaceA, conversationId } = await spaceWithConversation(
      `a-${spaceId}`,
      spaceId,
      5,
    )
    const docId = conversationDocId(conversationId)
    const a = engineFor(spaceA, 'device-a')
    await waitUntil('A to upload', () => a.status().state === 'connected')
    for (let i = 0; i < 3; i++) {
      expect((await spaceA.append(conversationId, [message(`later ${i}`)])).ok).toBe(true)
      await waitUntil('A to send it', () => a.status().pendingItems === 0)
    }
    // The first sealed item and three updates make four, more than 3: folded into one sealed item.
    await waitUntil('A to compact the conversation into one sealed item', async () => {
      const [only, ...more] = await items(code, docId)
      return more.length === 0 && only?.kind === 'sealed' && only.covers.length === 4
    })

    const spaceB = await openSpace(`b-${spaceId}`, spaceId)
    const opened: string[] = []
    spaceB.onConversationOpened((id) => void opened.push(id))
    const b = engineFor(spaceB, 'device-b')
    await waitUntil(
      'the conversation on B',
      async () => (await spaceB.messageCount(conversationId)) === 8,
    )
    await waitUntil('B caught up', () => b.status().state === 'connected')
    expect(opened).toEqual([])
    const last = await spaceB.recent(conversationId, 1)
    expect(last.ok && last.value[0]?.text).toBe('later 2')
    expect(await spaceB.checkSealedPages()).toBe(0)
    expect(await spaceB.quarantined()).toEqual([])
  })
})

describe('a conversation with segments', () => {
  it('reaches a new device whole, segments and all; a deletion in a segment follows; each device says it reads segments', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const { space: spaceA, conversationId } = await spaceWithConversation(
      `a-${spaceId}`,
      spaceId,
      30,
    )
    // What a later build writes past its segment size: the conversation's next messages in segments.
    const s0 = [message('in segment 0, first'), message('in segment 0, second')]
    const s1 = [message('in segment 1, first'), message('in segment 1, second')]
    await receiveSegment(spaceA, conversationId, 0, s0)
    await receiveSegment(spaceA, conversationId, 1, s1)
    await spaceA.settle()
    const a = device(spaceA, 'device-a')
    const paired = await a.sync.pair(a.scope, url, 'laptop A')
    if (!paired.ok) throw new Error(paired.error.message)
    await waitUntil('A to upload', () => a.sync.status().state === 'connected')
    await waitUntil(
      'the segments on the relay',
      async () => (await itemKinds(paired.value.code, segmentDocId(conversationId, 1))).length > 0,
    )
    // Each document goes whole: its own with its own messages, each segment with its messages.
    expect(await itemKinds(paired.value.code, conversationDocId(conversationId))).toEqual([
      'sealed',
    ])
    expect(await itemKinds(paired.value.code, segmentDocId(conversationId, 0))).toEqual(['sealed'])
    expect(await itemKinds(paired.value.code, segmentDocId(conversationId, 1))).toEqual(['sealed'])

    const spaceB = await openSpace(`b-${spaceId}`, spaceId)
    const b = device(spaceB, 'device-b')
    expect((await b.sync.join(b.scope, paired.value.code, 'laptop B')).ok).toBe(true)
    await waitUntil('the whole conversation on B', async () => {
      const page = await spaceB.page(conversationId, 0, 100)
      return page.ok && page.value.length === 34
    })
    const page = await spaceB.page(conversationId, 0, 100)
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value.slice(30).map((m) => m.text)).toEqual([...s0, ...s1].map((m) => m.text))
    await spaceB.settle()
    expect(await spaceB.segments(conversationId)).toEqual([0, 1])
    // Stored without decoding; the later check of the pages against the states finds they agree.
    expect(await spaceB.checkSealedPages()).toBe(0)
    expect(await spaceB.quarantined()).toEqual([])

    // Deleted for good on A, from the segment that holds it: gone on B too.
    expect((await spaceA.deleteMessage(conversationId, s1[0]!.id)).ok).toBe(true)
    await waitUntil(
      'the deletion on B',
      async () => (await spaceB.messageCount(conversationId)) === 33,
    )
    const s1OnB = await spaceB.segment(conversationId, 1)
    if (!s1OnB.ok) throw new Error(s1OnB.error.message)
    expect(messagesOf(s1OnB.value.doc).toArray()).toEqual([s1[1]])

    const pairing = decodePairingCode(paired.value.code)
    if (!pairing.ok) throw new Error(pairing.error.message)
    const keys = await deriveSpaceKeys(pairing.value.secret, spaceId)
    if (!keys.ok) throw new Error(keys.error.message)
    const envelope = await openEnvelope(url, spaceId, keys.value.credential)
    try {
      for (const id of ['device-a', 'device-b']) {
        const info = await openDevice(
          keys.value.itemKey,
          spaceId,
          id,
          envelope.doc.getMap('devices').get(id),
        )
        if (!info.ok) throw new Error(info.error.message)
        expect(info.value.reads).toContain('segments')
      }
    } finally {
      envelope.close()
    }
  })
})

/** A new space's pairing on `url` and the keys derived from its secret. */
async function newPairing(url: string, spaceId: string) {
  const pairing = createPairing(url, spaceId)
  if (!pairing.ok) throw new Error(pairing.error.message)
  const keys = await deriveSpaceKeys(pairing.value.secret, spaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  return { code: encodePairingCode(pairing.value), keys: keys.value }
}

/** Writes a device entry into the space's envelope on the relay, as a device of another build would. */
async function announceDevice(
  url: string,
  spaceId: string,
  keys: Awaited<ReturnType<typeof newPairing>>['keys'],
  reads: string[],
): Promise<void> {
  const envelope = await openEnvelope(url, spaceId, keys.credential)
  try {
    const entry = await sealDevice(keys.itemKey, spaceId, 'device-old', {
      name: 'Old laptop',
      lastSeenAt: new Date().toISOString(),
      reads,
    })
    envelope.doc.getMap('devices').set('device-old', entry)
    await new Promise((r) => setTimeout(r, 300))
  } finally {
    envelope.close()
  }
}

describe('writing segments beside another build', () => {
  it('writes none while a device that does not read them is announced, and goes on in segments once none is', async () => {
    const url = await relay()
    const spaceId = crypto.randomUUID()
    const { code, keys } = await newPairing(url, spaceId)
    // A device of a build before segments: it reads sealed items, not segments.
    await announceDevice(url, spaceId, keys, ['update', 'snapshot', 'sealed'])
    const spaceA = await openSpace(`a-${spaceId}`, spaceId, { segmentSize: 3 })
    const c = await spaceA.createConversation('Long one', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const a = device(spaceA, 'device-a')
    expect((await a.sync.join(a.scope, code, 'laptop A')).ok).toBe(true)
    await waitUntil('A connected', () => a.sync.status().state === 'connected')
    for (let i = 0; i < 8; i++)
      expect((await spaceA.append(c.value.id, [message(`beside the old build ${i}`)])).ok).toBe(
        true,
      )
    expect(await spaceA.segments(c.value.id)).toEqual([])

    // The old laptop is updated: its entry now says it reads segments.
    await announceDevice(url, spaceId, keys, ['update', 'snapshot', 'sealed', 'segments'])
    await waitUntil('A to hear of it', async () => {
      expect((await spaceA.append(c.value.id, [message('after the update')])).ok).toBe(true)
      return (await spaceA.segments(c.value.id)).length > 0
    })
    const page = await spaceA.page(c.value.id, 0, 100)
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value.slice(0, 8).map((m) => m.text)).toEqual(
      Array.from({ length: 8 }, (_, i) => `beside the old build ${i}`),
    )
  })
})
