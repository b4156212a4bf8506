import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ok } from '../../../shared/errors'
import { createSyncEngine, type SyncOptions } from '../../../renderer/runtime/sync'

const options: SyncOptions = {
  relayUrl: 'ws://127.0.0.1:5171',
  spaceId: 'space-1',
  secret: 'q0vWw3mJ4pL2bX8yZ1aC6dE9fG5hJ7kN0rT3uV6wY8z',
  deviceId: 'device-A',
  deviceName: 'Laptop A',
  target: {
    listDocIds: async () => ok([]),
    getDoc: async () => ok(new Y.Doc()),
  },
  WebSocketPolyfill: WebSocket,
  onStatus: () => undefined,
}

describe('createSyncEngine options', () => {
  it('accepts valid options and starts idle in the connecting state', () => {
    const engine = createSyncEngine(options)
    expect(engine.ok && engine.value.status()).toMatchObject({
      state: 'connecting',
      pendingItems: 0,
    })
  })

  it('refuses bad options with the path of the problem', () => {
    const cases: [Partial<SyncOptions>, string][] = [
      [{ relayUrl: 'https://relay' }, 'sync.relayUrl'],
      [{ secret: 'too-short' }, 'sync.secret'],
      [{ spaceId: 'has spaces' }, 'sync.spaceId'],
      [{ deviceName: '  ' }, 'sync.deviceName'],
      [{ WebSocketPolyfill: undefined }, 'WebSocketPolyfill'],
    ]
    for (const [change, path] of cases) {
      const engine = createSyncEngine({ ...options, ...change })
      expect(engine.ok).toBe(false)
      if (!engine.ok) expect(engine.error).toMatchObject({ code: 'validation', path })
    }
  })
})
