import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser } from '../support/browser-process'
import { BenchPage } from './bench-page'
import { buildBenchPage } from './build-page'
import { ms } from './report'
import { distribution } from './stats'
import { serveStatic } from './static-server'

/**
 * Where appends to a long conversation go: `npx tsx test/bench/long-append-profile.ts [history]
 * [count]` (defaults 100000, 1000) seeds one conversation of `history` messages, loads the bench
 * page fresh, and runs `count` strict appends to it under a CPU profile of the page; prints the
 * latencies and the functions with the most self time (25) and total time (`TOP`, default 40). A
 * diagnosis tool beside row 3.
 */

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

function tally(profile: Profile): { self: Map<string, number>; total: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const label = (n: ProfileNode): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const spent = (profile.timeDeltas[i] ?? 0) / 1000
    const node = byId.get(id)
    if (!node) return
    self.set(label(node), (self.get(label(node)) ?? 0) + spent)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)
      if (!n) break
      const l = label(n)
      if (seen.has(l)) continue
      seen.add(l)
      total.set(l, (total.get(l) ?? 0) + spent)
    }
  })
  return { self, total }
}

async function main(): Promise<void> {
  const [history = 100_000, count = 1000] = process.argv.slice(2).map(Number)
  const work = await mkdtemp(join(tmpdir(), 'keepsake-long-append-'))
  const server = await serveStatic(await buildBenchPage())
  const browser = await launchBrowser(join(work, 'profile'))
  try {
    const bench = new BenchPage(browser.page, server.url)
    const nowMs = Date.parse('2026-06-01T12:00:00Z')
    await bench.open()
    await bench.call('drop', 'long-append')
    await bench.call('seed', {
      spaceId: 'long-append',
      messages: history,
      facts: 0,
      seed: 1,
      batch: 1000,
      nowMs: nowMs - 86_400_000,
    })
    await bench.open()
    const cdp = await browser.context.newCDPSession(bench.page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    const r = await bench.call('appends', {
      spaceId: 'long-append',
      durability: 'strict',
      count,
      mode: 'sequential',
      nowMs,
      conversation: 'longest',
    })
    const { profile } = await cdp.send('Profiler.stop')
    const d = distribution(r.latenciesMs.slice(1))
    console.log(
      `${count} appends to a ${history}-message conversation: first ${ms(r.latenciesMs[0] ?? NaN)}, then p50 ${ms(d.p50)}, p99 ${ms(d.p99)}, max ${ms(d.max)}; total ${ms(r.totalMs)}`,
    )
    const { self, total } = tally(profile as Profile)
    const top = (m: Map<string, number>, n: number): void => {
      for (const [name, spent] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
        console.log(`${ms(spent).padStart(10)}  ${name}`)
    }
    console.log('self time:')
    top(self, 25)
    console.log('total time:')
    top(total, Number(process.env.TOP ?? 40))
    await bench.call('drop', 'long-append')
  } finally {
    await browser.close()
    await server.close()
    await rm(work, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
