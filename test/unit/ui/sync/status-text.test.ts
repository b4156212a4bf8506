import { describe, expect, it } from 'vitest'
import type { SyncStatusView } from '../../../../shared/contract/sync-requests'
import {
  catchingUp,
  headline,
  lastSynced,
} from '../../../../renderer/ui/components/sync/status-text'

const base: SyncStatusView = {
  state: 'connected',
  pendingItems: 0,
  lastSyncedAt: null,
  devices: [],
  message: null,
  relayUrl: 'ws://127.0.0.1:5171',
  initialSync: false,
  problems: [],
  notice: null,
}

describe('the Sync screen’s status words', () => {
  it('says where sync stands in plain words', () => {
    expect(headline(base)).toBe('Connected')
    expect(headline({ ...base, state: 'syncing', pendingItems: 3 })).toBe('Syncing 3 items')
    expect(headline({ ...base, state: 'syncing', pendingItems: 1 })).toBe('Syncing 1 item')
    expect(headline({ ...base, state: 'offline' })).toBe('Offline')
    expect(headline({ ...base, state: 'unpaired' })).toBe('Not paired')
  })

  it('gives the last sync time once there was one', () => {
    expect(lastSynced(base)).toBeNull()
    const at = new Date('2026-06-01T15:04:00')
    expect(lastSynced({ ...base, lastSyncedAt: at.toISOString() }, at)).toMatch(/^Last synced .*04/)
  })

  it('shows progress only while the first catch-up is under way', () => {
    expect(catchingUp({ ...base, state: 'syncing', initialSync: true })).toBe(true)
    expect(catchingUp({ ...base, state: 'connecting', initialSync: true })).toBe(true)
    expect(catchingUp({ ...base, state: 'offline', initialSync: true })).toBe(false)
    expect(catchingUp({ ...base, state: 'syncing', initialSync: false })).toBe(false)
  })
})
