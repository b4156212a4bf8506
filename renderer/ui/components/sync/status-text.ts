import type { SyncStatusView } from '../../../../shared/contract/sync-requests'
import { formatTime, plural } from '../../lib/format'

/** The one-line state: "Connected", "Offline", "Syncing 3 items", a refusal in plain words. */
export function headline(status: SyncStatusView): string {
  switch (status.state) {
    case 'unpaired':
      return 'Not paired'
    case 'connecting':
      return 'Connecting to the relay…'
    case 'syncing':
      return status.pendingItems > 0 ? `Syncing ${plural(status.pendingItems, 'item')}` : 'Syncing…'
    case 'connected':
      return 'Connected'
    case 'offline':
      return 'Offline'
    case 'refused':
      return 'Refused by the relay'
    case 'error':
      return 'Sync is not working'
  }
}

/** "Last synced 3:04 PM", or null before the first acknowledged sync. */
export function lastSynced(status: SyncStatusView, now: Date = new Date()): string | null {
  return status.lastSyncedAt === null ? null : `Last synced ${formatTime(status.lastSyncedAt, now)}`
}

/** Whether the first catch-up with the relay is still under way (the progress bar shows). */
export const catchingUp = (status: SyncStatusView): boolean =>
  status.initialSync && (status.state === 'connecting' || status.state === 'syncing')
