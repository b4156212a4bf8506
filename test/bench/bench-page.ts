import type { Page } from 'playwright-core'
import { within } from './app-device'
import type { BenchApi } from './page/bench-api'

/** No bench step should take longer; a hung step fails its row instead of the whole run. */
const STEP_WITHIN_MS = 30 * 60_000

type Method = keyof BenchApi
type Args<K extends Method> = Parameters<BenchApi[K]>
type Out<K extends Method> = Awaited<ReturnType<BenchApi[K]>>

/** Calls into the bench page (`window.keepsakeBench`) of one Chromium page. */
export class BenchPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** Loads the page fresh: a new JS heap with nothing opened, as a restarted runtime has. */
  async open(): Promise<void> {
    await this.page.goto(this.url)
    await this.page.waitForFunction(() => window.keepsakeBench !== undefined)
  }

  /** Runs one bench method in the page and returns its (JSON) result. */
  call<K extends Method>(name: K, ...args: Args<K>): Promise<Out<K>> {
    const work = this.page.evaluate(
      async ([n, a]) => {
        const api = window.keepsakeBench as unknown as Record<string, (...x: unknown[]) => unknown>
        const method = api[n]
        if (!method) throw new Error(`no bench method ${n}`)
        return method(...a)
      },
      [name, args] as [string, unknown[]],
    ) as Promise<Out<K>>
    return within(work, STEP_WITHIN_MS, `bench page ${name}`)
  }
}
