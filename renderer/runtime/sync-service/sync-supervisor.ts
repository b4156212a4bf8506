import { err, ok, type AppError, type Result } from '../../../shared/errors'
import type { SyncStatusView } from '../../../shared/contract/sync-requests'
import type { RuntimeContext } from '../context'
import { serialQueue } from '../../../shared/serial-queue'
import type { Space } from '../space/space'
import {
  createDeviceKey,
  createPairing,
  createSyncEngine,
  decodePairingCode,
  deriveSpaceKeys,
  encodePairingCode,
  openHandover,
  retireRoom,
  sealHandover,
  type DeviceKey,
  type Pairing,
  type SyncEngine,
} from '../sync'
import { relayDocumentName } from '../../../shared/relay-room'
import { probeRelay } from '../sync/relay-probe'
import { chooseDeviceName } from './device-name'
import { listOrphans } from './orphan-entries'
import {
  deletePairing,
  readPairing,
  toStored,
  writePairing,
  type StoredPairing,
} from './pairing-store'
import { openRelayGate, restartingError, type RelayGate } from './relay-gate'
import { keepRelays, type RelayRelease } from './relay-release'
import { forgetSeen, seenStore } from './seen-store'
import { forgetTaken, takenStore } from './taken-store'
import { spaceTarget, type SpaceTarget } from './space-target'
import { UNPAIRED, failedView, handoverNotice, leftBehindView, toView } from './status-view'

/** What sync needs of the runtime's context: the open space and this device's id. */
export type SyncScope = Pick<RuntimeContext, 'space' | 'deviceId'>

/**
 * Sync of whichever space the runtime has open. Created once per runtime (it outlives space switches);
 * each boot hands it the new space with `adopt`. Operations run one at a time.
 */
export interface SyncSupervisor {
  /**
   * Takes over the space the runtime just opened: stops the previous space's sync and, when this
   * space has a stored pairing, resumes syncing it. Returns at once; the work is queued.
   */
  adopt(ctx: SyncScope): void
  /** The current status (also pushed as the `sync.status` event on every change). */
  status(): SyncStatusView
  /** Pairs the open space with a relay (keeping the secret when already paired) and starts syncing. */
  pair(ctx: SyncScope, relayUrl: string, deviceName?: string): Promise<Result<{ code: string }>>
  /** The open space's pairing code; `not-found` when it is not paired. */
  code(ctx: SyncScope): Promise<Result<{ code: string }>>
  /**
   * Reads a pairing code and derives its keys. The space it names is the open one: the pairing is
   * stored and sync starts (`joined: 'here'`). Another space: the pairing is returned ready to store
   * in that space (`joined: 'elsewhere'`) and sync of the open space stops, so the caller can switch.
   */
  join(
    ctx: SyncScope,
    code: string,
    deviceName?: string,
  ): Promise<Result<{ joined: 'here' } | { joined: 'elsewhere'; pairing: StoredPairing }>>
  /**
   * Stops syncing the open space and forgets its pairing; its relay leaves the app's allow-list when
   * no other space here is paired with it.
   */
  unpair(ctx: SyncScope): Promise<Result<void>>
  /**
   * Gives the open space a new secret (and so a new room): the relay retires the old room first,
   * refusing every device that still holds the old secret, and keeps a handover of the new secret
   * sealed to each other device that announced a key, except `removeDeviceId`; those devices follow
   * by themselves. Then this device syncs the whole space to the new room. When the relay cannot
   * retire the old room, nothing changes. Returns the new code.
   */
  changeSecret(ctx: SyncScope, removeDeviceId?: string): Promise<Result<{ code: string }>>
  /** Resolves once every queued operation has finished. */
  settled(): Promise<void>
  /** Stops syncing (the pairing stays stored; `adopt` resumes it). */
  stop(): Promise<void>
}

/** A refused join: the reason, and that this device is as it was. */
const unchanged = (error: AppError): Result<never> =>
  err(error.code, `${error.message} Nothing changed on this device.`, error.path)

/** The pairing code of a stored pairing: only what another device needs, never the derived keys. */
const codeOf = (p: StoredPairing): string =>
  encodePairingCode({ relayUrl: p.relayUrl, spaceId: p.spaceId, secret: p.secret, room: p.room })

interface Session {
  space: Space
  engine: SyncEngine
  target: SpaceTarget
  stopWatching(): void
}

