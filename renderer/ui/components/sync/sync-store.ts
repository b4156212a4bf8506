import { create } from 'zustand'
import type { SyncStatusView } from '../../../../shared/contract/sync-requests'

/** What the Sync dialog is doing right now, so its buttons wait. */
export type SyncWork = 'pair' | 'join' | 'unpair' | 'host' | 'remove' | null

/** The Sync screen's state: filled from the runtime's `sync.status` events and answers. */
export interface SyncUiState {
  status: SyncStatusView | null
  /** This space's pairing code, once created or fetched. */
  code: string | null
  work: SyncWork
  /** The last failed action, in the runtime's words. */
  error: string | null
  /** The relay this computer hosts, once started. */
  hostedUrl: string | null
}

export const useSync = create<SyncUiState>(() => ({
  status: null,
  code: null,
  work: null,
  error: null,
  hostedUrl: null,
}))
