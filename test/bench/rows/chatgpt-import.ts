import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chatGptShardedZip, chatGptSingleZip } from '../../fixtures/imports/export-zips'
import { generateChatGptShards } from '../../fixtures/imports/generate-chatgpt'
import type { AppDevice } from '../app-device'
import { sampleMemory, type MemoryPeaks } from '../app-memory'
import type { BenchContext } from '../bench-context'
import { CLI_ENTRY } from '../cli-process'
import { bytes, count, ms, runs } from '../report'
import { overRuns } from '../stats'
import { waitIndexed } from './session-files'

/** What one `keepsake import` run took. */
interface CliRun {
  ms: number
  maxRss: number
  /** JS memory (V8 heap in use plus ArrayBuffers and other external memory) at its peak, above the start. */
  heapPeak: number
  collections: number
}

/**
 * Runs `keepsake import` as built, in its own Node; resolves with its wall time, peak RSS (the
 * process's own high-water mark, VmHWM) and the peak of its JS memory above what was live when
 * the import started (after one forced collection): V8's figures just before every collection it
 * made during the import (`v8.GCProfiler`; nothing is forced then) and once at the end, so no peak
 * falls between samples.
 */
function cliImport(zip: string, out: string): Promise<CliRun> {
  const script = [
    `const { runCli } = await import(${JSON.stringify(pathToFileURL(CLI_ENTRY).href)})`,
    `const { GCProfiler } = await import('node:v8')`,
    `const io = { out: () => {}, err: (l) => process.stderr.write(l + '\\n') }`,
    `const heap = () => { const m = process.memoryUsage(); return m.heapUsed + m.external }`,
    `globalThis.gc()`,
    `const before = heap()`,
    `const profiler = new GCProfiler()`,
    `profiler.start()`,
    `const code = await runCli(['import', ${JSON.stringify(zip)}, '--out', ${JSON.stringify(out)}], io)`,
    `const end = heap()`,
    `const { statistics } = profiler.stop()`,
    `const atCollections = statistics.map(({ beforeGC: { heapStatistics: h } }) => h.usedHeapSize + h.externalMemory)`,
    `const heapPeak = Math.max(end, ...atCollections) - before`,
    // Not process.resourceUsage().maxRSS: Linux carries the forking bench's RSS over into it.
    `const { readFileSync } = await import('node:fs')`,
    `const maxRss = Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024`,
    `process.stdout.write(JSON.stringify({ code, maxRss, heapPeak, collections: statistics.length }))`,
  ].join('\n')
  return new Promise((done, fail) => {
    const t = performance.now()
    const child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', fail)
    child.once('exit', () => {
      const elapsed = performance.now() - t
      try {
        const r = JSON.parse(stdout) as Omit<CliRun, 'ms'> & { code: number }
        if (r.code !== 0) return fail(new Error(`keepsake import exited ${r.code}: ${stderr}`))
        const { maxRss, heapPeak, collections } = r
        done({ ms: elapsed, maxRss, heapPeak, collections })
      } catch {
        fail(new Error(`keepsake import failed: ${stderr || stdout}`))
      }
    })
  })
}

/**
 * Row 9: a generated ChatGPT export zip (tool calls, images, citations, client-clock skew), in both
 * shapes people have — 2026 shards, and an older export's one conversations.json — imported by the
 * shipped CLI and by the app's Files path (new space). Times are wall
 * clock. Memory, beside the export's unpacked JSON size: the CLI's peak RSS; the app's JS memory
 * (page and runtime worker) held at its peak, in separate runs that collect garbage before each
 * sample; and, in the timed runs, the JS heap in use (sampled, and the worker's just before each
 * collection) and the RSS of Chromium's renderers and of all its processes, each peak above what
 * was there just before. The CLI's JS heap peak is read before each of its collections too.
 */
export async function chatGptImportRow(ctx: BenchContext, app: AppDevice): Promise<void> {
  const { messages } = ctx.sizes.chatgpt
  const shards = generateChatGptShards(messages)
  const unpacked = shards.reduce((sum, s) => sum + Buffer.byteLength(JSON.stringify(s)), 0)
  // Both shapes people have: a 2026 export in shards, and an older one's single conversations.json.
  await zipRows(ctx, app, unpacked, chatGptShardedZip(shards), `(${shards.length} shards)`)
  await zipRows(ctx, app, unpacked, chatGptSingleZip(shards.flat()), '(one conversations.json)')
}

