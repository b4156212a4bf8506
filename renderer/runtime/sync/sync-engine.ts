import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import { relayDocumentName } from '../../../shared/relay-room'
import { serialQueue } from '../../../shared/serial-queue'
import { check } from '../../../shared/validation'
import { createCompaction } from './compaction'
import { createDeviceRoster } from './device-roster'
import { describe, type EngineContext, type EngineState } from './engine-context'
import { envelopeMaps } from './envelope'
import { createIncomingItems } from './incoming-items'
import { createItemLedger } from './item-ledger'
import { createLocalChanges } from './local-changes'
import { createOutgoingItems } from './outgoing-items'
import { createProblemList } from './problem-list'
import { createReconcile } from './reconcile'
import { createRelayConnection } from './relay-connection'
import { createRollbackWatch } from './rollback-watch'
import { createTakenItems } from './taken-items'
import { ROLLBACK_PROBLEM } from './seen-mark'
import { deriveSpaceKeys } from './space-keys'
import { summarizeStatus } from './status-summary'
import { SyncSettings, type SyncOptions } from './sync-options'
import type { SyncStatus } from './sync-status'
import { createUnseal } from './unseal'
import { createWithheldWatch } from './withheld-watch'

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

/** Devices refresh their `lastSeenAt` this often while connected. */
const ANNOUNCE_EVERY_MS = 5 * 60_000
/** How long `stop` waits for the relay to acknowledge the last local changes. */
const STOP_ACK_WAIT_MS = 2000

const waitUntil = async (done: () => boolean, limitMs: number): Promise<void> => {
  const end = Date.now() + limitMs
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
}

