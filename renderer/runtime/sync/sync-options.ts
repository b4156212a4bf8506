import type * as Y from 'yjs'
import { z } from 'zod'
import type { Result } from '../../../shared/errors'
import type { RelayRoom } from '../../../shared/relay-room'
import { DevicePublicKey } from './device-key'
import type { SealedParts } from './sealed-item'
import type { SeenStore } from './seen-mark'
import type { TakenStore } from './taken-mark'
import type { SpaceKeys } from './space-keys'
import { DeviceId, RelayUrl, SpaceId, SyncSecret } from './sync-ids'
import type { SyncStatus } from './sync-status'

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
  /**
   * Optional: applies an update from another device to a document `getDoc` gave, with SYNC_ORIGIN,
   * keeping the bytes as they arrived instead of having Yjs encode the change again for the
   * document's listeners. Throws what `Y.applyUpdate` throws. Without it the engine applies updates
   * itself.
   */
  receive?(doc: Y.Doc, update: Uint8Array): void
  /**
   * Optional, with `receiveSealed`: a document's whole state and its read-model pages, taken at one
   * stored position, for a `sealed` item (sealed-item.ts); null when the document has none to give
   * (not a conversation, not stored in pages, or it moved while being read). `pages` is opaque to
   * the engine: whatever `receiveSealed` on another device reads.
   */
  sealedOf?(docId: string): Promise<Result<SealedParts | null>>
  /**
   * Optional: stores a `sealed` item's state and pages for a document this device holds nothing of
   * and has not opened, without decoding the state (`itemId` names where they came from in what it
   * reports). Resolves to false, storing nothing, when it cannot (the document is open or has
   * something stored, or the pages are unreadable, which it reports): the engine then applies the
   * state as an update. A document stored this way is not loaded until something needs it.
   */
  receiveSealed?(docId: string, parts: SealedParts, itemId: string): Promise<Result<boolean>>
  /**
   * Optional, with `receiveSealed`: folds updates of one document into one state with the pages a
   * device that holds nothing of it would build from that state, so a compaction can replace the
   * items it covers by one `sealed` item; null when the document has no pages (the space document)
   * or an update does not replay (the compaction then folds them into a `snapshot`).
   */
  sealFold?(docId: string, updates: readonly Uint8Array[]): SealedParts | null
  /**
   * Optional: told after each read of the devices' entries what the other devices read beyond
   * item kinds (`segments`: every other device reads segment documents), so the runtime writes
   * only what they can read.
   */
  othersRead?(reads: { segments: boolean }): Promise<void>
  /**
   * Optional, with `settled` and `options.taken`: the stored position of a document (any text that
   * changes whenever anything of it is stored, and only then); null when nothing of it is stored.
   * A document whose position has not moved since the relay was found to hold all of it is not
   * loaded at a start to be compared again.
   */
  position?(docId: string): Promise<string | null>
  /** Optional: resolves once every update applied to the documents so far is stored. */
  settled?(): Promise<void>
  /**
   * Optional: whether a document is loaded (in use here). A start hands the engine every loaded
   * document, and those the relay is not known to hold all of; one loaded later must be handed to
   * it (`SyncEngine.attach`) before it changes.
   */
  isLoaded?(docId: string): boolean
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
   * Where this device keeps what it took in from the relay between runs (taken-mark.ts), so a
   * start takes in only what is new and loads only the documents it must compare. Without it,
   * every start takes in everything again.
   */
  taken?: TakenStore
  /**
   * Keys already derived from `secret` with `deriveSpaceKeys`, e.g. kept for the session so that
   * restarting the engine skips the key derivation (about a second of CPU).
   */
  keys?: SpaceKeys
  /** This device's X25519 public key (device-key.ts), announced in its entry so others can hand it a new secret. */
  publicKey?: string
  /**
   * The relay refused the room because its secret was changed, and gave the handover the device
   * that changed it left there (handover.ts); opening it is the owner's part.
   */
  onHandover?(handover: string): void
}

/** The checked, defaulted settings of SyncOptions (what `createSyncEngine` validates first). */
export const SyncSettings = z.object({
  relayUrl: RelayUrl,
  spaceId: SpaceId,
  secret: SyncSecret,
  room: z.enum(['secret', 'space-id']).default('secret'),
  deviceId: DeviceId,
  deviceName: z.string().trim().min(1).max(200),
  compactAfterItems: z.number().int().min(2).max(100_000).default(64),
  publicKey: DevicePublicKey.optional(),
})
export type SyncSettings = z.infer<typeof SyncSettings>
