import type { AppError } from '../../../shared/errors'

/**
 * Where sync stands:
 * - `connecting`: reaching the relay for the first time;
 * - `syncing`: connected, exchanging what either side lacks;
 * - `connected`: connected, everything this device wrote is stored on the relay;
 * - `offline`: the relay is unreachable; edits are kept and sent on reconnect (retrying);
 * - `refused`: the relay rejected this device (e.g. a wrong secret); no retry, pair again;
 * - `error`: sync cannot run (bad options, local storage failure); `message` says why.
 */
export type SyncState = 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused' | 'error'

/** A device that announced itself in the space. */
export interface SyncDevice {
  deviceId: string
  name: string
  lastSeenAt: string
  /** Its X25519 public key, when it announced one (it can then follow a change of secret by itself). */
  publicKey?: string
}

/** Something that could not be used; received items stay in the envelope, unapplied, and are listed here. */
export interface SyncProblem {
  /**
   * What it concerns: an item id, `device:<deviceId>` for a device announcement, `doc:<docId>` for a
   * local document that could not be loaded, `docs` when the list of documents could not be read.
   */
  key: string
  docId: string | null
  error: AppError
}

/** Snapshot of the engine's state, as passed to `onStatus`. */
export interface SyncStatus {
  state: SyncState
  /** Local changes not yet acknowledged by the relay. */
  pendingItems: number
  /** When the relay last acknowledged everything this device had written (ISO time). */
  lastSyncedAt: string | null
  devices: SyncDevice[]
  /** A sentence for the person, or null when all is well. */
  message: string | null
  /** The most recent unusable items (at most 20), so they are shown, never silently dropped. */
  problems: SyncProblem[]
}
