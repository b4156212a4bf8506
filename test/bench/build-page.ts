import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const PAGE_ROOT = resolve(import.meta.dirname, 'page')

/**
 * Builds the bench page (test/bench/page) with Vite into a fresh temporary directory and returns
 * it. The bench code never ships: it is built here, for one run.
 */
export async function buildBenchPage(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'keepsake-bench-page-'))
  await build({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  })
  return outDir
}
