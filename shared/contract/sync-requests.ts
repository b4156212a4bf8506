import { z } from 'zod'
import { IsoDate } from '../schema/iso-date'
import { defineRequests } from './define'

/**
 * Where sync stands, as the Sync screen shows it. `unpaired`: this space syncs with nothing; the
 * others are the sync engine's states (see renderer/runtime/sync/sync-status.ts).
 */
export const SyncState = z.enum([
  'unpaired',
  'connecting',
  'syncing',
  'connected',
  'offline',
  'refused',
  'error',
])
export type SyncState = z.infer<typeof SyncState>

/** A device that announced itself in the synced space. */
export const SyncDeviceView = z.object({
  deviceId: z.string(),
  name: z.string(),
  lastSeenAt: IsoDate,
  /** This profile. */
  thisDevice: z.boolean(),
  /** It announced a key, so it follows a change of the sync secret by itself. */
  followsKeyChange: z.boolean(),
})
export type SyncDeviceView = z.infer<typeof SyncDeviceView>

/** Something received that could not be used; it stays on the relay, unapplied, and is shown. */
export const SyncProblemView = z.object({
  key: z.string(),
  docId: z.string().nullable(),
  message: z.string(),
})

export const SyncStatusView = z.object({
  state: SyncState,
  /** Local changes the relay has not acknowledged yet. */
  pendingItems: z.number().int().nonnegative(),
  /** When the relay last acknowledged everything this device wrote. */
  lastSyncedAt: IsoDate.nullable(),
  devices: z.array(SyncDeviceView),
  /** A sentence for the person (why it is offline, refused, failing), or null when all is well. */
  message: z.string().nullable(),
  relayUrl: z.string().nullable(),
  /** True from pairing (or start) until this device first caught up with the relay. */
  initialSync: z.boolean(),
  problems: z.array(SyncProblemView),
  /** Something that happened to this device's pairing worth saying (it was moved to a new key). */
  notice: z.string().nullable(),
})
export type SyncStatusView = z.infer<typeof SyncStatusView>

/** A relay address: ws:// or wss://. */
export const SyncRelayUrl = z.url({
  protocol: /^wss?$/,
  error: 'The relay URL must start with ws:// or wss://, e.g. ws://192.168.1.20:5171',
})

/** How this device names itself to the person's other devices; empty picks a default. */
const DeviceName = z.string().trim().max(200).optional()

const PairingCode = z.object({ code: z.string() })

/** End-to-end encrypted sync of the open space through a relay (issue 6). */
export const syncRequests = defineRequests({
  'sync.status': { input: z.object({}), output: SyncStatusView },
  /**
   * Pairs this space with the relay at `relayUrl` and starts syncing. The code holds the space id and
   * the secret: it is shown only to the person pairing their own devices. Already paired: the same
   * secret is kept (other devices stay paired) and only the relay changes.
   */
  'sync.createPairing': {
    input: z.object({ relayUrl: SyncRelayUrl, deviceName: DeviceName }),
    output: PairingCode,
  },
  /** The pairing code of the open space again (to pair one more device); `not-found` when unpaired. */
  'sync.pairingCode': { input: z.object({}), output: PairingCode },
  /**
   * Joins the space of a pairing code: this profile opens that space (created empty here, then
   * filled by sync) and starts syncing. The space open before stays on this device.
   */
  'sync.join': {
    input: z.object({ code: z.string().trim().min(1).max(4000), deviceName: DeviceName }),
    output: SyncStatusView,
  },
  /**
   * Changes the sync secret (to remove a lost or old device): this device moves the space to a room
   * of a new secret and the relay refuses the old one from then on, so any device without the new
   * code can neither read new changes nor write. The other devices that announced a key (all but
   * `removeDeviceId`) are handed the new secret through the old room and follow by themselves.
   * Returns the new code (for devices that did not announce a key).
   */
  'sync.changeSecret': {
    input: z.object({ removeDeviceId: z.string().min(1).max(200).optional() }),
    output: PairingCode,
  },
  /** Stops syncing and forgets the pairing (and its secret) on this device. */
  'sync.unpair': { input: z.object({}), output: z.object({ done: z.literal(true) }) },
  /** Asks the host to run a relay on this computer; `lan` lets other computers on the network reach it. */
  'sync.hostRelay': {
    input: z.object({ lan: z.boolean(), port: z.number().int().min(0).max(65_535).optional() }),
    output: z.object({ url: z.string() }),
  },
})
