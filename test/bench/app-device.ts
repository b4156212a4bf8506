import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { APP_JS_FLAGS } from '../../electron/main/js-flags'
import { launchBrowser, type BrowserProcess } from '../support/browser-process'
import { startHost, type HostProcess } from '../support/host-process'
import { CHUNK_BYTES, putPageFile } from './page-files'

/** A runtime answer as plain data. */
export interface Answer<T = unknown> {
  ok: boolean
  value?: T
  error?: { code: string; message: string }
}

/** A runtime answer that takes longer than this is reported as a failure, not waited for forever. */
const ANSWER_WITHIN_MS = 15 * 60_000

/** `work`, or an error naming `what` once `ms` have passed. */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)),
      ms,
    )
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

/**
 * The real app: the browser host as built (`out/main/host.js`) and Chromium on its own profile
 * with the V8 flags Electron gives its renderers (`APP_JS_FLAGS`),
 * driven through the page's `window.keepsakeClient` (the UI's own typed client) and its UI.
 */
export class AppDevice {
  private constructor(
    readonly host: HostProcess,
    readonly browser: BrowserProcess,
  ) {}

  static async start(): Promise<AppDevice> {
    const profile = await mkdtemp(join(tmpdir(), 'keepsake-bench-app-'))
    const host = await startHost()
    // The renderers' V8 flags as Electron's main process sets them, so this is the app as it runs.
    const browser = await launchBrowser(profile, [`--js-flags=${APP_JS_FLAGS}`])
    const device = new AppDevice(host, browser)
    await device.reload()
    return device
  }

  get page(): Page {
    return this.browser.page
  }

  /** Loads the app and waits until its client answers. */
  async reload(): Promise<void> {
    await this.page.goto(this.host.url)
    await this.page.waitForFunction(() => 'keepsakeClient' in window, undefined, {
      timeout: 60_000,
    })
    await this.request('app.status', {})
  }

  /** One request through the UI's client. */
  request<T = unknown>(name: string, input: unknown): Promise<Answer<T>> {
    return within(this.rawRequest<T>(name, input), ANSWER_WITHIN_MS, name)
  }

  private rawRequest<T>(name: string, input: unknown): Promise<Answer<T>> {
    return this.page.evaluate(
      async ([n, i]) => {
        type Client = { request(name: string, input: unknown): Promise<Answer> }
        const client = (window as unknown as { keepsakeClient: Client }).keepsakeClient
        return client.request(n, i)
      },
      [name, input] as const,
    ) as Promise<Answer<T>>
  }

  /** Puts `bytes` in the page as `window.benchFiles[key]`, in chunks. */
  putFile(key: string, bytes: Uint8Array): Promise<void> {
    return putPageFile(this.page, key, bytes)
  }

  /** Reads `window.benchFiles[key]` back into Node, in chunks. */
  async getFile(key: string): Promise<Uint8Array> {
    const size = await this.page.evaluate(
      (k) =>
        (window as unknown as { benchFiles: Record<string, Uint8Array> }).benchFiles[k]?.length ??
        0,
      key,
    )
    const parts: Buffer[] = []
    for (let at = 0; at < size; at += CHUNK_BYTES) {
      const b64 = await this.page.evaluate(
        ([k, from, to]) => {
          const bytes = (window as unknown as { benchFiles: Record<string, Uint8Array> })
            .benchFiles[k]
          const slice = bytes?.subarray(from, to) ?? new Uint8Array(0)
          let s = ''
          for (let i = 0; i < slice.length; i += 0x8000)
            s += String.fromCharCode(...slice.subarray(i, i + 0x8000))
          return btoa(s)
        },
        [key, at, at + CHUNK_BYTES] as const,
      )
      parts.push(Buffer.from(b64, 'base64'))
    }
    return new Uint8Array(Buffer.concat(parts))
  }

  /**
   * Imports `window.benchFiles[key]`; timed in the page from the request to its answer. With
   * `watch`, also the UI page's main-thread tasks over 50 ms (PerformanceObserver 'longtask') from
   * the request until 2 s after the answer, while the windows take in what the import told them.
   */
  importFile(
    key: string,
    fileName: string,
    mode: 'new-space' | 'merge' | 'replace',
    watch = false,
  ): Promise<{ ms: number; answer: Answer; longTasks: number[] }> {
    const work = this.page.evaluate(
      async ([k, name, m, w8]) => {
        type Client = { request(name: string, input: unknown): Promise<Answer> }
        const w = window as unknown as {
          keepsakeClient: Client
          benchFiles: Record<string, Uint8Array>
        }
        const longTasks: number[] = []
        const observer = w8
          ? new PerformanceObserver((list) => {
              for (const e of list.getEntries()) longTasks.push(e.duration)
            })
          : null
        observer?.observe({ type: 'longtask' })
        const bytes = w.benchFiles[k]
        const t = performance.now()
        const answer = await w.keepsakeClient.request('files.import', {
          fileName: name,
          bytes,
          mode: m,
        })
        const ms = performance.now() - t
        if (observer) {
          await new Promise((resolve) => setTimeout(resolve, 2000))
          for (const e of observer.takeRecords()) longTasks.push(e.duration)
          observer.disconnect()
        }
        return { ms, answer, longTasks }
      },
      [key, fileName, mode, watch] as const,
    )
    return within(work, ANSWER_WITHIN_MS, `files.import of ${fileName}`)
  }

  /** Exports the open space into `window.benchFiles[key]`; timed in the page. */
  exportSpace(
    key: string,
    encoding: 'json' | 'msgpack',
  ): Promise<{ ms: number; size: number; answer: Answer }> {
    const work = this.page.evaluate(
      async ([k, e]) => {
        type Client = {
          request(name: string, input: unknown): Promise<Answer<{ bytes: Uint8Array }>>
        }
        const w = window as unknown as {
          keepsakeClient: Client
          benchFiles?: Record<string, Uint8Array>
        }
        const t = performance.now()
        const answer = await w.keepsakeClient.request('files.export', {
          scope: 'space',
          encoding: e,
        })
        const ms = performance.now() - t
        const bytes = answer.value?.bytes
        if (bytes) w.benchFiles = { ...w.benchFiles, [k]: bytes }
        return { ms, size: bytes?.length ?? 0, answer: { ok: answer.ok, error: answer.error } }
      },
      [key, encoding] as const,
    )
    return within(work, ANSWER_WITHIN_MS, `files.export as ${encoding}`)
  }

  /** Deletes the databases of every space of this profile except the open one. */
  async dropOtherSpaces(): Promise<void> {
    const listing = await this.request<{ spaces: { id: string }[]; activeId: string | null }>(
      'spaces.list',
      {},
    )
    const others = (listing.value?.spaces ?? [])
      .map((s) => s.id)
      .filter((id) => id !== listing.value?.activeId)
    await this.page.evaluate(async (ids) => {
      for (const id of ids) {
        await new Promise((done) => {
          const r = indexedDB.deleteDatabase(`keepsake-space-${id}`)
          r.onsuccess = r.onerror = r.onblocked = () => done(null)
        })
      }
    }, others)
  }

  async close(): Promise<void> {
    await this.browser.close()
    await this.host.stop()
  }
}
