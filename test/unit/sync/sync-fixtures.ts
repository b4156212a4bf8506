import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ok } from '../../../shared/errors'
import {
  createSyncEngine,
  deriveSpaceKeys,
  type SeenStore,
  type SpaceKeys,
  type SyncEngine,
  type SyncStatus,
  type SyncTarget,
} from '../../../renderer/runtime/sync'
import { relayDocumentName, type RelayRoom } from '../../../shared/relay-room'

/** Document ids as the runtime names them: the space doc and one conversation. */
export const SPACE_DOC = 'space'
export const CONVERSATION_DOC = 'conversation:c1'

/** A device in a test: its own documents and its own engine. */
export interface TestDevice {
  name: string
  docs: Map<string, Y.Doc>
  engine: SyncEngine
  statuses: SyncStatus[]
  facts(): Y.Map<string>
  messages(): Y.Array<string>
}

/** A SyncTarget over in-memory documents, creating unknown ones on demand (as the runtime does). */
export function memoryTarget(docs: Map<string, Y.Doc>): SyncTarget {
  const docFor = (docId: string): Y.Doc => {
    let doc = docs.get(docId)
    if (!doc) docs.set(docId, (doc = new Y.Doc()))
    return doc
  }
  return {
    listDocIds: async () => ok([...docs.keys()]),
    getDoc: async (docId) => ok(docFor(docId)),
  }
}

const started: SyncEngine[] = []
const derivedKeys = new Map<string, Promise<SpaceKeys>>()

/**
 * The keys of a pairing, derived once per test run: the KDF costs about a second of CPU per call,
 * and the derivation itself is covered by space-keys.test.ts and by devices started with `derive`.
 */
export function keysFor(secret: string, spaceId: string): Promise<SpaceKeys> {
  const key = `${spaceId}/${secret}`
  let keys = derivedKeys.get(key)
  if (!keys) {
    keys = deriveSpaceKeys(secret, spaceId).then((r) => {
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    })
    derivedKeys.set(key, keys)
  }
  return keys
}

/**
 * Creates and starts a device's engine; `stopAllDevices` stops it. The engine derives its own keys
 * when `derive` is set, otherwise it gets the pairing's cached keys.
 */
export async function startDevice(options: {
  name: string
  relayUrl: string
  spaceId: string
  secret: string
  docs?: Map<string, Y.Doc>
  compactAfterItems?: number
  derive?: boolean
  room?: RelayRoom
  seen?: SeenStore
  /** The target's optional `receive` (the runtime's stores the bytes as they arrived). */
  receive?: SyncTarget['receive']
}): Promise<TestDevice> {
  const keys = options.derive ? undefined : await keysFor(options.secret, options.spaceId)
  const docs = options.docs ?? new Map<string, Y.Doc>()
  const statuses: SyncStatus[] = []
  const created = createSyncEngine({
    relayUrl: options.relayUrl,
    spaceId: options.spaceId,
    secret: options.secret,
    room: options.room,
    seen: options.seen,
    deviceId: `device-${options.name}`,
    deviceName: `Laptop ${options.name}`,
    target: { ...memoryTarget(docs), ...(options.receive ? { receive: options.receive } : {}) },
    WebSocketPolyfill: WebSocket,
    onStatus: (s) => statuses.push(s),
    compactAfterItems: options.compactAfterItems,
    keys,
  })
  if (!created.ok) throw new Error(created.error.message)
  created.value.start()
  started.push(created.value)
  // Like the runtime: a document created locally after start is handed to the engine.
  const doc = (id: string): Y.Doc => {
    let d = docs.get(id)
    if (!d) {
      docs.set(id, (d = new Y.Doc()))
      created.value.attach(id, d)
    }
    return d
  }
  return {
    name: options.name,
    docs,
    engine: created.value,
    statuses,
    facts: () => doc(SPACE_DOC).getMap<string>('facts'),
    messages: () => doc(CONVERSATION_DOC).getArray<string>('messages'),
  }
}

/** A SeenStore in memory, kept by a test across a device's restarts. */
export function memorySeenStore(): SeenStore & { mark: unknown } {
  const store = {
    mark: null as unknown,
    load: async () => ok((store.mark ?? null) as never),
    save: async (mark: unknown) => {
      store.mark = structuredClone(mark)
      return ok(undefined)
    },
  }
  return store
}

/** Stops every engine started by `startDevice`. */
export async function stopAllDevices(): Promise<void> {
  await Promise.all(started.splice(0).map((e) => e.stop()))
}

/** Polls `condition` until it holds; fails after `timeoutMs` with `what` and the last statuses. */
export async function waitFor(
  what: string,
  condition: () => boolean,
  timeoutMs = 20_000,
  devices: TestDevice[] = [],
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) {
      const states = devices.map(
        (d) =>
          `${d.name}: ${JSON.stringify(d.engine.status())}\n  docs: ${JSON.stringify(
            Object.fromEntries([...d.docs].map(([id, doc]) => [id, doc.toJSON()])),
          )}`,
      )
      throw new Error(`timed out waiting for ${what}\n${states.join('\n')}`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** A fresh temporary directory; `removeTempDirs` deletes all of them. */
const temps: string[] = []
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `keepsake-${prefix}-`))
  temps.push(dir)
  return dir
}
export async function removeTempDirs(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })))
}

/** Every file under `dir`, concatenated (to search for plaintext). */
export async function readAllBytes(dir: string): Promise<{ files: string[]; bytes: Buffer }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(f))))
  return { files, bytes }
}

/** A bare Hocuspocus client on a space's envelope (what the relay sees), for inspection and tampering. */
export async function openEnvelope(
  relayUrl: string,
  spaceId: string,
  credential: string,
  room: RelayRoom = 'secret',
): Promise<{ doc: Y.Doc; close(): void }> {
  const socket = new HocuspocusProviderWebsocket({ url: relayUrl, WebSocketPolyfill: WebSocket })
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: await relayDocumentName({ room, spaceId, credential }),
    document: doc,
    token: credential,
  })
  provider.attach()
  const close = (): void => {
    provider.destroy()
    socket.destroy()
  }
  try {
    await waitFor('the envelope to sync', () => provider.synced && !provider.hasUnsyncedChanges)
  } catch (e) {
    close()
    throw e
  }
  return {
    doc,
    close: () => {
      close()
      doc.destroy()
    },
  }
}
