import type { LinkState } from './relay-link'
import { WITHHELD_PROBLEM } from './withheld-writers'
import { ROLLBACK_PROBLEM } from './seen-mark'
import type { SyncDevice, SyncProblem, SyncState, SyncStatus } from './sync-status'

/** Everything the engine knows that decides its status. */
export interface StatusFacts {
  relayUrl: string
  stopped: boolean
  fatal: string | null
  link: LinkState
  refusal: string
  /** Why the relay last closed the connection, when that is worth saying. */
  closeNote: string | null
  synced: boolean
  reconciling: boolean
  pendingItems: number
  lastSyncedAt: string | null
  devices: SyncDevice[]
  problems: SyncProblem[]
}

const stateOf = (f: StatusFacts): SyncState => {
  if (f.fatal !== null) return 'error'
  if (f.link === 'refused') return 'refused'
  if (f.stopped || f.link === 'offline') return 'offline'
  if (f.link !== 'authenticated') return 'connecting'
  return f.synced && !f.reconciling && f.pendingItems === 0 ? 'connected' : 'syncing'
}

const messageOf = (state: SyncState, f: StatusFacts): string | null => {
  if (state === 'error') return f.fatal
  if (state === 'refused') return `The relay refused this device: ${f.refusal}.`
  if (state === 'offline') {
    if (f.stopped) return 'Sync is stopped.'
    return (
      f.closeNote ??
      `Cannot reach the relay at ${f.relayUrl}; changes are kept and sent when it is back.`
    )
  }
  // A rollback or withholding is about the relay, not about one change: say it first, in its words.
  const relayFault =
    f.problems.find((p) => p.key === ROLLBACK_PROBLEM) ??
    f.problems.find((p) => p.key === WITHHELD_PROBLEM)
  if (relayFault) {
    const text = relayFault.error.message
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  if (f.problems.length > 0) {
    return `${f.problems.length} synced change(s) could not be used; see the sync problems.`
  }
  return null
}

/** The status a person sees, with a sentence for every state that needs one. */
export function summarizeStatus(facts: StatusFacts): SyncStatus {
  const state = stateOf(facts)
  return {
    state,
    pendingItems: facts.pendingItems,
    lastSyncedAt: facts.lastSyncedAt,
    devices: [...facts.devices],
    message: messageOf(state, facts),
    problems: [...facts.problems],
  }
}
