import { announceLatest } from './announce-latest'
import { JOINED_SPACE_NAME } from './sync-service/join-space'
import { Dexie } from 'dexie'
import { err, ok, type Result } from '../../shared/errors'
import { eventFrame, serveRuntime } from '../../shared/contract/server'
import {
  runtimeRequests,
  type AppStatus,
  type EventName,
  type EventPayload,
  type RequestName,
  type RuntimeHandlers,
} from '../../shared/contract'
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/current'
import type { PortLike } from '../../shared/contract/wire'
import type { Settings } from '../../shared/contract/settings'
import { RegistryDb, SpaceDb } from './db/space-db'
import { Space } from './space/space'
import { recordSpaceName } from './spaces/rename-space'
import { deleteUnlistedSpaces } from './spaces/unlisted-spaces'
import { loadIdentity } from './identity'
import { loadSettings, saveSettings } from './settings-store'
import { createClock } from './clock'
import { toViews } from './memory/memory-views'
import { promptState } from './memory/prompt-state'
import { conversationHandlers } from './handlers/conversation-handlers'
import { memoryHandlers } from './handlers/memory-handlers'
import { memoryExtraHandlers } from './handlers/memory-extra-handlers'
import { settingsHandlers } from './handlers/settings-handlers'
import { hostHandlers } from './handlers/host-handlers'
import { filesHandlers } from './handlers/files-handlers'
import { syncHandlers } from './handlers/sync-handlers'
import { createSyncSupervisor, type SyncSupervisor } from './sync-service/sync-supervisor'
import { hostRelayGate, restartingError } from './sync-service/relay-gate'
import { hostRelayRelease } from './sync-service/relay-release'
import type { ReopenRuntime } from './files/reopen'
import { createSearchService, type SearchService } from './search/search-service'
import { convertLegacyMessages } from './docs/convert-legacy'
import type { RuntimeContext } from './context'
import { loadOffline } from './agent/offline/load'
import type { HostServices } from './services/services'

/** A started runtime: serves any number of ports (windows) and pushes events to all of them. */
export interface Runtime {
  /** Serves `port` until the returned function is called (the window reloaded or closed). */
  connect(port: PortLike): () => void
  /** Resolves when every acknowledged change is on disk. */
  flush(): Promise<void>
}

/**
 * Starts the agent runtime: opens this profile's space, restores state, and serves the contract.
 * Requests that arrive while it starts wait; if it cannot start, they get the reason as an error.
 */
export function startRuntime(services: HostServices, now: () => Date = () => new Date()): Runtime {
  const ports = new Set<PortLike>()
  // Checked against the contract once per event, not once per window.
  const emit = <K extends EventName>(name: K, payload: EventPayload<K>): void => {
    if (ports.size === 0) return
    const frame = eventFrame(name, payload)
    for (const port of ports) port.postMessage(frame)
  }
  const clock = createClock(now)
  // Sync outlives a space switch: every boot hands the space it opened to this one supervisor.
  // Relays are reached only once the host allowed them; allowing one reloads the runtime.
  let restarting = false
  const restart = async (): Promise<void> => {
    if (restarting) return
    restarting = true
    await sync.stop()
    const current = await ready
    if (current.ok) {
      await current.value.ctx.space.settle()
      await current.value.search.persistNow()
      current.value.ctx.space.close()
    }
    emit('runtime.restarting', { reason: 'a sync relay was allowed' })
    services.restart()
  }
  const sync = createSyncSupervisor(
    emit,
    clock,
    hostRelayGate(services.api, () => void restart()),
    hostRelayRelease(services.api),
  )
  // Re-run by an import or a space switch: requests wait for the newly opened space.
  const reopen: ReopenRuntime = async () => {
    const previous = await ready
    if (previous.ok) await previous.value.ctx.space.settle()
    ready = boot(services, clock, emit, reopen, sync)
    return ready
  }
  let ready = boot(services, clock, emit, reopen, sync)
  // Once per start, never on a reopen (which may still hold a replaced space open): what an import
  // stopped partway left on disk is deleted.
  void ready.then(sweepUnlisted)
  const handlers = Object.fromEntries(
    (Object.keys(runtimeRequests) as RequestName[]).map((name) => [
      name,
      async (input: unknown) => {
        // A runtime going away to load again answers nothing, so windows find its successor.
        if (restarting) return restartingError()
        const started = await ready
        if (!started.ok) return started
        const handler = started.value.handlers[name] as (i: unknown) => Promise<Result<unknown>>
        return handler(input)
      },
    ]),
  ) as RuntimeHandlers
  return {
    connect(port) {
      ports.add(port)
      const server = serveRuntime(port, handlers)
      return () => {
        server.close()
        ports.delete(port)
      }
    },
    async flush() {
      const started = await ready
      if (!started.ok) return
      await started.value.ctx.space.settle()
      await started.value.search.persistNow()
    },
  }
}

/** Deletes the databases of spaces an import stopped partway left unlisted (`deleteUnlistedSpaces`). */
async function sweepUnlisted(): Promise<void> {
  const registry = new RegistryDb()
  try {
    await deleteUnlistedSpaces(registry)
  } catch (e) {
    console.error('could not delete what a stopped import left', e)
  } finally {
    registry.close()
  }
}

