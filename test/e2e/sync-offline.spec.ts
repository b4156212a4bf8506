import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

const laptops: Laptop[] = []
const relays: RelayProcess[] = []

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await Promise.all(relays.splice(0).map((r) => r.stop()))
})

/** A relay process on a fresh data directory, or again on the same port and directory. */
const relayOn = async (previous?: RelayProcess): Promise<RelayProcess> => {
  const relay = await startRelayProcess(
    previous
      ? { dataDir: previous.dataDir, port: previous.port }
      : { dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) },
  )
  relays.push(relay)
  return relay
}

/** Laptop A and laptop B paired through `relay`, both caught up, dialogs closed. */
const pairedLaptops = async (relay: RelayProcess): Promise<[Laptop, Laptop]> => {
  const a = await Laptop.open('laptop A')
  laptops.push(a)
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await Laptop.open('laptop B')
  laptops.push(b)
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  return [a, b]
}

test('offline edits on both laptops converge once the relay is back', async () => {
  let relay = await relayOn()
  const [a, b] = await pairedLaptops(relay)

  await relay.stop()
  for (const laptop of [a, b]) {
    await laptop.sync.open()
    await expect(laptop.sync.status).toContainText('Offline')
    await expect(laptop.sync.status).toContainText('changes are kept and sent when it is back')
    await laptop.sync.closeDialog()
  }
  await a.app.say('Remember that laptop A was edited offline')
  await b.app.say('Remember that laptop B was edited offline')

  relay = await relayOn(relay)
  for (const laptop of [a, b]) {
    await expect(laptop.app.memoryItem('laptop A was edited offline')).toHaveCount(1)
    await expect(laptop.app.memoryItem('laptop B was edited offline')).toHaveCount(1)
    await laptop.sync.expectConnected()
  }
  expect((await a.memory()).texts).toEqual((await b.memory()).texts)
})

test('a relay SIGKILLed mid-sync and restarted loses nothing', async () => {
  let relay = await relayOn()
  const [a, b] = await pairedLaptops(relay)

  const facts = Array.from({ length: 25 }, (_, i) => `Benchmark run ${i + 1} scored ${70 + i}`)
  // Each write is durable on A when it resolves; the relay dies while they are still being sent.
  const writing = Promise.all(facts.map((text) => a.app.request('memory.remember', { text })))
  await relay.kill()
  for (const written of await writing) expect(written.ok).toBe(true)

  relay = await relayOn(relay)
  await expect
    .poll(
      async () => (await b.memory()).texts.filter((t) => t.startsWith('Benchmark run')).length,
      {
        timeout: 60_000,
      },
    )
    .toBe(facts.length)
  await a.sync.expectConnected()
  await b.sync.expectConnected()

  // What the relay stored survives a second crash: a new laptop gets everything from it alone.
  await relay.kill()
  relay = await relayOn(relay)
  await a.close()
  laptops.splice(laptops.indexOf(a), 1)
  const c = await Laptop.open('laptop C')
  laptops.push(c)
  const code = await b.app.request<{ code: string }>('sync.pairingCode', {})
  if (!code.ok || !code.value) throw new Error('no pairing code')
  await b.close()
  laptops.splice(laptops.indexOf(b), 1)
  await c.sync.joinWith(code.value.code, 'laptop C')
  await c.sync.expectConnected()
  await expect
    .poll(async () => (await c.memory()).texts.filter((t) => t.startsWith('Benchmark run')).length)
    .toBe(facts.length)
})
