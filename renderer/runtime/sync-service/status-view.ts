import type { SyncStatusView } from '../../../shared/contract/sync-requests'
import type { SyncStatus } from '../sync'

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
}

/** The view of a pairing that cannot run (damaged storage, bad options): `message` says why. */
export function failedView(message: string, relayUrl: string | null): SyncStatusView {
  return { ...UNPAIRED, state: 'error', message, relayUrl }
}

/** What the Sync screen shows for the engine's status, marking this device in the devices list. */
export function toView(
  status: SyncStatus,
  extra: { relayUrl: string; deviceId: string; initialSync: boolean },
): SyncStatusView {
  return {
    state: status.state,
    pendingItems: status.pendingItems,
    lastSyncedAt: status.lastSyncedAt,
    devices: status.devices.map((d) => ({ ...d, thisDevice: d.deviceId === extra.deviceId })),
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
