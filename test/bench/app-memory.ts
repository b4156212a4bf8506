import { readFileSync } from 'node:fs'
import WebSocket from 'ws'
import type { BrowserProcess } from '../support/browser-process'

/** The peaks one sampling saw, each above what was held when it started (bytes). */
export interface MemoryPeaks {
  /**
   * JavaScript memory of the app's page and of the runtime's SharedWorker, summed: V8 heap in use
   * plus ArrayBuffer backing stores (the bytes of files and Yjs updates live there), as CDP's
   * `Runtime.getHeapUsage` reports them. Garbage not yet collected counts: it is held.
   */
  js: number
  /** Resident memory of Chromium's renderer processes (the page's and the worker's), summed. */
  renderers: number
  /** Resident memory of every Chromium process (browser, GPU, storage and network services too). */
  all: number
  /** How many JS samples were answered (a worker busy in one long task answers late). */
  jsSamples: number
  /**
   * The runtime worker's V8 heap in use at its peak: the largest figure V8 reported just before
   * any of its collections (Chromium's `MinorGC` / `MajorGC` trace events) or at the end, above
   * what was live at the start. Nothing is sampled, so no peak falls between samples; ArrayBuffer
   * backing stores are not in it.
   */
  workerHeap: number
  /** How many collections the worker made during the work. */
  collections: number
}

interface Target {
  type: string
  url: string
  webSocketDebuggerUrl?: string
}

/**
 * One CDP connection to a target; `ask` sends a command and resolves with its result, `on` hears
 * an event.
 */
class TargetSession {
  private next = 1
  private readonly waiting = new Map<number, (result: unknown) => void>()
  private readonly listeners = new Map<string, (params: unknown) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as {
        id?: number
        result?: unknown
        method?: string
        params?: unknown
      }
      if (reply.id === undefined) {
        if (reply.method) this.listeners.get(reply.method)?.(reply.params)
        return
      }
      this.waiting.get(reply.id)?.(reply.result ?? null)
      this.waiting.delete(reply.id)
    })
  }

  on<T>(method: string, listener: (params: T) => void): void {
    this.listeners.set(method, (p) => listener(p as T))
  }

  static open(url: string): Promise<TargetSession> {
    return new Promise((done, fail) => {
      const socket = new WebSocket(url, { perMessageDeflate: false })
      socket.once('open', () => done(new TargetSession(socket)))
      socket.once('error', fail)
    })
  }

  ask<T>(method: string, params: object = {}): Promise<T> {
    const id = this.next++
    return new Promise((done) => {
      this.waiting.set(id, (r) => done(r as T))
      this.socket.send(JSON.stringify({ id, method, params }))
    })
  }

  close(): void {
    this.socket.close()
  }
}

interface HeapUsage {
  usedSize: number
  backingStorageSize?: number
}

/** The parts of a Chromium trace event this file reads. */
interface TraceEvent {
  name: string
  pid: number
  tid: number
  args?: { name?: string; usedHeapSizeBefore?: number }
}

/** Where Chromium runs a SharedWorker's JavaScript, as its trace names the thread. */
const WORKER_THREAD = 'SharedWorker thread'

/**
 * Records V8's collections in every Chromium process while `work` runs (the `v8` trace category:
 * `MinorGC` and `MajorGC` events carry the heap in use before each), through a DevTools
 * connection to the browser; resolves with the work's result and the worker threads' events.
 */
async function traceCollections<T>(
  devtoolsUrl: string,
  work: () => Promise<T>,
): Promise<{ result: T; collections: number[] }> {
  const tracer = await TargetSession.open(devtoolsUrl)
  try {
    const events: TraceEvent[] = []
    tracer.on<{ value: TraceEvent[] }>('Tracing.dataCollected', ({ value }) => {
      for (const e of value)
        if (e.name === 'MinorGC' || e.name === 'MajorGC' || e.name === 'thread_name') events.push(e)
    })
    const complete = new Promise<void>((done) => tracer.on('Tracing.tracingComplete', done))
    await tracer.ask('Tracing.start', { categories: 'v8', transferMode: 'ReportEvents' })
    let result: T
    try {
      result = await work()
    } finally {
      await tracer.ask('Tracing.end')
      await complete
    }
    const workers = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === WORKER_THREAD)
        .map((e) => `${e.pid}:${e.tid}`),
    )
    const collections = events
      .filter((e) => e.name !== 'thread_name' && workers.has(`${e.pid}:${e.tid}`))
      .map((e) => e.args?.usedHeapSizeBefore ?? 0)
    return { result, collections }
  } finally {
    tracer.close()
  }
}

