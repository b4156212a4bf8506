import { rm } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { BenchPage } from '../bench/bench-page'
import { buildBenchPage } from '../bench/build-page'
import { serveStatic, type StaticServer } from '../bench/static-server'

/**
 * The bench page (test/bench/page: the runtime's modules in Chromium) built and served for a spec
 * that needs runtime pieces the app does not wire yet (sync), or wired in ways the app never does.
 */
export interface BenchHarness {
  url: string
  /** Drives `page` as a bench page (loads it). */
  open(page: Page): Promise<BenchPage>
  close(): Promise<void>
}

export async function startBenchHarness(): Promise<BenchHarness> {
  const dir = await buildBenchPage()
  const server: StaticServer = await serveStatic(dir)
  return {
    url: server.url,
    async open(page) {
      const bench = new BenchPage(page, server.url)
      await bench.open()
      return bench
    },
    async close() {
      await server.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
