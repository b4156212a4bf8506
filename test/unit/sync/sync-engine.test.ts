import { afterEach, describe, expect, it } from 'vitest'
import { createPairing } from '../../../renderer/runtime/sync'
import { killAllRelays, startRelayProcess } from '../../support/relay-process'
import {
  removeTempDirs,
  startDevice,
  stopAllDevices,
  tempDir,
  waitFor,
} from './sync-fixtures'

const pairing = (relayUrl: string, spaceId = 'space-1') => {
  const created = createPairing(relayUrl, spaceId)
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

afterEach(async () => {
  await stopAllDevices()
  await killAllRelays()
  await removeTempDirs()
})

describe('sync engine against a real relay process', () => {
  it('pairs two devices and converges both ways', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const a = startDevice({ name: 'A', ...p })
    a.facts().set('vector-db', 'I prefer pgvector over Pinecone')
    a.messages().push(['I am benchmarking hybrid search accuracy'])
    const b = startDevice({ name: 'B', ...p })

    await waitFor(
      'A’s fact and message on B',
      () =>
        b.facts().get('vector-db') === 'I prefer pgvector over Pinecone' &&
        b.messages().toArray().join() === 'I am benchmarking hybrid search accuracy',
      20_000,
      [a, b],
    )
    b.facts().set('timezone', 'America/New_York')
    await waitFor('B’s edit on A', () => a.facts().get('timezone') === 'America/New_York', 20_000, [a, b])
    await waitFor(
      'both connected and aware of each other',
      () =>
        [a, b].every(
          (d) => d.engine.status().state === 'connected' && d.engine.status().devices.length === 2,
        ),
      20_000,
      [a, b],
    )
    expect(a.engine.status().devices.map((d) => d.name).sort()).toEqual(['Laptop A', 'Laptop B'])
    expect(a.engine.status().problems).toEqual([])
  })
})
