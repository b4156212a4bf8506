import type { SyncStatusView } from '../../../shared/contract/sync-requests'
import type { Result } from '../../../shared/errors'
import { ROOM_RETIRED } from '../../../shared/relay-room'
import type { HandoverOutcome, SyncStatus } from '../sync'
import type { StoredPairing } from './pairing-store'

/** The view of a space that syncs with nothing. */
export const UNPAIRED: SyncStatusView = {
  state: 'unpaired',
  pendingItems: 0,
  lastSyncedAt: null,
  devices: [],
  message: null,
  relayUrl: null,
  initialSync: false,
  problems: [],
  notice: null,
}

/** The view of a pairing that cannot run (damaged storage, bad options): `message` says why. */
export function failedView(message: string, relayUrl: string | null): SyncStatusView {
  return { ...UNPAIRED, state: 'error', message, relayUrl }
}

/** What the Sync screen shows for the engine's status, marking this device in the devices list. */
export function toView(
  status: SyncStatus,
  extra: { relayUrl: string; deviceId: string; initialSync: boolean; notice: string | null },
): SyncStatusView {
  return {
    state: status.state,
    pendingItems: status.pendingItems,
    lastSyncedAt: status.lastSyncedAt,
    devices: status.devices.map((d) => ({
      deviceId: d.deviceId,
      name: d.name,
      lastSeenAt: d.lastSeenAt,
      thisDevice: d.deviceId === extra.deviceId,
      followsKeyChange: d.publicKey !== undefined,
    })),
    notice: extra.notice,
    message: status.message,
    relayUrl: extra.relayUrl,
    initialSync: extra.initialSync,
    problems: status.problems.map((p) => ({
      key: p.key,
      docId: p.docId,
      message: p.error.path ? `${p.error.path}: ${p.error.message}` : p.error.message,
    })),
  }
}

/** When, in words that read the same everywhere: "2026-12-05 07:12 UTC". */
const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** What the Sync screen says about a pairing this device was handed by another (else null). */
export function handoverNotice(pairing: StoredPairing): string | null {
  const moved = pairing.movedBy
  return moved === undefined
    ? null
    : `This device was moved to the new sync key by ${moved.deviceName} on ${when(moved.at)}, with nothing to type.`
}

/**
 * The view of a device whose room was retired and that was not moved on: removed, left out (it had
 * announced no key), or offered a handover it could not use.
 */
export function leftBehindView(
  relayUrl: string,
  opened: Result<HandoverOutcome>,
  devices: SyncStatusView['devices'],
): SyncStatusView {
  const base = { ...UNPAIRED, state: 'refused' as const, relayUrl, devices }
  if (!opened.ok) {
    return {
      ...base,
      message: `The relay refused this device: ${ROOM_RETIRED}. ${opened.error.message} Nothing changed on this device.`,
    }
  }
  const { by, at } = opened.value
  if (opened.value.kind === 'removed') {
    return {
      ...base,
      message: `This device was removed from sync by ${by} on ${when(at)}. It keeps what it had until then, but it can no longer read new changes or send any. To sync it again, enter a new pairing code from one of your other devices.`,
    }
  }
  return {
    ...base,
    message: `${by} changed the sync secret on ${when(at)}, but left no copy of the new one for this device (it had not announced a key to receive it: paired by an older version, or away while the secret changed more than once). Enter the new pairing code from ${by} to keep syncing.`,
  }
}