const rssOf = (pid: number): { rss: number; renderer: boolean } => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    return {
      rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024,
      renderer: cmdline.includes('--type=renderer'),
    }
  } catch {
    // The process ended between listing and reading.
    return { rss: 0, renderer: false }
  }
}

/** How to sample: how often, and whether to collect garbage before each JS sample. */
export interface SampleOptions {
  everyMs: number
  /**
   * Force a full collection in the page and the worker before each JS sample, so the JS figure is
   * what is live (held), not what V8 has not collected yet. It slows the work and keeps the heap
   * small, so time and RSS are not read from such a run.
   */
  collect: boolean
  onSample?: (sample: { at: number; js: number | null; renderers: number }) => void
}

/**
 * Samples the app's memory while `work` runs: the JS memory of the page at `appUrl` and of every
 * SharedWorker (through their own DevTools connections, after a forced collection so "before" is
 * what is live), and the resident memory of Chromium's processes; and records the worker's heap
 * before each of its collections (`MemoryPeaks.workerHeap`).
 */
export async function sampleMemory<T>(
  browser: BrowserProcess,
  appUrl: string,
  work: () => Promise<T>,
  { everyMs, collect, onSample }: SampleOptions = { everyMs: 50, collect: false },
): Promise<{ result: T; peaks: MemoryPeaks }> {
  const http = browser.devtoolsUrl.replace(/^ws:\/\/([^/]+)\/.*$/, 'http://$1')
  const targets = (await (await fetch(`${http}/json/list`)).json()) as Target[]
  // By origin: the app's address carries a token the page drops from its URL once loaded.
  const origin = new URL(appUrl).origin
  const watched = targets.filter(
    (t) =>
      t.webSocketDebuggerUrl &&
      (t.type === 'shared_worker' || (t.type === 'page' && t.url.startsWith(origin))),
  )
  for (const type of ['shared_worker', 'page'])
    if (!watched.some((t) => t.type === type))
      throw new Error(`the app's ${type.replace('_', ' ')} is not among the DevTools targets`)
  const sessions = await Promise.all(
    watched.map((t) => TargetSession.open(t.webSocketDebuggerUrl ?? '')),
  )
  const workers = sessions.filter((_, i) => watched[i]?.type === 'shared_worker')
  const workerHeapNow = async (): Promise<number> => {
    const usages = await Promise.all(workers.map((s) => s.ask<HeapUsage>('Runtime.getHeapUsage')))
    return usages.reduce((sum, u) => sum + u.usedSize, 0)
  }
  const jsNow = async (): Promise<number> => {
    if (collect) await Promise.all(sessions.map((s) => s.ask('HeapProfiler.collectGarbage')))
    const usages = await Promise.all(sessions.map((s) => s.ask<HeapUsage>('Runtime.getHeapUsage')))
    return usages.reduce((sum, u) => sum + u.usedSize + (u.backingStorageSize ?? 0), 0)
  }
  const rssNow = (): { renderers: number; all: number } => {
    let renderers = 0
    let all = 0
    for (const pid of browser.pids()) {
      const { rss, renderer } = rssOf(pid)
      all += rss
      if (renderer) renderers += rss
    }
    return { renderers, all }
  }
  try {
    await Promise.all(sessions.map((s) => s.ask('HeapProfiler.collectGarbage')))
    const jsBefore = await jsNow()
    const workerBefore = await workerHeapNow()
    const rssBefore = rssNow()
    let js = jsBefore
    let jsSamples = 0
    let { renderers, all } = rssBefore
    let asking = false
    const sampler = setInterval(() => {
      const r = rssNow()
      renderers = Math.max(renderers, r.renderers)
      all = Math.max(all, r.all)
      const at = performance.now()
      onSample?.({ at, js: null, renderers: r.renderers - rssBefore.renderers })
      if (asking) return
      asking = true
      void jsNow().then((v) => {
        onSample?.({ at, js: v - jsBefore, renderers: r.renderers - rssBefore.renderers })
        js = Math.max(js, v)
        jsSamples++
        asking = false
      })
    }, everyMs)
    let traced: { result: T; collections: number[] }
    try {
      traced = await traceCollections(browser.devtoolsUrl, work)
    } finally {
      clearInterval(sampler)
    }
    const { result, collections } = traced
    const r = rssNow()
    return {
      result,
      peaks: {
        js: Math.max(js, await jsNow()) - jsBefore,
        renderers: Math.max(renderers, r.renderers) - rssBefore.renderers,
        all: Math.max(all, r.all) - rssBefore.all,
        jsSamples,
        workerHeap: Math.max(await workerHeapNow(), ...collections) - workerBefore,
        collections: collections.length,
      },
    }
  } finally {
    for (const s of sessions) s.close()
  }
}