/**
 * Creates the runtime's sync supervisor. `emit` pushes `sync.status` to every window; `now` dates
 * entries it writes; `gate` is asked before any relay is reached (pairing, joining, resuming), so
 * the host's CSP allows it first.
 */
export function createSyncSupervisor(
  emit: RuntimeContext['emit'],
  now: () => Date = () => new Date(),
  gate: RelayGate = openRelayGate,
  release: RelayRelease = keepRelays,
): SyncSupervisor {
  let session: Session | null = null
  let view: SyncStatusView = UNPAIRED
  const queue = serialQueue()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue(task)
    run.catch((e: unknown) => console.error('sync supervisor failed', e))
    return run
  }

  const show = (next: SyncStatusView): void => {
    view = next
    emit('sync.status', next)
  }

  const stopSession = async (): Promise<void> => {
    const current = session
    if (current === null) return
    session = null
    current.stopWatching()
    await current.engine.stop()
  }

  /**
   * Attaches each conversation document the open space opens after sync started (one created here,
   * or one that arrived by sync and is opened to be read or changed), before it can change. A
   * conversation is never opened just to be listened to: one stored whole from a sealed item stays
   * unloaded until something needs it.
   */
  const watchConversations = (
    space: Space,
    target: SpaceTarget,
    engine: SyncEngine,
  ): (() => void) => {
    return space.onConversationOpened((_id, doc, docId) => {
      target.handedOut.add(docId)
      if (session?.engine === engine) engine.attach(docId, doc)
    })
  }

  const startSession = (ctx: SyncScope, pairing: StoredPairing): Result<void> => {
    if (pairing.spaceId !== ctx.space.id) {
      return err(
        'validation',
        'The stored sync pairing belongs to another space; unpair and pair this device again.',
        'spaceId',
      )
    }
    const space = ctx.space
    const target = spaceTarget(space)
    let initialSync = true
    let last: SyncStatusView['state'] | null = null
    let engineRef: SyncEngine | null = null
    // Set once the relay gave a handover: the refusal that comes with it is not the last word.
    let handingOver = false
    const created = createSyncEngine({
      relayUrl: pairing.relayUrl,
      spaceId: pairing.spaceId,
      secret: pairing.secret,
      room: pairing.room,
      seen: seenStore(space),
      taken: takenStore(space),
      deviceId: ctx.deviceId,
      deviceName: pairing.deviceName,
      target,
      keys: pairing.keys,
      ...(pairing.deviceKey === undefined ? {} : { publicKey: pairing.deviceKey.publicKey }),
      onHandover: (text) => {
        const engine = engineRef
        if (engine === null || session?.engine !== engine || handingOver) return
        handingOver = true
        show({
          ...view,
          state: 'connecting',
          message:
            'The sync secret of this space was changed on another device; reading what it left for this device…',
        })
        void serial(() => follow(ctx, pairing, engine, text))
      },
      onStatus: (status) => {
        if (engineRef === null || session?.engine !== engineRef || handingOver) return
        const caughtUp = status.state === 'connected' && last !== 'connected'
        last = status.state
        if (caughtUp) initialSync = false
        show(
          toView(status, {
            relayUrl: pairing.relayUrl,
            deviceId: ctx.deviceId,
            initialSync,
            notice: handoverNotice(pairing),
          }),
        )
        if (caughtUp && target.orphans.size > 0) {
          const ids = [...target.orphans]
          target.orphans.clear()
          void listOrphans(space, ids, now()).then((listed) => {
            if (!listed.ok) console.error('sync: could not list synced conversations', listed.error)
          })
        }
      },
    })
    if (!created.ok) return created
    const engine = created.value
    engineRef = engine
    session = {
      space,
      engine,
      target,
      stopWatching: watchConversations(space, target, engine),
    }
    engine.start()
    return ok(undefined)
  }

  /** Stores `pairing` in the open space and (re)starts its sync. */
  const activate = async (ctx: SyncScope, pairing: StoredPairing): Promise<Result<void>> => {
    await stopSession()
    const saved = await writePairing(ctx.space, pairing)
    ctx.space.pairingChanged()
    if (!saved.ok) return saved
    const started = startSession(ctx, pairing)
    if (!started.ok) show(failedView(started.error.message, pairing.relayUrl))
    return started
  }

  /** The stored form of `pairing`, with its keys derived and this device's key pair (kept or new). */
  const derive = async (
    pairing: Pairing,
    deviceName: string,
    deviceKey?: DeviceKey,
  ): Promise<Result<StoredPairing>> => {
    const keys = await deriveSpaceKeys(pairing.secret, pairing.spaceId)
    if (!keys.ok) return keys
    const own = deviceKey === undefined ? await createDeviceKey() : ok(deviceKey)
    if (!own.ok) return own
    return ok(toStored(pairing, deviceName, keys.value, now(), own.value))
  }

  /** A pairing stored before devices had key pairs gets one (so others can hand it a new secret). */
  const withDeviceKey = async (ctx: SyncScope, pairing: StoredPairing): Promise<StoredPairing> => {
    if (pairing.deviceKey !== undefined) return pairing
    const made = await createDeviceKey()
    if (!made.ok) {
      console.error('sync: no device key pair', made.error)
      return pairing
    }
    const next = { ...pairing, deviceKey: made.value }
    const saved = await writePairing(ctx.space, next)
    return saved.ok ? next : pairing
  }

  /**
   * The relay refused `pairing`'s room because another device changed the secret, and gave the
   * handover it left. Opened here: a device handed the new secret moves to it and syncs on; a
   * removed device, or one left out, says so and stops; a handover that does not open is refused.
   */
  const follow = async (
    ctx: SyncScope,
    pairing: StoredPairing,
    engine: SyncEngine,
    text: string,
  ): Promise<void> => {
    if (session?.engine !== engine) return
    await stopSession()
    const documentName = await relayDocumentName({
      ...pairing,
      credential: pairing.keys.credential,
    })
    const place = { itemKey: pairing.keys.itemKey, spaceId: pairing.spaceId, documentName }
    const own = pairing.deviceKey
    const opened =
      own === undefined
        ? ok({ kind: 'left-out' as const, by: 'another device', at: now().toISOString() })
        : await openHandover(place, { deviceId: ctx.deviceId, ...own }, text)
    if (!opened.ok || opened.value.kind !== 'moved') {
      show(leftBehindView(pairing.relayUrl, opened, view.devices))
      return
    }
    const fresh = { ...pairing, secret: opened.value.secret, room: 'secret' as const }
    const next = await derive(fresh, pairing.deviceName, own)
    if (!next.ok) {
      show(failedView(next.error.message, pairing.relayUrl))
      return
    }
    const moved = { ...next.value, movedBy: { deviceName: opened.value.by, at: opened.value.at } }
    await activate(ctx, moved)
  }

  return {
    adopt(ctx) {
      void serial(async () => {
        if (session?.space === ctx.space) return
        await stopSession()
        const stored = await readPairing(ctx.space)
        if (!stored.ok) {
          show(
            failedView(
              `The saved sync pairing cannot be used (${stored.error.message}); unpair and pair again.`,
              null,
            ),
          )
          return
        }
        if (stored.value === null) {
          show(UNPAIRED)
          return
        }
        // A pairing made before relays were allowed one by one is allowed now (the runtime reloads).
        const gated = await gate(stored.value.relayUrl)
        if (!gated.ok) {
          show(failedView(gated.error.message, stored.value.relayUrl))
          return
        }
        if (gated.value === 'restarting') return
        const pairing = await withDeviceKey(ctx, stored.value)
        const started = startSession(ctx, pairing)
        if (!started.ok) show(failedView(started.error.message, pairing.relayUrl))
      })
    },

    status: () => view,

    pair: (ctx, relayUrl, deviceName) =>
      serial(async () => {
        const gated = await gate(relayUrl)
        if (!gated.ok) return gated
        if (gated.value === 'restarting') return restartingError()
        const stored = await readPairing(ctx.space)
        const existing = stored.ok && stored.value?.spaceId === ctx.space.id ? stored.value : null
        const name = chooseDeviceName(deviceName, existing?.deviceName)
        let next: StoredPairing
        if (existing !== null) {
          const unchanged = existing.relayUrl === relayUrl && existing.deviceName === name
          if (unchanged && session?.space === ctx.space) return ok({ code: codeOf(existing) })
          next = await withDeviceKey(ctx, { ...existing, relayUrl, deviceName: name })
        } else {
          const pairing = createPairing(relayUrl, ctx.space.id)
          if (!pairing.ok) return pairing
          const derived = await derive(pairing.value, name)
          if (!derived.ok) return derived
          next = derived.value
        }
        const started = await activate(ctx, next)
        return started.ok ? ok({ code: codeOf(next) }) : started
      }),

    code: async (ctx) => {
      const stored = await readPairing(ctx.space)
      if (!stored.ok) return stored
      if (stored.value === null) return err('not-found', 'This space is not paired with a relay.')
      return ok({ code: codeOf(stored.value) })
    },

    join: (ctx, code, deviceName) =>
      serial(async () => {
        const pairing = decodePairingCode(code)
        if (!pairing.ok) return unchanged(pairing.error)
        const gated = await gate(pairing.value.relayUrl)
        if (!gated.ok) return unchanged(gated.error)
        if (gated.value === 'restarting') return restartingError()
        const current = await readPairing(ctx.space)
        const name = chooseDeviceName(
          deviceName,
          current.ok ? current.value?.deviceName : undefined,
        )
        const ownKey =
          current.ok && current.value?.spaceId === ctx.space.id
            ? current.value.deviceKey
            : undefined
        const derived = await derive(pairing.value, name, ownKey)
        if (!derived.ok) return unchanged(derived.error)
        // The relay must accept the code before this device switches space or stores anything.
        const admitted = await probeRelay({
          relayUrl: pairing.value.relayUrl,
          spaceId: pairing.value.spaceId,
          room: pairing.value.room,
          credential: derived.value.keys.credential,
        })
        if (!admitted.ok) return unchanged(admitted.error)
        if (pairing.value.spaceId === ctx.space.id) {
          const started = await activate(ctx, derived.value)
          return started.ok ? ok({ joined: 'here' as const }) : started
        }
        await stopSession()
        return ok({ joined: 'elsewhere' as const, pairing: derived.value })
      }),

    unpair: (ctx) =>
      serial(async () => {
        await stopSession()
        const stored = await readPairing(ctx.space)
        const forgotten = await deletePairing(ctx.space)
        ctx.space.pairingChanged()
        if (!forgotten.ok) return forgotten
        show(UNPAIRED)
        if (stored.ok && stored.value !== null) {
          // The pairing is gone either way; a relay left allowed only widens the CSP, so it is logged.
          const released = await release(stored.value.relayUrl, ctx.space.id)
          if (!released.ok)
            console.error('sync: relay not removed from the allow-list', released.error)
        }
        const taken = await forgetTaken(ctx.space)
        if (!taken.ok) return taken
        return forgetSeen(ctx.space)
      }),

    changeSecret: (ctx, removeDeviceId) =>
      serial(async () => {
        const stored = await readPairing(ctx.space)
        if (!stored.ok) return stored
        const old = stored.value
        if (old === null) return err('not-found', 'This space is not paired with a relay.')
        const fresh = createPairing(old.relayUrl, ctx.space.id)
        if (!fresh.ok) return fresh
        const next = await derive(fresh.value, old.deviceName, old.deviceKey)
        if (!next.ok) return next
        const documentName = await relayDocumentName({ ...old, credential: old.keys.credential })
        // Every other device this one knows from the envelope and that announced a key follows.
        const known = session?.space === ctx.space ? session.engine.status().devices : []
        const others = known.filter((d) => d.deviceId !== ctx.deviceId)
        const handover = await sealHandover(
          { itemKey: old.keys.itemKey, spaceId: old.spaceId, documentName },
          {
            from: { deviceId: ctx.deviceId, name: old.deviceName },
            secret: fresh.value.secret,
            to: others.flatMap((d) =>
              d.deviceId !== removeDeviceId && d.publicKey !== undefined
                ? [{ deviceId: d.deviceId, publicKey: d.publicKey }]
                : [],
            ),
            removed: removeDeviceId === undefined ? [] : [removeDeviceId],
            now: now(),
          },
        )
        if (!handover.ok) return handover
        // This device's own connection would be closed by the retirement; stop it first.
        await stopSession()
        const retired = await retireRoom({
          relayUrl: old.relayUrl,
          documentName,
          credential: old.keys.credential,
          handover: handover.value,
          WebSocketImpl: globalThis.WebSocket,
        })
        if (!retired.ok) {
          const resumed = startSession(ctx, old)
          if (!resumed.ok) show(failedView(resumed.error.message, old.relayUrl))
          return retired
        }
        const started = await activate(ctx, next.value)
        return started.ok ? ok({ code: codeOf(next.value) }) : started
      }),

    settled: async () => {
      await serial(async () => undefined)
    },

    stop: () => serial(stopSession),
  }
}