async function boot(
  services: HostServices,
  now: () => Date,
  emit: RuntimeContext['emit'],
  reopen: ReopenRuntime,
  sync: SyncSupervisor,
): Promise<Result<{ handlers: RuntimeHandlers; ctx: RuntimeContext; search: SearchService }>> {
  try {
    const registry = new RegistryDb()
    const identity = await loadIdentity(registry)
    const db = new SpaceDb(identity.spaceId)
    let settings: Settings = await loadSettings(db)
    let searchRef: SearchService | null = null
    let statusRef: (() => Promise<Result<AppStatus>>) | null = null
    let spaceRef: Space | null = null
    /** Memory that changed before the search index existed (the document loading behind the view). */
    const missedBySearch = new Set<string>()
    // Every window hears the list (titles, counts, times) from what is stored, after any change to
    // it: an entry, or messages stored or deleted here, by sync or by an import.
    const tellList = announceLatest(
      async () => (spaceRef ? await spaceRef.summaries() : null),
      (conversations) => {
        if (conversations) emit('conversations.changed', { conversations })
      },
      (e) => console.error('could not read the conversation list', e),
    )
    // A space just joined is listed under a stand-in name until its own arrives from the relay.
    const joined = identity.spaceName === JOINED_SPACE_NAME
    // From the stored view of the space document when it is current; the document loads behind.
    const opened = await Space.restore(db, identity.spaceId, joined ? null : identity.spaceName, {
      memoryChanged: (ids) => {
        if (!spaceRef) return
        if (searchRef) searchRef.onMemory(spaceRef.loadedMemoryItems(ids))
        else for (const id of ids) missedBySearch.add(id)
        // Windows ask for what they show; the event says only what changed.
        emit('memory.changed', { ids })
      },
      conversationsChanged: tellList,
      messagesAppended: (conversationId, messages) => {
        searchRef?.onMessages(conversationId, messages)
        emit('messages.appended', { conversationId, messages })
        tellList()
      },
      messagesRemoved: async (conversationId, ids) => {
        // The index is rebuilt before windows hear of it, so no search finds the deleted words.
        await searchRef?.rebuild()
        emit('messages.removed', { conversationId, ids })
        tellList()
      },
      nameChanged: (name) => {
        // The registry lists the name; the status tells the windows.
        void recordSpaceName(registry, identity.spaceId, name).then(async () => {
          const s = await statusRef?.()
          if (s?.ok) emit('status.changed', s.value)
        })
      },
      storageFailed: (message) => console.error('storage:', message),
    })
    if (!opened.ok) return opened
    const space = opened.value
    spaceRef = space
    // The document holds the name (a rename may have come by sync); the registry lists it.
    if (space.name !== identity.spaceName)
      await recordSpaceName(registry, identity.spaceId, space.name)
    const search = await createSearchService(space)
    searchRef = search
    if (missedBySearch.size > 0) search.onMemory(space.loadedMemoryItems([...missedBySearch]))
    const ctx: RuntimeContext = {
      space,
      deviceId: identity.deviceId,
      services,
      retriever: search,
      now,
      settings: () => settings,
      setSettings: async (next) => {
        await saveSettings(db, next)
        settings = next
        // Freshness is computed when memory is read: every item may read differently now.
        emit('memory.changed', { ids: [] })
      },
      memoryViews: async () => toViews((await space.memory()).items, settings.freshness, now()),
      stateSource: () => promptState(space, settings.freshness, now()),
      emit,
      firstTurn: true,
    }
    const status = async (): Promise<Result<AppStatus>> => {
      const estimate = await navigator.storage?.estimate?.().catch(() => null)
      return ok({
        spaceId: identity.spaceId,
        spaceName: space.name,
        deviceId: identity.deviceId,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        readOnly: space.readOnly,
        storage: estimate
          ? { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0 }
          : null,
      })
    }
    statusRef = status
    const handlers: RuntimeHandlers = {
      ...conversationHandlers(ctx),
      ...memoryHandlers(ctx),
      ...memoryExtraHandlers(ctx),
      ...settingsHandlers(ctx, status),
      ...hostHandlers(ctx),
      ...filesHandlers(ctx, reopen),
      ...syncHandlers(ctx, reopen, sync),
    }
    // The offline assistant's NLP library loads after the runtime is ready, never before it.
    setTimeout(() => void loadOffline(), 0)
    // A space from a build before pages is converted behind the ready runtime, a conversation at a
    // time; a switch closes the database under it, and the next start goes on from there. A space
    // a newer build wrote is never rewritten.
    if (!space.readOnly)
      setTimeout(
        () =>
          void convertLegacyMessages(db).catch((e: unknown) => {
            if (!(e instanceof Dexie.DatabaseClosedError))
              console.error('could not convert messages to pages', e)
          }),
        0,
      )
    // Resumes a stored pairing of this space (and stops the previous space's sync after a switch).
    sync.adopt(ctx)
    return ok({ handlers, ctx, search })
  } catch (e) {
    console.error('runtime failed to start', e)
    const detail = e instanceof Error ? e.message : String(e)
    return err('storage', `Keepsake could not open its storage on this device: ${detail}`)
  }
}