/**
 * Creates an end-to-end encrypted sync of one space through a relay (see envelope.ts for what the
 * relay stores). Every local update of an attached document becomes an encrypted envelope item
 * (local-changes.ts, outgoing-items.ts); every item from another device is decrypted, validated and
 * applied with SYNC_ORIGIN (incoming-items.ts). On each (re)connect the engine compares each
 * document with the items on the relay and sends what is missing (reconcile.ts), so offline edits
 * on several devices merge with nothing lost. This file owns the lifecycle and wires the jobs.
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
  const checked = check(SyncSettings, options, 'sync')
  if (!checked.ok) return checked
  const settings = checked.value
  const WebSocketImpl = options.WebSocketPolyfill ?? globalThis.WebSocket
  if (WebSocketImpl === undefined) {
    return err(
      'validation',
      'there is no WebSocket here: pass WebSocketPolyfill',
      'WebSocketPolyfill',
    )
  }

  const state: EngineState = {
    phase: 'idle',
    link: 'connecting',
    synced: false,
    reconciling: false,
    fatal: null,
    refusal: '',
    closeNote: null,
    lastSyncedAt: null,
    keys: null,
    devices: [],
    unacked: 0,
    sealing: 0,
  }
  const queue = serialQueue()
  const envelope = new Y.Doc()
  const { items, devices: deviceMap } = envelopeMaps(envelope)
  let lastEmitted = ''
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  let announceTimer: ReturnType<typeof setInterval> | null = null

  const pendingCount = (): number => local.waiting() + state.sealing + state.unacked

  const status = (): SyncStatus =>
    summarizeStatus({
      relayUrl: settings.relayUrl,
      stopped: state.phase === 'stopped',
      fatal: state.fatal,
      link: state.link,
      refusal: state.refusal,
      closeNote: state.closeNote,
      synced: state.synced,
      reconciling: state.reconciling,
      pendingItems: pendingCount(),
      lastSyncedAt: state.lastSyncedAt,
      devices: state.devices,
      problems: problems.list(),
    })

  const emit = (): void => {
    const now = status()
    const key = JSON.stringify(now)
    if (key === lastEmitted) return
    lastEmitted = key
    options.onStatus(now)
  }
  const problems = createProblemList(emit)

  const ctx: EngineContext = {
    settings,
    options,
    state,
    envelope,
    items,
    deviceMap,
    ledger: createItemLedger(),
    problems,
    emit,
    /** Runs async work one task at a time, in order; a throw is a bug and stops sync loudly. */
    run: (task) =>
      queue(task).catch((e: unknown) => {
        state.fatal = `Sync stopped working: ${describe(e)}`
        emit()
      }),
  }

  const scheduleFlush = (): void => {
    if (flushTimer !== null || state.keys === null || state.phase !== 'running') return
    flushTimer = setTimeout(() => {
      flushTimer = null
      void ctx.run(flushLocal)
    }, 0)
  }
  const local = createLocalChanges(ctx, scheduleFlush)
  const outgoing = createOutgoingItems(ctx, local)
  const roster = createDeviceRoster(ctx)
  const compact = createCompaction(ctx, outgoing, roster)
  const flushLocal = (): Promise<void> => outgoing.flush(compact)
  const incoming = createIncomingItems(ctx, local)
  const applyRemote = async (): Promise<void> => {
    await incoming.apply(async (docId, unheard) => {
      await compact(docId)
      if (unheard) await reconcile.doc(docId)
    })
    taken.saveSoon()
  }
  const rollback = createRollbackWatch(ctx, roster)
  const taken = createTakenItems(ctx)
  const checkWithheld = createWithheldWatch(ctx)
  const unseal = createUnseal(ctx, outgoing, roster)
  const reconcile = createReconcile(ctx, {
    local,
    incoming,
    outgoing,
    roster,
    rollback,
    checkWithheld,
    compact,
    unseal,
    taken,
  })
  const connection = createRelayConnection(ctx, WebSocketImpl, {
    onSynced: () => void ctx.run(reconcile.all),
    onAcknowledged: () => void ctx.run(rollback.raise),
  })

  items.observe((event) => {
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') {
        ctx.ledger.forget(key)
        problems.clear(key)
      }
      if (change.action !== 'delete' && !ctx.ledger.has(key)) incoming.want(key)
    }
    if (incoming.waiting()) void ctx.run(applyRemote)
    if (problems.has(ROLLBACK_PROBLEM)) rollback.check()
    emit()
  })
  deviceMap.observe(() => {
    void ctx.run(roster.read)
    void ctx.run(unseal)
  })

  const begin = async (): Promise<void> => {
    const derived = options.keys
      ? ok(options.keys)
      : await deriveSpaceKeys(settings.secret, settings.spaceId)
    if (!derived.ok) {
      state.fatal = derived.error.message
      emit()
      return
    }
    const { credential } = derived.value
    const documentName = await relayDocumentName({
      room: settings.room,
      spaceId: settings.spaceId,
      credential,
    })
    await rollback.load({ relayUrl: settings.relayUrl, documentName })
    // Before the envelope arrives: items taken in on earlier runs are not taken in again.
    await taken.load({ relayUrl: settings.relayUrl, documentName })
    if (state.phase !== 'running') return
    state.keys = derived.value
    connection.open(documentName, credential)
    const listed = await options.target.listDocIds()
    if (!listed.ok) problems.report('docs', null, listed.error)
    for (const docId of listed.ok ? listed.value : []) {
      // Not loaded here, and unchanged since the relay held all of it: it stays unloaded unless the
      // reconcile finds the relay lacks something, or something opens it (it is handed over then).
      const idle = options.target.isLoaded?.(docId) === false
      if (idle && taken.unmoved(docId, await taken.position(docId))) continue
      const doc = await local.docFor(docId)
      if (!doc.ok) problems.report(`doc:${docId}`, docId, doc.error)
    }
    scheduleFlush()
    announceTimer = setInterval(() => void ctx.run(roster.announce), ANNOUNCE_EVERY_MS)
  }

  let stopping: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    if (flushTimer !== null) clearTimeout(flushTimer)
    flushTimer = null
    await ctx.run(flushLocal)
    await waitUntil(() => pendingCount() === 0 || state.link !== 'authenticated', STOP_ACK_WAIT_MS)
    taken.stop()
    await ctx.run(taken.save)
    state.phase = 'stopped'
    if (announceTimer !== null) clearInterval(announceTimer)
    local.detachAll()
    connection.close()
    await queue(async () => undefined)
    state.keys = null
    envelope.destroy()
    emit()
  }

  return ok({
    start() {
      if (state.phase !== 'idle') return
      state.phase = 'running'
      emit()
      void ctx.run(begin)
    },
    stop: () => (stopping ??= stop()),
    attach(docId, doc) {
      if (state.phase === 'stopped') return
      local.listen(docId, doc)
      // Edits made before attaching never reached the listener; compare with the relay if synced.
      if (state.synced) void ctx.run(() => reconcile.doc(docId))
    },
    status,
  })
}
