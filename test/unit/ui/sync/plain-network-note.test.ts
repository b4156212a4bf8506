import { describe, expect, test } from 'vitest'
import { plainNetworkNote } from '../../../../renderer/ui/components/sync/plain-network-note'

describe('what the Sync screen says about an unprotected relay address', () => {
  test('a ws:// relay on another computer, or a relay opened to the LAN, is named as plain', () => {
    expect(plainNetworkNote('ws://192.168.1.20:5171', false)).toMatch(/plain ws:\/\//)
    expect(plainNetworkNote('ws://relay.example:5171', false)).toMatch(/credential travels/)
    expect(plainNetworkNote('ws://127.0.0.1:5171', true)).toMatch(
      /npm run relay` with --tls-cert and --tls-key/,
    )
  })

  test('wss:// and this computer need no note', () => {
    for (const url of [
      'wss://relay.example',
      'ws://127.0.0.1:5171',
      'ws://localhost:1',
      'nonsense',
    ]) {
      expect(plainNetworkNote(url, false), url).toBeNull()
    }
  })
})
