import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chatGptShardedZip } from '../../fixtures/imports/export-zips'
import { generateChatGptShards } from '../../fixtures/imports/generate-chatgpt'
import type { AppDevice } from '../app-device'
import type { BenchContext } from '../bench-context'
import { CLI_ENTRY } from '../cli-process'
import { bytes, count, ms, runs } from '../report'
import { overRuns } from '../stats'

/** Runs `keepsake import` as built, in its own Node; resolves with its wall time and peak RSS. */
function cliImport(zip: string, out: string): Promise<{ ms: number; maxRss: number }> {
  const script = [
    `const { runCli } = await import(${JSON.stringify(pathToFileURL(CLI_ENTRY).href)})`,
    `const io = { out: () => {}, err: (l) => process.stderr.write(l + '\\n') }`,
    `const code = await runCli(['import', ${JSON.stringify(zip)}, '--out', ${JSON.stringify(out)}], io)`,
    `process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS * 1024 }))`,
  ].join('\n')
  return new Promise((done, fail) => {
    const t = performance.now()
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
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
        const r = JSON.parse(stdout) as { code: number; maxRss: number }
        if (r.code !== 0) return fail(new Error(`keepsake import exited ${r.code}: ${stderr}`))
        done({ ms: elapsed, maxRss: r.maxRss })
      } catch {
        fail(new Error(`keepsake import failed: ${stderr || stdout}`))
      }
    })
  })
}

/** Resident memory of every process of the app's Chromium, summed (bytes). */
function chromiumRss(app: AppDevice): number {
  let total = 0
  for (const pid of app.browser.pids()) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total
}

/**
 * Row 9: a generated ChatGPT export zip (2026 shards, tool calls, images, citations, client-clock
 * skew) imported by the shipped CLI and by the app's Files path (new space). Times are wall
 * clock; memory is the CLI's peak RSS and the app's Chromium RSS peak above what it held just
 * before, both beside the export's unpacked JSON size.
 */
export async function chatGptImportRow(ctx: BenchContext, app: AppDevice): Promise<void> {
  const { figures } = ctx
  const { messages, runs: n } = ctx.sizes.chatgpt
  const shards = generateChatGptShards(messages)
  const unpacked = shards.reduce((sum, s) => sum + JSON.stringify(s).length, 0)
  const zipBytes = chatGptShardedZip(shards)
  const zip = join(ctx.workDir, 'chatgpt-export.zip')
  await writeFile(zip, zipBytes)
  const what = `${count(messages)}-msg ChatGPT zip (${shards.length} shards)`
  const sizes = `${bytes(zipBytes.length)} zip, ${bytes(unpacked)} unpacked JSON`

  const cli: { ms: number[]; rss: number[] } = { ms: [], rss: [] }
  for (let run = 0; run < n; run++) {
    const r = await cliImport(zip, join(ctx.workDir, `chatgpt-${run}.keepsake`))
    cli.ms.push(r.ms)
    cli.rss.push(r.maxRss)
  }
  const cliTime = overRuns(cli.ms)
  figures.add({
    row: 9,
    label: `CLI keepsake import · ${what}`,
    value: ms(cliTime.median),
    spread: runs(cliTime, ms),
    note: `${sizes}; process start to exit`,
    data: { spread: cliTime, zip: zipBytes.length, unpacked },
  })
  const rss = overRuns(cli.rss)
  figures.add({
    row: 9,
    label: `CLI keepsake import · peak RSS`,
    value: bytes(rss.median),
    spread: runs(rss, bytes),
    note: `${(rss.median / unpacked).toFixed(1)}× the unpacked JSON; the whole Node process`,
    data: { spread: rss, unpacked },
  })

  await app.putFile('chatgpt-zip', zipBytes)
  const app8: { ms: number[]; peak: number[] } = { ms: [], peak: [] }
  for (let run = 0; run < n; run++) {
    const before = chromiumRss(app)
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, chromiumRss(app))
    }, 50)
    const r = await app.importFile('chatgpt-zip', 'chatgpt-export.zip', 'new-space')
    clearInterval(sampler)
    peak = Math.max(peak, chromiumRss(app))
    if (!r.answer.ok) throw new Error(`app import failed: ${r.answer.error?.message}`)
    app8.ms.push(r.ms)
    app8.peak.push(peak - before)
    await app.reload()
    await app.dropOtherSpaces()
    await app.putFile('chatgpt-zip', zipBytes)
  }
  const appTime = overRuns(app8.ms)
  figures.add({
    row: 9,
    label: `app import (new space) · ${what}`,
    value: ms(appTime.median),
    spread: runs(appTime, ms),
    note: `${sizes}; request to answer, the runtime reopens on the new space`,
    data: { spread: appTime },
  })
  const peak = overRuns(app8.peak)
  figures.add({
    row: 9,
    label: `app import · Chromium RSS peak above before`,
    value: bytes(peak.median),
    spread: runs(peak, bytes),
    note: `${(peak.median / unpacked).toFixed(1)}× the unpacked JSON (goal ≤ about 3×); all Chromium processes, sampled every 50 ms`,
    data: { spread: peak, unpacked },
  })
}
