import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchBrowser } from '../support/browser-process'
import { BENCH_USAGE, readBenchArgs } from './bench-args'
import type { BenchContext } from './bench-context'
import { BenchPage } from './bench-page'
import { buildBenchPage } from './build-page'
import { currentLoad, describeMachine } from './machine'
import { Figures, formatMarkdown, formatReport, type BenchReport } from './report'
import { FULL, SMOKE } from './sizes'
import { serveStatic } from './static-server'
import { AppDevice } from './app-device'
import { appendsRow, longAppendsRow } from './rows/appends'
import { restoreRow } from './rows/restore'
import { retrievalRow } from './rows/retrieval'
import { sessionFilesRow } from './rows/session-files'
import { syncRow } from './rows/sync'
import { tokensRow } from './rows/tokens'
import { uiRow } from './rows/ui'
import { understandingRow } from './rows/understanding'
import { chatGptImportRow } from './rows/chatgpt-import'
import type { SessionData } from '../../shared/session/session-data'

/**
 * `npm run bench`: the runtime in real Chromium, the CLI and the relay as built, measured row by
 * row; prints a table and writes bench-results.json. `--smoke` runs every row tiny (npm test).
 */
async function main(): Promise<number> {
  const args = readBenchArgs(process.argv.slice(2))
  if (!args.ok) {
    console.error(`bench: ${args.error.message}\n${BENCH_USAGE}`)
    return 2
  }
  const { smoke, only, out, markdown } = args.value
  const wants = (row: number): boolean => only.length === 0 || only.includes(row)
  const started = new Date()
  const workDir = await mkdtemp(join(tmpdir(), 'keepsake-bench-'))
  const pageDir = await buildBenchPage()
  const server = await serveStatic(pageDir)
  const browser = await launchBrowser(join(workDir, 'bench-profile'))
  const figures = new Figures()
  const machine = describeMachine(browser.browser.version())
  const ctx: BenchContext = {
    smoke,
    sizes: smoke ? SMOKE : FULL,
    figures,
    browser,
    pageUrl: server.url,
    bench: new BenchPage(browser.page, server.url),
    workDir,
    nowMs: Date.parse('2026-06-01T12:00:00Z'),
  }
  const failures: string[] = []
  const attempt = async (row: number, what: string, run: () => Promise<void>): Promise<void> => {
    if (!wants(row)) return
    console.log(`${row}. ${what} (started ${new Date().toISOString().slice(11, 19)})`)
    try {
      await run()
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e)
      console.error(`row ${row} failed: ${message}`)
      failures.push(`row ${row}: ${message.split('\n')[0]}`)
      figures.notMeasured(row, what, `the bench failed: ${message.split('\n')[0]}`)
    }
  }
  let app: AppDevice | null = null
  try {
    let largest: { spaceId: string; messages: number } | null = null
    await attempt(1, 'Restore', async () => {
      largest = {
        spaceId: await restoreRow(ctx),
        messages: Math.max(...ctx.sizes.restore.messages),
      }
    })
    await attempt(2, 'Prompt tokens', () => tokensRow(ctx))
    await attempt(3, 'Acknowledged appends', async () => {
      await appendsRow(ctx)
      await longAppendsRow(ctx)
    })
    let imported: SessionData | null = null
    if (wants(4) || wants(7) || wants(9)) app = await AppDevice.start()
    await attempt(4, 'Session files', async () => {
      if (app) imported = await sessionFilesRow(ctx, app)
    })
    await attempt(5, 'Sync', () => syncRow(ctx))
    await attempt(6, 'Retrieval', async () => {
      const space = largest ?? (await seedLargest(ctx))
      await retrievalRow(ctx, space.spaceId, space.messages)
    })
    await attempt(8, 'Understanding', () => understandingRow(ctx))
    await attempt(7, 'UI', async () => {
      if (!app) return
      if (!imported) throw new Error('row 4 did not import the big space this row types in')
      await uiRow(ctx, app, imported)
    })
    await attempt(9, 'ChatGPT import', async () => {
      if (app) await chatGptImportRow(ctx, app)
    })
  } finally {
    await app?.close()
    await browser.close()
    await server.close()
    await rm(workDir, { recursive: true, force: true })
    await rm(pageDir, { recursive: true, force: true })
  }
  machine.loadAtEnd = currentLoad()
  const report: BenchReport = {
    mode: smoke ? 'smoke' : 'full',
    startedAt: started.toISOString(),
    command: `tsx test/bench/index.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    figures: figures.list,
  }
  console.log(`\n${formatReport(report)}`)
  if (out !== null) {
    await writeFile(resolve(out), `${JSON.stringify(report, null, 2)}\n`)
    console.log(`wrote ${out}`)
  }
  if (markdown !== null) {
    await writeFile(resolve(markdown), `${formatMarkdown(report)}\n`)
    console.log(`wrote ${markdown}`)
  }
  if (failures.length > 0) {
    console.error(`bench: ${failures.length} row(s) failed:\n${failures.join('\n')}`)
    return 1
  }
  return 0
}

/** The retrieval row's space when the restore row did not run: the largest restore size. */
async function seedLargest(ctx: BenchContext): Promise<{ spaceId: string; messages: number }> {
  const messages = Math.max(...ctx.sizes.restore.messages)
  const spaceId = `bench-retrieval-${messages}`
  await ctx.bench.open()
  await ctx.bench.call('drop', spaceId)
  await ctx.bench.call('seed', {
    spaceId,
    messages,
    facts: ctx.sizes.restore.facts[0],
    seed: 1,
    batch: ctx.sizes.seedBatch,
    nowMs: ctx.nowMs,
  })
  return { spaceId, messages }
}

process.exitCode = await main()
