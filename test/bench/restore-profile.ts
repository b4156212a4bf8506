import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser } from '../support/browser-process'
import { BenchPage } from './bench-page'
import { buildBenchPage } from './build-page'
import { ms } from './report'
import { serveStatic } from './static-server'
import type { RestoreResult } from './page/bench-api'

/**
 * Where one selective restore spends its time: seeds a space (messages, facts) through the runtime,
 * saves its search index with a warm-up restore as a running app does, then profiles further
 * restores from fresh pages with Chromium's CPU profiler, from start to the first prompt. Prints each run's steps (`steps` of
 * row 1) and the functions with the most self time across the profiled runs.
 * `npx tsx test/bench/restore-profile.ts [messages] [facts] [runs]` (defaults 1,000, 10,000, 3);
 * `--out FILE` keeps the last .cpuprofile; `--plain` times the runs without profiling them. A diagnosis tool beside row 1 of `npm run bench`.
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

/** Self time per function (name and file:line), and total time on stack per function, in ms. */
function tally(profile: Profile, self: Map<string, number>, total: Map<string, number>): void {
  const parent = new Map<number, number>()
  const label = new Map<number, string>()
  for (const n of profile.nodes) {
    const file = n.callFrame.url.split('/').pop() ?? ''
    label.set(
      n.id,
      `${n.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${n.callFrame.lineNumber + 1}` : ''}`,
    )
    for (const c of n.children ?? []) parent.set(c, n.id)
  }
  profile.samples.forEach((sample, i) => {
    const spent = (profile.timeDeltas[i] ?? 0) / 1000
    const own = label.get(sample) ?? ''
    self.set(own, (self.get(own) ?? 0) + spent)
    const onStack = new Set<string>()
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id))
      onStack.add(label.get(id) ?? '')
    for (const l of onStack) total.set(l, (total.get(l) ?? 0) + spent)
  })
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const plain = args.includes('--plain')
  const out = outAt >= 0 ? args[outAt + 1] : undefined
  const numbers = args
    .filter((a, i) => /^\d+$/.test(a) && (outAt < 0 || i !== outAt + 1))
    .map(Number)
  const [messages = 1000, facts = 10_000, runs = 3] = numbers
  const work = await mkdtemp(join(tmpdir(), 'keepsake-restore-profile-'))
  const server = await serveStatic(await buildBenchPage())
  const browser = await launchBrowser(join(work, 'profile'))
  try {
    const page = new BenchPage(browser.page, server.url)
    const nowMs = Date.parse('2026-06-01T12:00:00Z')
    const spaceId = 'restore-profile'
    await page.open()
    await page.call('drop', spaceId)
    const seeded = await page.call('seed', {
      spaceId,
      messages,
      facts,
      seed: 1,
      batch: 1000,
      nowMs,
    })
    console.log(`seeded ${seeded.messages} messages and ${seeded.facts} facts in ${ms(seeded.ms)}`)
    const input = {
      spaceId,
      strategy: 'selective' as const,
      contextWindow: 1_000_000,
      replyReserve: 1024,
      nowMs: nowMs + 60_000,
    }
    await page.open()
    await page.call('restore', { ...input, persistIndex: true })
    const self = new Map<string, number>()
    const total = new Map<string, number>()
    let profiled = 0
    const results: RestoreResult[] = []
    for (let run = 0; run < runs; run++) {
      await page.open()
      if (plain) {
        const result = await page.call('restore', { ...input, persistIndex: false })
        results.push(result)
        continue
      }
      const cdp = await browser.context.newCDPSession(browser.page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      const finished = new Promise<unknown>((resolve) =>
        cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)),
      )
      const result: RestoreResult = await page.call('restore', {
        ...input,
        persistIndex: false,
        profile: true,
      })
      const profile = await finished
      await cdp.detach()
      if (out) await writeFile(out, JSON.stringify(profile))
      tally(profile as Profile, self, total)
      profiled += (profile as Profile).timeDeltas.reduce((s, d) => s + d, 0) / 1000
      results.push(result)
      const steps = Object.entries(result.steps)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')
      console.log(
        `run ${run + 1}: ready ${ms(result.readyMs)}, prompt ${ms(result.promptMs)} (${steps})`,
      )
    }
    const median = (xs: number[]): number => {
      const s = [...xs].sort((a, b) => a - b)
      const mid = Math.floor(s.length / 2)
      return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
    }
    const stepNames = [...new Set(results.flatMap((r) => Object.keys(r.steps)))]
    console.log(
      `medians of ${results.length}: ready ${ms(median(results.map((r) => r.readyMs)))}, prompt ${ms(median(results.map((r) => r.promptMs)))} (${stepNames.map((n) => `${n} ${ms(median(results.map((r) => r.steps[n] ?? 0)))}`).join(', ')})`,
    )
    if (plain) return
    const top = (m: Map<string, number>, n: number): void => {
      for (const [name, spent] of [...m].sort((x, y) => y[1] - x[1]).slice(0, n))
        console.log(`${ms(spent / runs).padStart(9)}  ${name}`)
    }
    console.log(`\nper run, of ${ms(profiled / runs)} sampled (start to first prompt):`)
    console.log('-- self time')
    top(self, 30)
    console.log('-- total time (on stack)')
    top(total, 40)
  } finally {
    await browser.close()
    await server.close()
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e))
  process.exitCode = 1
})
