import { describe, expect, it } from 'vitest'
import { summarizeStatus, type StatusFacts } from '../../../renderer/runtime/sync/status-summary'

const base: StatusFacts = {
  relayUrl: 'ws://127.0.0.1:5171',
  stopped: false,
  fatal: null,
  link: 'authenticated',
  refusal: '',
  closeNote: null,
  synced: true,
  reconciling: false,
  pendingItems: 0,
  lastSyncedAt: null,
  devices: [],
  problems: [],
}

const state = (facts: Partial<StatusFacts>) => summarizeStatus({ ...base, ...facts })

describe('summarizeStatus', () => {
  it('is connected only when synced with nothing pending', () => {
    expect(state({}).state).toBe('connected')
    expect(state({}).message).toBeNull()
    expect(state({ pendingItems: 1 }).state).toBe('syncing')
    expect(state({ synced: false }).state).toBe('syncing')
    expect(state({ reconciling: true }).state).toBe('syncing')
    expect(state({ link: 'open' }).state).toBe('connecting')
  })

  it('explains offline, refused, stopped and broken states', () => {
    expect(state({ link: 'offline' })).toMatchObject({
      state: 'offline',
      message: expect.stringContaining('ws://127.0.0.1:5171'),
    })
    expect(state({ link: 'refused', refusal: 'wrong sync secret for this space' })).toMatchObject({
      state: 'refused',
      message: 'The relay refused this device: wrong sync secret for this space.',
    })
    expect(state({ stopped: true }).message).toBe('Sync is stopped.')
    expect(state({ fatal: 'boom', link: 'refused' })).toMatchObject({
      state: 'error',
      message: 'boom',
    })
  })

  it('mentions unusable items while otherwise fine', () => {
    const problem = { key: 'i', docId: null, error: { code: 'validation' as const, message: 'x' } }
    expect(state({ problems: [problem] }).message).toMatch(/1 synced change\(s\) could not be used/)
  })

  it('puts what the relay did first: a rollback before withholding before single items', () => {
    const problem = (key: string, message: string) => ({
      key,
      docId: null,
      error: { code: 'validation' as const, message },
    })
    const item = problem('i', 'x')
    const withheld = problem('envelope:withheld', 'the relay is withholding updates from Laptop A')
    const rolled = problem('envelope:rolled-back', 'the relay served an older copy of this space')
    expect(state({ problems: [item, withheld] }).message).toBe(
      'The relay is withholding updates from Laptop A.',
    )
    expect(state({ problems: [item, withheld, rolled] }).message).toBe(
      'The relay served an older copy of this space.',
    )
  })
})
