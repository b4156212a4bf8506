import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { createPairing, type Pairing } from '../../../renderer/runtime/sync'
import { startRelayProcess, type RelayProcess } from '../../support/relay-process'
import { BenchPage } from '../bench-page'
import type { RawSyncResult } from '../page/bench-api'
import type { BenchContext } from '../bench-context'
import { dirSize } from '../dir-size'
import { bytes, count, ms, ratio, runs } from '../report'
import { distribution, overRuns } from '../stats'

const WAIT_MS = 600_000
/** Messages per page row in the raw IndexedDB baseline. */
const RAW_PAGE_SIZE = 500

function pair(relay: RelayProcess, spaceId: string): Pairing {
  const created = createPairing(relay.url, spaceId)
  if (!created.ok) throw new Error(created.error.message)
  return created.value
}

const must = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`timed out waiting for ${what}`)
  return value
}

/**
 * Row 5: sync through the relay as built (`out/main/relay.js`, its own process) between two devices,
 * each a Chromium page running the sync engine over a space opened with the runtime's `Space`
 * (every synced update persisted as the runtime persists it). Sync is not yet started by the
 * runtime itself, so the pages do that wiring.
 */
export async function syncRow(ctx: BenchContext): Promise<void> {
  const { sizes, figures, bench: a } = ctx
  const b = new BenchPage(await ctx.browser.context.newPage(), ctx.pageUrl)
  const devices = async (
    relay: RelayProcess,
    p: Pairing,
    run: string,
    localA: string,
  ): Promise<void> => {
    await a.open()
    await b.open()
    await b.call('drop', `sync-b-${run}`)
    await a.call('syncOpen', {
      localSpaceId: localA,
      relayUrl: relay.url,
      syncSpaceId: p.spaceId,
      secret: p.secret,
      deviceId: 'A',
    })
    await b.call('syncOpen', {
      localSpaceId: `sync-b-${run}`,
      relayUrl: relay.url,
      syncSpaceId: p.spaceId,
      secret: p.secret,
      deviceId: 'B',
    })
  }
  const stopBoth = async (): Promise<void> => {
    await a.call('syncStop')
    await b.call('syncStop')
  }

  try {
    // Convergence: one message at a time from A, timed to its arrival on B.
    {
      const relay = await startRelayProcess({ dataDir: await mkdtemp(join(ctx.workDir, 'relay-')) })
      try {
        await a.open()
        await a.call('drop', 'sync-a-conv')
        await devices(relay, pair(relay, 'bench-sync-conv'), 'conv', 'sync-a-conv')
        must(await a.call('syncSettled', WAIT_MS), 'A connected')
        must(await b.call('syncSettled', WAIT_MS), 'B connected')
        const warm = await a.call('syncAppend', 'warm-up: creates the conversation on both')
        must(await b.call('syncArrival', warm.id, WAIT_MS), 'the first message on B')
        const latencies: number[] = []
        for (let i = 0; i < sizes.sync.samples; i++) {
          const sent = await a.call(
            'syncAppend',
            `convergence sample ${i}: remember the relay latency`,
          )
          const arrived = must(await b.call('syncArrival', sent.id, WAIT_MS), `sample ${i} on B`)
          latencies.push(arrived - sent.at)
        }
        const d = distribution(latencies)
        figures.add({
          row: 5,
          label: 'convergence A → B over the local relay (one message)',
          value: `p50 ${ms(d.p50)}`,
          spread: `p95 ${ms(d.p95)}, max ${ms(d.max)} (n=${d.samples})`,
          note: 'append on A → applied on B (encrypt, relay, decrypt, apply)',
          data: d,
        })
        await stopBoth()
      } finally {
        await relay.stop()
      }
    }

    // The structured state alone: what a fresh device fetches, against the article's numbers.
    await measureInitial(ctx, a, b, {
      label: `structured state (${sizes.sync.stateFacts} facts, no history)`,
      localA: 'sync-a-state',
      messages: 0,
      facts: sizes.sync.stateFacts,
      note: 'the article: "under 50 ms to fetch a state under 100 KB" (S3 GET)',
    })
    // A big space's first sync to a new device.
    await measureInitial(ctx, a, b, {
      label: `whole space (${count(sizes.sync.initialMessages)} msgs, ${sizes.sync.stateFacts} facts)`,
      localA: 'sync-a-big',
      messages: sizes.sync.initialMessages,
      facts: sizes.sync.stateFacts,
      note: 'fresh device: connect, download, decrypt, apply and store everything',
    })
  } finally {
    await b.page.close()
  }
}

