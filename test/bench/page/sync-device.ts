import * as Y from 'yjs'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { memoryMap } from '../../../renderer/runtime/memory/memory-doc'
import { conversationDocId } from '../../../shared/docs'
import type { Space } from '../../../renderer/runtime/space/space'
import { createSyncEngine, deriveSpaceKeys, type SyncEngine } from '../../../renderer/runtime/sync'
import { spaceTarget } from '../../../renderer/runtime/sync-service/space-target'
import type { SyncOpenInput, SyncSnapshot, WallMs } from './bench-api'
import { biggestConversation, must, openSpace, quietListener } from './open-space'
import { takenStore } from '../../../renderer/runtime/sync-service/taken-store'

/** Wall-clock milliseconds with sub-ms precision, comparable between pages. */
export const wallNow = (): WallMs => performance.timeOrigin + performance.now()

interface Device {
  space: Space
  engine: SyncEngine
  startedAt: WallMs
  arrivals: Map<string, WallMs>
  conversationId: string | null
}

let device: Device | null = null

const current = (): Device => {
  if (!device) throw new Error('syncOpen first')
  return device
}

/**
 * One synced device in this page: a space opened with the runtime's `Space` (every update, synced
 * or local, persisted as the runtime does) and the sync engine over its documents. The runtime does
 * not start sync itself yet, so this is the wiring it would do.
 */
export async function syncOpen(input: SyncOpenInput): Promise<{ keyMs: number }> {
  const arrivals = new Map<string, WallMs>()
  const space = must(
    await openSpace(
      input.localSpaceId,
      'strict',
      quietListener((_, messages) => {
        const at = wallNow()
        for (const m of messages) if (!arrivals.has(m.id)) arrivals.set(m.id, at)
      }),
    ),
    'open the space',
  )
  const t = performance.now()
  const keys = must(await deriveSpaceKeys(input.secret, input.syncSpaceId), 'derive keys')
  const keyMs = performance.now() - t
  // The runtime's own target: a conversation that arrives whole is stored without being opened.
  const target = spaceTarget(space)
  const engine = must(
    createSyncEngine({
      relayUrl: input.relayUrl,
      spaceId: input.syncSpaceId,
      secret: input.secret,
      deviceId: input.deviceId,
      deviceName: `Bench ${input.deviceId}`,
      target,
      keys,
      // Kept between runs, as the runtime keeps it: a restart takes in only what is new.
      taken: takenStore(space),
      onStatus: () => undefined,
    }),
    'create the sync engine',
  )
  device = { space, engine, startedAt: wallNow(), arrivals, conversationId: null }
  engine.start()
  return { keyMs }
}

export const syncStartedAt = (): WallMs => current().startedAt

async function benchConversation(d: Device): Promise<string> {
  if (d.conversationId) return d.conversationId
  const found = await biggestConversation(d.space)
  const id =
    found?.id ??
    must(await d.space.createConversation('Synced conversation', new Date()), 'create').id
  const opened = must(await d.space.conversation(id), 'open the conversation')
  // A document opened after start is handed to the engine, as the runtime would.
  d.engine.attach(conversationDocId(id), opened.doc)
  d.conversationId = id
  return id
}

export async function syncAppend(text: string): Promise<{ id: string; at: WallMs }> {
  const d = current()
  const conversationId = await benchConversation(d)
  const id = `sync-${crypto.randomUUID()}`
  const at = wallNow()
  must(
    await d.space.append(conversationId, [
      {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id,
        role: 'user',
        text,
        createdAt: new Date().toISOString(),
        deviceId: 'bench',
        speaker: null,
        replyTo: null,
        error: null,
      },
    ]),
    'append',
  )
  return { id, at }
}

const poll = async <T>(
  check: () => Promise<T | null>,
  timeoutMs: number,
  everyMs = 5,
): Promise<T | null> => {
  const end = performance.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== null) return value
    if (performance.now() > end) return null
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export const syncArrival = (id: string, timeoutMs: number): Promise<WallMs | null> =>
  poll(async () => current().arrivals.get(id) ?? null, timeoutMs)

/** Counts from the read model: a message counts once it is durable on this device. */
async function counts(d: Device): Promise<{ messages: number; facts: number }> {
  const found = await biggestConversation(d.space)
  return { messages: found?.count ?? 0, facts: memoryMap(d.space.state.doc).size }
}

export const syncWaitFor = (
  target: { messages: number; facts: number },
  timeoutMs: number,
): Promise<WallMs | null> =>
  poll(
    async () => {
      const c = await counts(current())
      return c.messages >= target.messages && c.facts >= target.facts ? wallNow() : null
    },
    timeoutMs,
    20,
  )

/**
 * Connected, nothing pending, and the relay acknowledged a change at or after `since` (wall ms).
 * "Connected with nothing pending" alone also holds in the instant between the handshake and the
 * engine starting to compare documents, before anything was sent.
 */
export const syncSettled = (timeoutMs: number, since = 0): Promise<WallMs | null> =>
  poll(
    async () => {
      const s = current().engine.status()
      const acked = s.lastSyncedAt === null ? -1 : Date.parse(s.lastSyncedAt)
      return s.state === 'connected' && s.pendingItems === 0 && acked >= Math.floor(since)
        ? wallNow()
        : null
    },
    timeoutMs,
    20,
  )

/**
 * Connected with nothing pending: after a (re)start, the engine says connected only once it has
 * taken in the relay's items and compared every document with them.
 */
export const syncConnected = (timeoutMs: number): Promise<WallMs | null> =>
  poll(
    async () => {
      const s = current().engine.status()
      return s.state === 'connected' && s.pendingItems === 0 ? wallNow() : null
    },
    timeoutMs,
    20,
  )

export async function syncSnapshot(): Promise<SyncSnapshot> {
  const d = current()
  const status = d.engine.status()
  const c = await counts(d)
  return {
    state: status.state,
    pendingItems: status.pendingItems,
    ...c,
    stateBytes: Y.encodeStateAsUpdate(d.space.state.doc).byteLength,
    problems: status.problems.map((p) => `${p.key}: ${p.error.message}`),
  }
}

/**
 * Runs the check of the pages received whole now (what the space runs 5 s after the last one was
 * stored) and times it: how long it holds this device after a first sync.
 */
export async function syncCheckSealed(): Promise<{ ms: number; repaired: number }> {
  const t = performance.now()
  const repaired = await current().space.checkSealedPages()
  return { ms: performance.now() - t, repaired }
}

export async function syncStop(): Promise<void> {
  const d = device
  if (!d) return
  device = null
  await d.engine.stop()
  await d.space.settle()
  d.space.close()
}
