import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPairing, type Pairing } from '../../renderer/runtime/sync'
import type { BenchPage } from '../bench/bench-page'
import { startBenchHarness, type BenchHarness } from '../reliability/bench-harness'
import { startCutProxy } from '../reliability/cut-proxy'
import { scale } from '../reliability/scale'
import { startRelayProcess } from '../support/relay-process'
import { test, expect } from './fixtures'

/**
 * Relay faults, with the sync engine (renderer/runtime/sync) running in Chromium over spaces opened
 * with the runtime's `Space`, against the relay as built. The runtime does not start sync on its
 * own yet, so the bench page does that wiring (test/bench/page/sync-device.ts).
 */
const MESSAGES = scale(20, 200)
const WAIT_MS = scale(60_000, 300_000)

test.describe.configure({ timeout: scale(240_000, 1_200_000) })

let harness: BenchHarness
test.beforeAll(async () => {
  harness = await startBenchHarness()
})
test.afterAll(async () => {
  await harness.close()
})

function pairing(relayUrl: string, spaceId: string): Pairing {
  const p = createPairing(relayUrl, spaceId)
  if (!p.ok) throw new Error(p.error.message)
  return p.value
}

async function device(bench: BenchPage, name: string, relayUrl: string, p: Pairing): Promise<void> {
  await bench.call('drop', `relay-${name}`)
  await bench.call('syncOpen', {
    localSpaceId: `relay-${name}`,
    relayUrl,
    syncSpaceId: p.spaceId,
    secret: p.secret,
    deviceId: name,
  })
}

test('the relay SIGKILLed mid-sync: nothing acknowledged is lost and every device converges', async ({
  device: host,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keepsake-relay-'))
  let relay = await startRelayProcess({ dataDir })
  const p = pairing(relay.url, 'relay-kill')
  const a = await harness.open(host.browser.page)
  const b = await harness.open(await host.browser.context.newPage())
  await device(a, 'A', relay.url, p)
  await device(b, 'B', relay.url, p)
  expect(await a.call('syncSettled', WAIT_MS)).not.toBeNull()
  expect(await b.call('syncSettled', WAIT_MS)).not.toBeNull()

  // A writes one message at a time (each durable on A); the relay dies halfway and comes back.
  for (let i = 0; i < MESSAGES; i++) {
    await a.call('syncAppend', `message ${i} from A`)
    if (i === MESSAGES / 2) {
      await relay.kill()
      // B writes while the relay is gone, too.
      await b.call('syncAppend', 'written on B while the relay was down')
    }
  }
  relay = await startRelayProcess({ dataDir, port: relay.port })
  const all = MESSAGES + 1
  expect(
    await b.call('syncWaitFor', { messages: all, facts: 0 }, WAIT_MS),
    'B has everything',
  ).not.toBeNull()
  expect(
    await a.call('syncWaitFor', { messages: all, facts: 0 }, WAIT_MS),
    'A has everything',
  ).not.toBeNull()
  expect(await a.call('syncSettled', WAIT_MS), 'the relay acknowledged all of A').not.toBeNull()
  expect(await b.call('syncSettled', WAIT_MS), 'the relay acknowledged all of B').not.toBeNull()
  await a.call('syncStop')
  await b.call('syncStop')

  // Acknowledged by the relay means on its disk: after another SIGKILL a new device gets it all.
  await relay.kill()
  relay = await startRelayProcess({ dataDir, port: relay.port })
  const c = await harness.open(await host.browser.context.newPage())
  await device(c, 'C', relay.url, p)
  expect(
    await c.call('syncWaitFor', { messages: all, facts: 0 }, WAIT_MS),
    'a new device gets everything',
  ).not.toBeNull()
  const snapshot = await c.call('syncSnapshot')
  expect(snapshot.problems).toEqual([])
  console.log(
    `relay SIGKILLed mid-sync twice: ${all} messages on A, B and a new device C; nothing lost`,
  )
  await c.call('syncStop')
  await relay.stop()
})

test('a device offline for days catches up when it reconnects, and its offline edits arrive', async ({
  device: host,
}) => {
  const relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const proxy = await startCutProxy(relay.port)
  try {
    const p = pairing(relay.url, 'relay-offline')
    const a = await harness.open(host.browser.page)
    // B's clock is Playwright's: days pass in an instant while its link is down.
    const pageB = await host.browser.context.newPage()
    await pageB.clock.install()
    const b = await harness.open(pageB)
    await device(a, 'A', relay.url, p)
    await device(b, 'B', proxy.url, p)
    await a.call('syncAppend', 'before the trip')
    expect(await b.call('syncWaitFor', { messages: 1, facts: 0 }, WAIT_MS)).not.toBeNull()

    proxy.cut()
    await expect
      .poll(async () => (await b.call('syncSnapshot')).state, { timeout: WAIT_MS })
      .toBe('offline')
    for (let day = 1; day <= 3; day++) {
      await pageB.clock.fastForward('24:00:00')
      for (let i = 0; i < MESSAGES / 4; i++) await a.call('syncAppend', `day ${day}: A writes ${i}`)
      await b.call('syncAppend', `day ${day}: B writes while offline`)
    }
    const total = 1 + 3 * (MESSAGES / 4) + 3
    expect((await b.call('syncSnapshot')).messages).toBe(1 + 3)

    proxy.restore()
    expect(
      await b.call('syncWaitFor', { messages: total, facts: 0 }, WAIT_MS),
      'B caught up',
    ).not.toBeNull()
    expect(
      await a.call('syncWaitFor', { messages: total, facts: 0 }, WAIT_MS),
      'A got B’s offline edits',
    ).not.toBeNull()
    expect(await b.call('syncSettled', WAIT_MS)).not.toBeNull()
    expect((await b.call('syncSnapshot')).problems).toEqual([])
    console.log(`device offline for 3 simulated days: ${total} messages converged on both`)
    await a.call('syncStop')
    await b.call('syncStop')
  } finally {
    await proxy.close()
    await relay.stop()
  }
})
