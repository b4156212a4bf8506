import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../shared/errors'
import { RegistryDb, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { writePairing } from '../../../renderer/runtime/sync-service/pairing-store'
import { hostRelayRelease } from '../../../renderer/runtime/sync-service/relay-release'
import { storedPairing } from '../../support/stored-pairing'

/** Stores, in space `id`'s database, a pairing with `relayUrl`, and lists the space in the registry. */
async function pairedSpace(id: string, relayUrl: string): Promise<void> {
  const pairing = await storedPairing(id, relayUrl)
  const db = new SpaceDb(id)
  expect((await writePairing(db, pairing)).ok).toBe(true)
  db.close()
  const registry = new RegistryDb()
  await registry.spaces.put({ id, name: id, createdAt: '2026-12-05T07:00:00.000Z' })
  registry.close()
}

describe('taking a relay out of the allow-list when a space unpairs', () => {
  it('asks the host to forget a relay no other space here is paired with, and keeps one that is', async () => {
    const asked: string[] = []
    const release = hostRelayRelease({
      forgetRelay: async (relayUrl) => {
        asked.push(relayUrl)
        return ok({ removed: true })
      },
    })
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()]
    await pairedSpace(a, 'ws://127.0.0.1:5171')
    await pairedSpace(b, 'ws://127.0.0.1:5171/')
    // Space A unpairs, but B still syncs through the same relay: it stays allowed.
    expect(await release('ws://127.0.0.1:5171', a)).toEqual({ ok: true, value: 'kept' })
    expect(asked).toEqual([])
    // Another relay that only A used is forgotten.
    expect(await release('wss://relay.example.org', a)).toEqual({ ok: true, value: 'forgotten' })
    expect(asked).toEqual(['wss://relay.example.org'])
  })
})