async function zipRows(
  ctx: BenchContext,
  app: AppDevice,
  unpacked: number,
  zipBytes: Uint8Array,
  shape: string,
): Promise<void> {
  const { figures } = ctx
  const { messages, runs: n } = ctx.sizes.chatgpt
  const zip = join(ctx.workDir, 'chatgpt-export.zip')
  await writeFile(zip, zipBytes)
  const what = `${count(messages)}-msg ChatGPT zip ${shape}`
  const sizes = `${bytes(zipBytes.length)} zip, ${bytes(unpacked)} unpacked JSON`

  const cli: CliRun[] = []
  for (let run = 0; run < n; run++)
    cli.push(await cliImport(zip, join(ctx.workDir, `chatgpt-${run}.keepsake`)))
  const cliTime = overRuns(cli.map((r) => r.ms))
  figures.add({
    row: 9,
    label: `CLI keepsake import · ${what}`,
    value: ms(cliTime.median),
    spread: runs(cliTime, ms),
    note: `${sizes}; process start to exit`,
    data: { spread: cliTime, zip: zipBytes.length, unpacked },
  })
  const rss = overRuns(cli.map((r) => r.maxRss))
  figures.add({
    row: 9,
    label: `CLI keepsake import · peak RSS · ${shape}`,
    value: bytes(rss.median),
    spread: runs(rss, bytes),
    note: `${(rss.median / unpacked).toFixed(1)}× the unpacked JSON; the whole Node process`,
    data: { spread: rss, unpacked },
  })
  const cliHeap = overRuns(cli.map((r) => r.heapPeak))
  const cliCollections = Math.min(...cli.map((r) => r.collections))
  figures.add({
    row: 9,
    label: `CLI keepsake import · JS heap in use, peak above before · ${shape}`,
    value: bytes(cliHeap.median),
    spread: runs(cliHeap, bytes),
    note: `${(cliHeap.median / unpacked).toFixed(1)}× the unpacked JSON; V8 heap plus ArrayBuffers just before each of its collections (v8.GCProfiler, ≥ ${cliCollections}) and at the end, nothing forced`,
    data: { spread: cliHeap, unpacked },
  })

  // Each import starts idle: the search index of the space imported before has caught up and been
  // saved, or its background work would be measured as the import's (the smoke run has no time).
  const fresh = async (): Promise<void> => {
    await app.reload()
    await app.dropOtherSpaces()
    if (!ctx.smoke && !(await waitIndexed(app, 300_000)))
      console.warn('  the search index did not settle')
    await app.putFile('chatgpt-zip', zipBytes)
  }
  await fresh()
  const appMs: number[] = []
  const peaks: MemoryPeaks[] = []
  for (let run = 0; run < n; run++) {
    const { result: r, peaks: p } = await sampleMemory(app.browser, app.host.url, () =>
      app.importFile('chatgpt-zip', 'chatgpt-export.zip', 'new-space'),
    )
    if (!r.answer.ok) throw new Error(`app import failed: ${r.answer.error?.message}`)
    appMs.push(r.ms)
    peaks.push(p)
    await fresh()
  }
  // Runs of their own for what is held: a full collection before each sample slows the import and
  // keeps the heap small, so these give neither the time nor the RSS above.
  const held: number[] = []
  for (let run = 0; run < n; run++) {
    const { result: r, peaks: p } = await sampleMemory(
      app.browser,
      app.host.url,
      () => app.importFile('chatgpt-zip', 'chatgpt-export.zip', 'new-space'),
      { everyMs: 500, collect: true },
    )
    if (!r.answer.ok) throw new Error(`app import failed: ${r.answer.error?.message}`)
    held.push(p.js)
    await fresh()
  }
  const appTime = overRuns(appMs)
  figures.add({
    row: 9,
    label: `app import (new space) · ${what}`,
    value: ms(appTime.median),
    spread: runs(appTime, ms),
    note: `${sizes}; request to answer, the runtime reopens on the new space`,
    data: { spread: appTime },
  })
  const memoryRow = (label: string, values: number[], note: string): void => {
    const spread = overRuns(values)
    figures.add({
      row: 9,
      label,
      value: bytes(spread.median),
      spread: runs(spread, bytes),
      note: `${(spread.median / unpacked).toFixed(1)}× the unpacked JSON; ${note}`,
      data: { spread, unpacked },
    })
  }
  memoryRow(
    `app import · JS memory held, peak above before (page + runtime worker) · ${shape}`,
    held,
    'goal ≤ about 3×; live V8 heap plus ArrayBuffers: collected, then sampled over CDP every 500 ms (separate runs)',
  )
  const samples = Math.min(...peaks.map((p) => p.jsSamples))
  memoryRow(
    `app import · JS heap in use, peak above before (page + runtime worker) · ${shape}`,
    peaks.map((p) => p.js),
    `what V8 has not collected yet counts too; CDP every 50 ms (≥ ${samples} answered samples)`,
  )
  const collections = Math.min(...peaks.map((p) => p.collections))
  memoryRow(
    `app import · runtime worker JS heap in use, peak above before · ${shape}`,
    peaks.map((p) => p.workerHeap),
    `V8's own figure just before each collection (trace events, ≥ ${collections}) and at the end, nothing forced; ArrayBuffers not included`,
  )
  memoryRow(
    `app import · renderer processes RSS peak above before · ${shape}`,
    peaks.map((p) => p.renderers),
    'the page and the runtime worker, resident, /proc every 50 ms',
  )
  memoryRow(
    `app import · all Chromium processes RSS peak above before · ${shape}`,
    peaks.map((p) => p.all),
    "adds the browser process (IndexedDB's own buffers), GPU and services",
  )
}
