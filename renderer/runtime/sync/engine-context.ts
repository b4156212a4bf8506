import type * as Y from 'yjs'
import type { ItemLedger } from './item-ledger'
import type { ProblemList } from './problem-list'
import type { LinkState } from './relay-link'
import type { SpaceKeys } from './space-keys'
import type { SyncOptions, SyncSettings } from './sync-options'
import type { SyncDevice } from './sync-status'

/** Where one running sync stands: the facts its status is made from. */
export interface EngineState {
  phase: 'idle' | 'running' | 'stopped'
  link: LinkState
  /** The envelope finished its handshake since the last (re)connect. */
  synced: boolean
  /** Comparing this device's documents with the relay's after a (re)connect. */
  reconciling: boolean
  fatal: string | null
  refusal: string
  closeNote: string | null
  lastSyncedAt: string | null
  /** Null until derived, and again once stopped: no job works without them. */
  keys: SpaceKeys | null
  devices: SyncDevice[]
  /** Envelope updates written here and not yet acknowledged; items being encrypted. */
  unacked: number
  sealing: number
}

/**
 * What the jobs of one sync engine share: its settings, the envelope document the relay sees, the
 * ledger of items taken in, the problem list, and the state. `run` queues async work one task at a
 * time; `emit` tells the owner the status if it changed.
 */
export interface EngineContext {
  readonly settings: SyncSettings
  readonly options: SyncOptions
  readonly state: EngineState
  readonly envelope: Y.Doc
  /** The envelope's `items` and `devices` maps (see envelope.ts). */
  readonly items: Y.Map<unknown>
  readonly deviceMap: Y.Map<unknown>
  readonly ledger: ItemLedger
  readonly problems: ProblemList
  emit(): void
  run(task: () => Promise<void>): Promise<void>
}

/** Origin of envelope changes made by the engine itself. */
export const ENGINE_ORIGIN = 'keepsake:sync-engine'

/** A thrown value as text. */
export const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))
