import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { launchBrowser } from '../support/browser-process'
import type { TraceResult, TracedSpan } from './append-trace/trace-api'
import { serveStatic } from './static-server'

/**
 * Which appends are slow, and what ran inside each: `npx tsx test/bench/append-trace.ts [count]
 * [rounds] [slowMs]` (defaults 1000, 3, 12) runs `count` sequential strict appends per round in
 * real Chromium (the page in test/bench/append-trace), and prints p50/p99/max and every append of
 * `slowMs` or more with the compactions, big writes (snapshots, pages over TAIL_SIZE, deleted
 * pages) and V8 collections (Chromium's MinorGC/MajorGC trace events) that overlapped it, then a
 * tally of the compactions and big writes inside any append. A diagnosis tool beside row 3.
 */

interface TraceEvent {
  name: string
  ts: number
  dur?: number
}

const overlaps = (a: { t0: number; t1: number }, s: TracedSpan): boolean =>
  s.t1 >= a.t0 && s.t0 <= a.t1 && !(s.t1 === a.t0 && s.t0 < a.t0)

async function main(): Promise<void> {
  const [count = 1000, rounds = 3, slowMs = 12] = process.argv.slice(2).map(Number)
  const outDir = await mkdtemp(join(tmpdir(), 'keepsake-append-trace-'))
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'append-trace'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  })
  const server = await serveStatic(outDir)
  const profile = await mkdtemp(join(tmpdir(), 'keepsake-append-trace-profile-'))
  const browser = await launchBrowser(profile)
  try {
    for (let round = 1; round <= rounds; round++) {
      const page = browser.page
      await page.goto(server.url)
      await page.waitForFunction(() => 'appendTrace' in window)
      const cdp = await page.context().newCDPSession(page)
      const events: TraceEvent[] = []
      cdp.on('Tracing.dataCollected', ({ value }) => {
        for (const e of value as unknown as TraceEvent[])
          if (['MinorGC', 'MajorGC', 'append-trace-sync'].includes(e.name)) events.push(e)
      })
      const complete = new Promise<void>((done) => cdp.on('Tracing.tracingComplete', () => done()))
      await cdp.send('Tracing.start', {
        categories: 'v8,blink.user_timing',
        transferMode: 'ReportEvents',
      })
      const r = await page.evaluate(
        (n) =>
          (window as unknown as { appendTrace: (n: number) => Promise<TraceResult> }).appendTrace(
            n,
          ),
        count,
      )
      await cdp.send('Tracing.end')
      await complete
      await cdp.detach()
      const mark = events.find((e) => e.name === 'append-trace-sync')
      const offset = mark ? mark.ts / 1000 - r.syncNow : Number.NaN
      const gcs: TracedSpan[] = events
        .filter((e) => e.dur !== undefined)
        .map((e) => ({
          what: e.name,
          t0: e.ts / 1000 - offset,
          t1: (e.ts + (e.dur ?? 0)) / 1000 - offset,
        }))
      const sorted = r.appends.map((a) => a.t1 - a.t0).sort((a, b) => a - b)
      const at = (p: number) =>
        sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
      console.log(
        `round ${round}: ${count} appends, p50 ${at(0.5)?.toFixed(2)} ms, p99 ${at(0.99)?.toFixed(2)} ms, max ${at(1)?.toFixed(1)} ms${mark ? '' : ' (no clock mark: collections not placed)'}`,
      )
      const tally = new Map<string, number>()
      r.appends.forEach((a, i) => {
        const mine = r.spans.filter((s) => overlaps(a, s))
        for (const s of mine) tally.set(s.what, (tally.get(s.what) ?? 0) + 1)
        const ms = a.t1 - a.t0
        if (ms < slowMs) return
        const what = [...mine, ...gcs.filter((s) => overlaps(a, s))]
          .map((s) => (s.t1 > s.t0 ? `${s.what} ${(s.t1 - s.t0).toFixed(1)} ms` : s.what))
          .join(', ')
        console.log(`  #${i}: ${ms.toFixed(1)} ms${what ? ` — ${what}` : ''}`)
      })
      console.log(
        `  inside appends: ${tally.size === 0 ? 'no compaction, no big write' : [...tally].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
      )
    }
  } finally {
    await browser.close()
    await server.close()
    await rm(outDir, { recursive: true, force: true })
    await rm(profile, { recursive: true, force: true })
  }
}

await main()
