import * as Y from 'yjs'
import { z } from 'zod'
import { err, ok, type AppError, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { foldUpdates, missingFromRemote } from './doc-delta'
import { WITHHELD_PROBLEM as WITHHELD, withheldWriters } from './withheld-writers'
import {
  ROLLBACK_PROBLEM as ROLLBACK,
  raiseMark,
  rolledBack,
  type SeenMark,
  type SeenStore,
} from './seen-mark'
import { openRelayLink, type LinkState } from './relay-link'
import { envelopeMaps, openDevice, openItem, sealDevice, sealItem, type NewItem } from './envelope'
import { deriveSpaceKeys, type SpaceKeys } from './space-keys'
import { DeviceId, RelayUrl, SpaceId, SyncSecret } from './sync-ids'
import { SYNC_ORIGIN } from './sync-origin'
import { summarizeStatus } from './status-summary'
import type { SyncDevice, SyncProblem, SyncStatus } from './sync-status'
import { serialQueue } from '../../../shared/serial-queue'
import { relayDocumentName, type RelayRoom } from '../../../shared/relay-room'

/**
 * The documents a space syncs, as the runtime provides them. Loading can fail (storage), so both
 * methods return results.
 */
export interface SyncTarget {
  /** Ids of every document that syncs (the space doc and each conversation doc). */
  listDocIds(): Promise<Result<string[]>>
  /**
   * The live Y.Doc for an id, loading or creating it (ids may first arrive from another device).
   * Remote updates are applied to it with SYNC_ORIGIN; the runtime persists every update whatever
   * its origin. Hand over documents already loaded: updates applied after that (other than with
   * SYNC_ORIGIN) are taken as local edits and sent.
   */
  getDoc(docId: string): Promise<Result<Y.Doc>>
}

/** How to reach the relay and what to sync. `secret` comes from the pairing code. */
export interface SyncOptions {
  relayUrl: string
  spaceId: string
  secret: string
  /** How the relay names the space (default `secret`; see shared/relay-room.ts). */
  room?: RelayRoom
  deviceId: string
  deviceName: string
  target: SyncTarget
  /** A WebSocket class where there is no global one (Node 20: `WebSocket` from the `ws` package). */
  WebSocketPolyfill?: unknown
  onStatus(status: SyncStatus): void
  /** A device folds a document's items into one snapshot once it has more than this (default 64). */
  compactAfterItems?: number
  /**
   * Where this device keeps the most it has seen stored on the relay between runs, so a relay that
   * later serves less (a rollback) is reported. Without it, only within one run.
   */
  seen?: SeenStore
  /**
   * Keys already derived from `secret` with `deriveSpaceKeys`, e.g. kept for the session so that
   * restarting the engine skips the key derivation (about a second of CPU).
   */
  keys?: SpaceKeys
}

/**
 * A running sync of one space. `start` connects (and keeps reconnecting); `attach` adds a document
 * the runtime opened or created after start; `stop` flushes, waits briefly for the relay's
 * acknowledgement, and disconnects. A stopped engine is not restarted: create a new one. Unpairing is
 * `stop()` and forgetting the pairing code.
 */
export interface SyncEngine {
  start(): void
  stop(): Promise<void>
  attach(docId: string, doc: Y.Doc): void
  status(): SyncStatus
}

const SyncSettings = z.object({
  relayUrl: RelayUrl,
  spaceId: SpaceId,
  secret: SyncSecret,
  room: z.enum(['secret', 'space-id']).default('secret'),
  deviceId: DeviceId,
  deviceName: z.string().trim().min(1).max(200),
  compactAfterItems: z.number().int().min(2).max(100_000).default(64),
})

/** Origin of envelope changes made by the engine itself. */
const ENGINE_ORIGIN = 'keepsake:sync-engine'
/** Devices refresh their `lastSeenAt` this often while connected. */
const ANNOUNCE_EVERY_MS = 5 * 60_000
/** How long `stop` waits for the relay to acknowledge the last local changes. */
const STOP_ACK_WAIT_MS = 2000
const MAX_PROBLEMS = 20

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const docIdIn = (raw: unknown): string | null =>
  typeof raw === 'object' && raw !== null && 'docId' in raw && typeof raw.docId === 'string'
    ? raw.docId
    : null

/**
 * Creates an end-to-end encrypted sync of one space through a relay (see envelope.ts for what the
 * relay stores). Every local update of an attached document becomes an encrypted envelope item;
 * every item from another device is decrypted, validated and applied with SYNC_ORIGIN. On each
 * (re)connect the engine compares each document with the items on the relay and sends what is
 * missing, so offline edits on several devices merge with nothing lost.
 *
 * Delete vs edit: documents merge with Yjs semantics. On a Y.Map key, a delete removes only the value
 * the deleting device saw, so a concurrent set on another device wins and the key keeps the edited
 * value; two concurrent sets resolve to one of them, chosen by Yjs client ids, identically everywhere.
 * In a Y.Array, a concurrent delete and insert both apply (the inserted element stays).
 *
 * @example
 * const engine = createSyncEngine({ relayUrl, spaceId, secret, deviceId, deviceName, target, onStatus })
 * if (engine.ok) engine.value.start()
 */
export function createSyncEngine(options: SyncOptions): Result<SyncEngine> {
  const settings = check(SyncSettings, options, 'sync')
  if (!settings.ok) return settings
  const { relayUrl, spaceId, secret, room, deviceId, deviceName, compactAfterItems } =
    settings.value
  const WebSocketImpl = options.WebSocketPolyfill ?? globalThis.WebSocket
  if (WebSocketImpl === undefined) {
    return err(
      'validation',
      'there is no WebSocket here: pass WebSocketPolyfill',
      'WebSocketPolyfill',
    )
  }
  const { target, onStatus } = options

  let phase: 'idle' | 'running' | 'stopped' = 'idle'
  let link: LinkState = 'connecting'
  let synced = false
  let reconciling = false
  let fatal: string | null = null
  let refusal = ''
  let closeNote: string | null = null
  let lastSyncedAt: string | null = null
  let keys: SpaceKeys | null = null
  let relayLink: { close(): void } | null = null
  let devices: SyncDevice[] = []
  let lastEmitted = ''
  /** The most this device has seen stored on the relay (see seen-mark.ts); where that relay is. */
  let mark: SeenMark | null = null
  let where: { relayUrl: string; documentName: string } | null = null
  const queue = serialQueue()
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  let announceTimer: ReturnType<typeof setInterval> | null = null
  /** Envelope updates written here and not yet acknowledged; items being encrypted. */
  let unacked = 0
  let sealing = 0

  const envelope = new Y.Doc()
  const { items, devices: deviceMap } = envelopeMaps(envelope)
  const attached = new Map<string, { doc: Y.Doc; off(): void }>()
  const pendingLocal = new Map<string, Uint8Array[]>()
  /** Items applied here (or written here): itemId → docId, and the reverse index. */
  const known = new Map<string, string>()
  const byDoc = new Map<string, Set<string>>()
  /** Items whose bytes failed validation or decryption; retrying the same bytes cannot help. */
  const unreadable = new Set<string>()
  const toApply = new Set<string>()
  const problems = new Map<string, SyncProblem>()

  const pendingCount = (): number => pendingLocal.size + sealing + unacked

  const status = (): SyncStatus =>
    summarizeStatus({
      relayUrl,
      stopped: phase === 'stopped',
      fatal,
      link,
      refusal,
      closeNote,
      synced,
      reconciling,
      pendingItems: pendingCount(),
      lastSyncedAt,
      devices,
      problems: [...problems.values()],
    })

  const emit = (): void => {
    const now = status()
    const key = JSON.stringify(now)
    if (key === lastEmitted) return
    lastEmitted = key
    onStatus(now)
  }

  /** Runs async work one task at a time, in order; a throw is a bug and stops sync loudly. */
  const run = (task: () => Promise<void>): Promise<void> => {
    return queue(task).catch((e: unknown) => {
      fatal = `Sync stopped working: ${describe(e)}`
      emit()
    })
  }

  const report = (key: string, docId: string | null, error: AppError): void => {
    problems.delete(key)
    problems.set(key, { key, docId, error })
    for (const oldest of problems.keys()) {
      if (problems.size <= MAX_PROBLEMS) break
      problems.delete(oldest)
    }
    emit()
  }

  const remember = (itemId: string, docId: string): void => {
    known.set(itemId, docId)
    let set = byDoc.get(docId)
    if (!set) byDoc.set(docId, (set = new Set()))
    set.add(itemId)
  }

  const forget = (itemId: string): void => {
    const docId = known.get(itemId)
    if (docId !== undefined) byDoc.get(docId)?.delete(itemId)
    known.delete(itemId)
    unreadable.delete(itemId)
    problems.delete(itemId)
  }

  const scheduleFlush = (): void => {
    if (flushTimer !== null || keys === null || phase !== 'running') return
    flushTimer = setTimeout(() => {
      flushTimer = null
      void run(flushLocal)
    }, 0)
  }

  const listen = (docId: string, doc: Y.Doc): void => {
    const current = attached.get(docId)
    if (current?.doc === doc) return
    current?.off()
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === SYNC_ORIGIN) return
      const list = pendingLocal.get(docId)
      if (list) list.push(update)
      else pendingLocal.set(docId, [update])
      scheduleFlush()
      emit()
    }
    doc.on('update', onUpdate)
    attached.set(docId, { doc, off: () => doc.off('update', onUpdate) })
  }

  const docFor = async (docId: string): Promise<Result<Y.Doc>> => {
    const current = attached.get(docId)
    if (current) return ok(current.doc)
    const loaded = await target.getDoc(docId)
    if (loaded.ok && phase === 'running') listen(docId, loaded.value)
    return loaded
  }

  /** Encrypts and adds one item (deleting `remove` in the same envelope transaction). */
  const addItem = async (
    input: Omit<NewItem, 'deviceId'>,
    remove: string[] = [],
  ): Promise<void> => {
    if (keys === null) return
    sealing += 1
    try {
      const { itemId, item } = await sealItem(keys.itemKey, spaceId, { ...input, deviceId })
      remember(itemId, input.docId)
      envelope.transact(() => {
        items.set(itemId, item)
        for (const id of remove) items.delete(id)
      }, ENGINE_ORIGIN)
      unacked += 1
    } finally {
      sealing -= 1
    }
    emit()
  }

  /** Folds a document's items into one snapshot once there are too many. */
  const maybeCompact = async (docId: string): Promise<void> => {
    if (keys === null || !synced) return
    const ids = [...(byDoc.get(docId) ?? [])].filter((id) => items.has(id))
    if (ids.length <= compactAfterItems) return
    const parts: Uint8Array[] = []
    for (const id of ids) {
      const opened = await openItem(keys.itemKey, spaceId, id, items.get(id))
      if (!opened.ok) return
      parts.push(opened.value.plaintext)
    }
    // The snapshot holds the content of every item it deletes, so a concurrent compaction elsewhere
    // can only duplicate content, never lose it.
    await addItem({ docId, kind: 'snapshot', plaintext: foldUpdates(parts), covers: ids }, ids)
  }

  const flushLocal = async (): Promise<void> => {
    if (keys === null) return
    const batch = [...pendingLocal]
    pendingLocal.clear()
    for (const [docId, updates] of batch) {
      await addItem({ docId, kind: 'update', plaintext: Y.mergeUpdates(updates) })
      await maybeCompact(docId)
    }
  }

  const applyRemote = async (): Promise<void> => {
    if (keys === null) return
    const batch = [...toApply]
    toApply.clear()
    const touched = new Set<string>()
    for (const itemId of batch) {
      const raw = items.get(itemId)
      if (raw === undefined || known.has(itemId) || unreadable.has(itemId)) continue
      const opened = await openItem(keys.itemKey, spaceId, itemId, raw)
      if (!opened.ok) {
        unreadable.add(itemId)
        report(itemId, docIdIn(raw), opened.error)
        continue
      }
      const { item, plaintext } = opened.value
      const doc = await docFor(item.docId)
      // A local load failure may pass; the item is retried on the next sync.
      if (!doc.ok) {
        report(itemId, item.docId, doc.error)
        continue
      }
      try {
        Y.applyUpdate(doc.value, plaintext, SYNC_ORIGIN)
      } catch (e) {
        unreadable.add(itemId)
        const message = `the item is not a valid document update: ${describe(e)}`
        report(itemId, item.docId, { code: 'validation', message, path: `items.${itemId}` })
        continue
      }
      problems.delete(itemId)
      remember(itemId, item.docId)
      touched.add(item.docId)
    }
    for (const docId of touched) await maybeCompact(docId)
    emit()
  }

  /** Sends what the relay lacks of one document (edits made offline or before the engine ran). */
  const reconcileDoc = async (docId: string): Promise<void> => {
    if (keys === null) return
    const doc = await docFor(docId)
    if (!doc.ok) {
      report(`doc:${docId}`, docId, doc.error)
      return
    }
    problems.delete(`doc:${docId}`)
    const remote: Uint8Array[] = []
    for (const id of byDoc.get(docId) ?? []) {
      const opened = await openItem(keys.itemKey, spaceId, id, items.get(id))
      if (opened.ok) remote.push(opened.value.plaintext)
    }
    const delta = missingFromRemote(remote, doc.value)
    if (delta !== null) await addItem({ docId, kind: 'update', plaintext: delta })
  }

  const announce = async (): Promise<void> => {
    if (keys === null) return
    const info = { name: deviceName, lastSeenAt: new Date().toISOString() }
    const entry = await sealDevice(keys.itemKey, spaceId, deviceId, info)
    envelope.transact(() => deviceMap.set(deviceId, entry), ENGINE_ORIGIN)
  }

  const readDevices = async (): Promise<void> => {
    if (keys === null) return
    const list: SyncDevice[] = []
    for (const [id, raw] of deviceMap.entries()) {
      const info = await openDevice(keys.itemKey, spaceId, id, raw)
      if (!info.ok) {
        report(`device:${id}`, null, info.error)
        continue
      }
      problems.delete(`device:${id}`)
      list.push({ deviceId: id, ...info.value })
    }
    devices = list.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
    emit()
  }

  /** After each (re)connect: apply everything, then send whatever the relay lacks. */
  const reconcileAll = async (): Promise<void> => {
    reconciling = true
    emit()
    try {
      if (keys === null) return
      checkRollback()
      for (const key of items.keys()) if (!known.has(key) && !unreadable.has(key)) toApply.add(key)
      await applyRemote()
      await flushLocal()
      const listed = await target.listDocIds()
      if (!listed.ok) report('docs', null, listed.error)
      else problems.delete('docs')
      const ids = new Set([...(listed.ok ? listed.value : []), ...attached.keys()])
      for (const docId of ids) await reconcileDoc(docId)
      await announce()
      await readDevices()
      checkWithheld()
    } finally {
      reconciling = false
      emit()
    }
  }

  const nameOf = (deviceId: string | null): string =>
    deviceId === null
      ? 'an unknown device'
      : deviceId === options.deviceId
        ? 'this device'
        : (devices.find((d) => d.deviceId === deviceId)?.name ?? deviceId)

  /**
   * Reports a relay that serves less than this device already saw stored there (see seen-mark.ts);
   * clears the report once the relay holds all of it again.
   */
  const checkRollback = (): void => {
    const behind = mark === null ? [] : rolledBack(envelope, mark)
    if (behind.length === 0) {
      if (problems.delete(ROLLBACK)) emit()
      return
    }
    const names = [...new Set(behind.map(nameOf))].sort()
    const since = `${(mark?.at ?? '').slice(0, 16).replace('T', ' ')} UTC`
    const message = `the relay served an older copy of this space than this device saw there on ${since}: changes from ${names.join(', ')} are missing; syncing what it can and sending this device's copy again`
    report(ROLLBACK, null, { code: 'validation', message, path: 'envelope' })
  }

  /** After the relay acknowledged everything: remember the most it has been seen to hold. */
  const raiseSeen = async (): Promise<void> => {
    if (where === null || options.seen === undefined || !synced) return
    mark = raiseMark(envelope, where, mark, new Date())
    const saved = await options.seen.save(mark)
    if (!saved.ok) report('seen', null, saved.error)
    else problems.delete('seen')
  }

  /** Reports changes the relay left out (see withheld-writers.ts); clears the report once they arrive. */
  const checkWithheld = (): void => {
    const writers = withheldWriters(envelope)
    if (writers.length === 0) {
      if (problems.delete(WITHHELD)) emit()
      return
    }
    const names = writers.map((id) => devices.find((d) => d.deviceId === id)?.name ?? id)
    const message = `the relay is withholding updates from ${names.join(', ')}: later changes arrived without the ones they build on; syncing what it can`
    report(WITHHELD, null, { code: 'validation', message, path: 'envelope' })
  }

  const teardown = (): void => {
    relayLink?.close()
    relayLink = null
  }

  const connect = (documentName: string, credential: string): void => {
    relayLink = openRelayLink(
      { relayUrl, documentName, credential, envelope, WebSocketImpl },
      {
        onState(state) {
          link = state
          if (state !== 'authenticated') synced = false
          emit()
        },
        onRefused(reason) {
          refusal = reason
          relayLink = null
          emit()
        },
        onSynced() {
          synced = true
          // Not "connected" until this device has compared its documents with the relay's.
          reconciling = true
          void run(reconcileAll)
        },
        onAcknowledged() {
          unacked = 0
          closeNote = null
          lastSyncedAt = new Date().toISOString()
          emit()
          void run(raiseSeen)
        },
        onTooLarge() {
          closeNote = 'The relay refused a change larger than its --max-message-bytes; retrying.'
        },
        onSpaceFull() {
          closeNote =
            'The relay refused a change: this space is over its storage quota (--max-space-bytes); retrying.'
        },
      },
    )
  }

  items.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') forget(key)
      if (change.action !== 'delete' && !known.has(key)) toApply.add(key)
    }
    if (toApply.size > 0) void run(applyRemote)
    if (problems.has(ROLLBACK)) checkRollback()
    emit()
  })
  deviceMap.observe(() => void run(readDevices))

  const waitUntil = async (done: () => boolean, limitMs: number): Promise<void> => {
    const end = Date.now() + limitMs
    while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
  }

  let stopping: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    if (flushTimer !== null) clearTimeout(flushTimer)
    flushTimer = null
    await run(flushLocal)
    await waitUntil(() => pendingCount() === 0 || link !== 'authenticated', STOP_ACK_WAIT_MS)
    phase = 'stopped'
    if (announceTimer !== null) clearInterval(announceTimer)
    for (const { off } of attached.values()) off()
    attached.clear()
    teardown()
    await queue(async () => undefined)
    keys = null
    envelope.destroy()
    emit()
  }

  return ok({
    start() {
      if (phase !== 'idle') return
      phase = 'running'
      emit()
      void run(async () => {
        const derived = options.keys ? ok(options.keys) : await deriveSpaceKeys(secret, spaceId)
        if (!derived.ok) {
          fatal = derived.error.message
          emit()
          return
        }
        const { credential } = derived.value
        const documentName = await relayDocumentName({ room, spaceId, credential })
        const earlier = options.seen ? await options.seen.load() : ok(null)
        if (!earlier.ok) report('seen', null, earlier.error)
        if (phase !== 'running') return
        where = { relayUrl, documentName }
        // A mark for another relay or room says nothing about this one.
        const seen = earlier.ok ? earlier.value : null
        if (seen?.relayUrl === relayUrl && seen.documentName === documentName) mark = seen
        keys = derived.value
        connect(documentName, credential)
        const listed = await target.listDocIds()
        if (!listed.ok) report('docs', null, listed.error)
        for (const docId of listed.ok ? listed.value : []) {
          const doc = await docFor(docId)
          if (!doc.ok) report(`doc:${docId}`, docId, doc.error)
        }
        scheduleFlush()
        announceTimer = setInterval(() => void run(announce), ANNOUNCE_EVERY_MS)
      })
    },
    stop: () => (stopping ??= stop()),
    attach(docId, doc) {
      if (phase === 'stopped') return
      listen(docId, doc)
      // Edits made before attaching never reached the listener; compare with the relay if synced.
      if (synced) void run(() => reconcileDoc(docId))
    },
    status,
  })
}
