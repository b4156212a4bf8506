import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { decodePairingCode, encodePairingCode } from '../../renderer/runtime/sync'
import { startRedis, type RedisServer } from '../support/redis'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

const laptops: Laptop[] = []
const relays: RelayProcess[] = []
let redis: RedisServer | null = null

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await Promise.all(relays.splice(0).map((r) => r.stop()))
  await redis?.stop()
})

test('two relay instances sharing one Redis: A on one, B on the other, and they converge', async () => {
  // Fails with the install hint when redis-server is missing: this test is never skipped.
  redis = await startRedis()
  const instance = async (): Promise<RelayProcess> => {
    const relay = await startRelayProcess({
      dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')),
      args: ['--redis-host', redis?.host ?? '', '--redis-port', String(redis?.port)],
    })
    relays.push(relay)
    return relay
  }
  const [one, two] = [await instance(), await instance()]

  const a = await Laptop.open('laptop A')
  laptops.push(a)
  await a.app.say('Remember that the benchmark uses hybrid search')
  const code = await a.sync.createPairing(one.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()

  // B holds the same pairing, pointed at the other instance.
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  const b = await Laptop.open('laptop B')
  laptops.push(b)
  await b.sync.joinWith(encodePairingCode({ ...pairing.value, relayUrl: two.url }), 'laptop B')
  await b.sync.expectConnected()
  await expect(b.sync.status).toContainText(`Relay ${two.url}`)
  await expect(b.sync.devices).toHaveCount(2)
  await b.sync.closeDialog()
  await expect(b.app.memoryItem('the benchmark uses hybrid search')).toHaveCount(1)

  await b.app.say('Remember that recall@10 reached 61 on the dev half')
  await expect(a.app.memoryItem('recall@10 reached 61')).toHaveCount(1)
  await a.app.say('Remember that BM25 is the baseline')
  await expect(b.app.memoryItem('BM25 is the baseline')).toHaveCount(1)
})
