const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * What the Sync screen says about a relay address that is not protected in transit: a `ws://` relay
 * on another computer, or this computer's relay opened to the LAN. Memory stays end-to-end encrypted
 * either way; what travels in the clear is the relay credential (and who syncs when). Null when the
 * address is `wss://` or stays on this computer.
 * @example plainNetworkNote('ws://192.168.1.20:5171', false) // 'This relay is reached over plain ws://…'
 */
export function plainNetworkNote(relayUrl: string, lan: boolean): string | null {
  if (lan) {
    return 'Other computers will reach this relay over plain ws:// on your network: your memory stays encrypted, but the relay credential travels unencrypted. Use it only on a network you trust; for wss://, run `npm run relay` with --tls-cert and --tls-key instead.'
  }
  let url: URL
  try {
    url = new URL(relayUrl.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'ws:' || LOOPBACK.has(url.hostname)) return null
  return 'This relay is reached over plain ws://: your memory stays encrypted, but the relay credential travels unencrypted on the network. Prefer a wss:// relay on networks you do not trust.'
}
