import type { StoredPairing } from '../../renderer/runtime/sync-service/pairing-store'

/** A pairing as a device stores it after joining space `spaceId` through `relayUrl` (keys made fresh). */
export async function storedPairing(spaceId: string, relayUrl: string): Promise<StoredPairing> {
  const itemKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
  ])
  return {
    v: 2,
    relayUrl,
    spaceId,
    secret: 's'.repeat(43),
    room: 'secret',
    deviceName: 'laptop A',
    pairedAt: '2026-12-05T07:00:00.000Z',
    keys: { itemKey, credential: 'c'.repeat(43) },
  }
}