async function measureInitial(
  ctx: BenchContext,
  a: BenchPage,
  b: BenchPage,
  what: { label: string; localA: string; messages: number; facts: number; note: string },
): Promise<void> {
  const { sizes, figures } = ctx
  await a.open()
  await a.call('drop', what.localA)
  await a.call('seed', {
    spaceId: what.localA,
    messages: what.messages,
    facts: what.facts,
    seed: 5,
    batch: sizes.seedBatch,
    nowMs: ctx.nowMs,
  })
  const upload: number[] = []
  const fetch: number[] = []
  const restart: number[] = []
  const relayBase: RawSyncResult[] = []
  let relayBytes = 0
  let stateBytes = 0
  for (let run = 0; run < sizes.sync.runs; run++) {
    const dataDir = await mkdtemp(join(ctx.workDir, 'relay-'))
    const relay = await startRelayProcess({ dataDir })
    try {
      const p = pair(relay, `bench-sync-${what.localA}-${run}`)
      await a.open()
      await a.call('syncOpen', {
        localSpaceId: what.localA,
        relayUrl: relay.url,
        syncSpaceId: p.spaceId,
        secret: p.secret,
        deviceId: 'A',
      })
      const startedA = await a.call('syncStartedAt')
      const uploaded = must(await a.call('syncSettled', WAIT_MS, startedA), 'A to upload')
      upload.push(uploaded - startedA)
      stateBytes = (await a.call('syncSnapshot')).stateBytes
      // B syncs its space (a new laptop the first time, then the same laptop restarted).
      const startB = async (): Promise<void> => {
        await b.call('syncOpen', {
          localSpaceId: `sync-b-initial-${run}`,
          relayUrl: relay.url,
          syncSpaceId: p.spaceId,
          secret: p.secret,
          deviceId: 'B',
        })
      }
      await b.open()
      await b.call('drop', `sync-b-initial-${run}`)
      await startB()
      const started = await b.call('syncStartedAt')
      const done = must(
        await b.call('syncWaitFor', { messages: what.messages, facts: what.facts }, WAIT_MS),
        'B to receive everything',
      )
      fetch.push(done - started)
      relayBytes = await dirSize(dataDir)
      // The same laptop started again, holding everything: how long until it is connected.
      await b.call('syncStop')
      await b.open()
      await startB()
      const restartedAt = await b.call('syncStartedAt')
      restart.push(must(await b.call('syncConnected', WAIT_MS), 'B to reconnect') - restartedAt)
      await b.call('syncStop')
      await b.call('drop', `sync-b-initial-${run}`)
      if (what.messages > 0) {
        // The relay baseline, in B's page while A is still connected (the relay holds the room
        // open, as it did for B): the same stored bytes fetched, decrypted, unpacked, parsed and
        // written as raw pages.
        const base = await b.call('rawSync', {
          relayUrl: relay.url,
          syncSpaceId: p.spaceId,
          secret: p.secret,
          dbName: 'bench-raw-relay',
          pageSize: RAW_PAGE_SIZE,
        })
        if (base.messages !== what.messages)
          throw new Error(`the relay baseline read ${base.messages} of ${what.messages} messages`)
        relayBase.push(base)
        await b.call('rawDrop', 'bench-raw-relay')
      }
      await a.call('syncStop')
    } finally {
      await relay.stop()
    }
  }
  await a.call('drop', what.localA)
  const f = overRuns(fetch)
  figures.add({
    row: 5,
    label: `initial sync to a new device · ${what.label}`,
    value: ms(f.median),
    spread: runs(f, ms),
    note: `${what.note}; space doc ${bytes(stateBytes)}, relay stores ${bytes(relayBytes)} (encrypted)`,
    data: { fetch: f, stateBytes, relayBytes },
  })
  const again = overRuns(restart)
  figures.add({
    row: 5,
    label: `sync start of a device that holds everything · ${what.label}`,
    value: ms(again.median),
    spread: runs(again, ms),
    note:
      `engine start → connected, on the new device restarted after its initial sync ` +
      `(${ratio(again.median / f.median)} the initial sync): the relay's envelope comes whole; ` +
      `items taken in before and documents the relay holds all of are left alone (sync.taken)`,
    data: { restart: again, fetch: f },
  })
  const u = overRuns(upload)
  figures.add({
    row: 5,
    label: `first upload from the existing device · ${what.label}`,
    value: ms(u.median),
    spread: runs(u, ms),
    note: 'engine start → relay acknowledged everything',
    data: { upload: u },
  })
  if (what.messages > 0) {
    // The baseline: the same messages written with raw IndexedDB as pages (strict), in this Chromium.
    const raw: number[] = []
    for (let run = 0; run < sizes.sync.runs; run++) {
      const wrote = await a.call('rawWrite', {
        dbName: 'bench-raw-sync',
        pageSize: RAW_PAGE_SIZE,
        messages: what.messages,
        seed: 5,
        nowMs: ctx.nowMs,
      })
      raw.push(wrote.ms)
    }
    await a.call('rawDrop', 'bench-raw-sync')
    const rb = overRuns(relayBase.map((x) => x.ms))
    const fetched = overRuns(relayBase.map((x) => x.fetchedMs))
    const decoded = overRuns(relayBase.map((x) => x.decodedMs))
    figures.add({
      row: 5,
      label: `initial sync to a new device ÷ relay baseline · ${what.label}`,
      value: ratio(f.median / rb.median),
      spread: `${ms(f.median)} vs ${ms(rb.median)} (${runs(rb, ms)})`,
      note:
        `baseline: the relay's stored envelope fetched over a WebSocket (${ms(fetched.median)}), ` +
        `every item decrypted (WebCrypto), sealed items' pages half inflated and parsed ` +
        `(${ms(decoded.median)} in all), the ${count(what.messages)} records put as ` +
        `${RAW_PAGE_SIZE}-message pages in strict transactions; no Yjs, Dexie or zod (goal ≤ 3×)`,
      data: { fetch: f, baseline: rb, fetched, decoded, runs: relayBase },
    })
    const r = overRuns(raw)
    figures.add({
      row: 5,
      label: `initial sync to a new device ÷ write-only baseline · ${what.label}`,
      value: ratio(f.median / r.median),
      spread: `${ms(f.median)} vs ${ms(r.median)} (${runs(r, ms)})`,
      note: `baseline: synthesized messages put as ${RAW_PAGE_SIZE}-message pages in strict transactions; nothing fetched or decoded`,
      data: { fetch: f, baseline: r },
    })
  }
}
