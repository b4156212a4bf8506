import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPairing } from '../../renderer/runtime/sync'
import { launchBrowser } from '../support/browser-process'
import { startRelayProcess } from '../support/relay-process'
import { BenchPage } from './bench-page'
import { buildBenchPage } from './build-page'
import { ms } from './report'
import { serveStatic } from './static-server'

/**
 * Where a new laptop's first sync spends its time: device A (a seeded space) uploads to a relay
 * process, then device B syncs from scratch while Chromium's CPU profiler samples B's page. Each
 * sample is filed under the first stage (in the order of STAGES) whose function is on its stack.
 * `npx tsx test/bench/first-sync-profile.ts [messages]` (default 100,000; needs `npm run build`
 * for the relay) prints the split and how long the later check of the pages takes; `--out FILE` also keeps the .cpuprofile. A diagnosis tool beside
 * row 5 of `npm run bench`, which holds the figures.
 */

/** Stage → function names that mark it, most specific first (a stage nested in another wins). */
const STAGES: [string, string[]][] = [
  ['reconcile: the relay copy decoded again to compare', ['missingFromRemote']],
  ['compaction of envelope items', ['foldUpdates', 'maybeCompact']],
  ['Yjs: encoding the applied update again for listeners', ['writeUpdateMessageFromTransaction']],
  ['read-model projection (array observers)', ['callTypeObservers']],
  ['Yjs: decoding and integrating the update', ['applyRemote']],
  ['publishing events (validating each message)', ['publish']],
  [
    'storing (update log, pages, Dexie)',
    ['writePending', 'commitUpdates', 'putPagedRows', 'mutate', 'executePromiseTask', 'usePSD'],
  ],
  ['decrypting items', ['openItem']],
  ['waiting (network, IndexedDB)', ['(idle)']],
  ['garbage collection', ['(garbage collector)']],
]

interface ProfileNode {
  id: number
  callFrame: { functionName: string }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

function split(profile: Profile): Map<string, number> {
  const parent = new Map<number, number>()
  const name = new Map<number, string>()
  for (const n of profile.nodes) {
    name.set(n.id, n.callFrame.functionName)
    for (const c of n.children ?? []) parent.set(c, n.id)
  }
  const out = new Map<string, number>()
  profile.samples.forEach((sample, i) => {
    const onStack = new Set<string>()
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id))
      onStack.add(name.get(id) ?? '')
    const stage = STAGES.find(([, fns]) => fns.some((f) => onStack.has(f)))?.[0] ?? 'other'
    out.set(stage, (out.get(stage) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return out
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? args[outAt + 1] : undefined
  const messages = Number(args.find((a, i) => /^\d+$/.test(a) && i !== outAt + 1) ?? 100_000)
  const work = await mkdtemp(join(tmpdir(), 'keepsake-first-sync-'))
  const server = await serveStatic(await buildBenchPage())
  const browser = await launchBrowser(join(work, 'profile'))
  const relay = await startRelayProcess({ dataDir: await mkdtemp(join(work, 'relay-')) })
  try {
    const a = new BenchPage(browser.page, server.url)
    const b = new BenchPage(await browser.context.newPage(), server.url)
    const pairing = createPairing(relay.url, 'first-sync-profile')
    if (!pairing.ok) throw new Error(pairing.error.message)
    const sync = { relayUrl: relay.url, syncSpaceId: pairing.value.spaceId }
    const nowMs = Date.parse('2026-06-01T12:00:00Z')
    await a.open()
    await a.call('drop', 'profile-a')
    await a.call('seed', {
      spaceId: 'profile-a',
      messages,
      facts: 100,
      seed: 5,
      batch: 1000,
      nowMs,
    })
    await a.open()
    await a.call('syncOpen', {
      ...sync,
      localSpaceId: 'profile-a',
      secret: pairing.value.secret,
      deviceId: 'A',
    })
    const startedA = await a.call('syncStartedAt')
    if ((await a.call('syncSettled', 600_000, startedA)) === null)
      throw new Error('A did not upload')
    await b.open()
    await b.call('drop', 'profile-b')
    const cdp = await browser.context.newCDPSession(b.page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    await b.call('syncOpen', {
      ...sync,
      localSpaceId: 'profile-b',
      secret: pairing.value.secret,
      deviceId: 'B',
    })
    const started = await b.call('syncStartedAt')
    const arrived = await b.call('syncWaitFor', { messages, facts: 100 }, 600_000)
    const settled = await b.call('syncSettled', 600_000)
    const { profile } = await cdp.send('Profiler.stop')
    if (arrived === null || settled === null) throw new Error('B did not receive everything')
    // What the space runs 5 s later, off the first sync's path: the pages checked against the state.
    const check = await b.call('syncCheckSealed')
    if (out) await writeFile(out, JSON.stringify(profile))
    const stages = split(profile as Profile)
    const total = [...stages.values()].reduce((s, v) => s + v, 0)
    console.log(
      `first sync of ${messages} messages: everything stored on B after ${ms(arrived - started)}, settled after ${ms(settled - started)}`,
    )
    console.log(
      `then the check of the pages received whole (run at once here, 5 s later in the app): ${ms(check.ms)}`,
    )
    console.log(`CPU profile of B's page over ${ms(total)}:`)
    for (const [stage, spent] of [...stages].sort((x, y) => y[1] - x[1]))
      console.log(
        `${ms(spent).padStart(9)} ${((100 * spent) / total).toFixed(0).padStart(3)}%  ${stage}`,
      )
    await a.call('syncStop')
    await b.call('syncStop')
  } finally {
    await relay.stop()
    await browser.close()
    await server.close()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e))
  process.exitCode = 1
})
