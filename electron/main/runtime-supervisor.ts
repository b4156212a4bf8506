import type { RuntimeEndpoint } from './port-broker'

/** The hidden runtime window, behind an interface so the supervisor runs under test. */
export interface RuntimeWindow<P> extends RuntimeEndpoint<P> {
  /** Asks the runtime page to flush (`runtime:flush`); it answers with `runtime:flushed`. */
  requestFlush(): void
  /** Closes the window for good; must be safe to call on a window that is already gone. */
  destroy(): void
}

/** What a runtime window reports about itself. Reports from a replaced window are ignored. */
export interface RuntimeWindowEvents {
  /** The runtime page finished loading (`did-finish-load`): ports can be sent. */
  loaded(): void
  /** Its renderer died (`render-process-gone`), its page failed to load, or the window closed. */
  gone(reason: string): void
}

export interface RuntimeSupervisorDeps<P> {
  open(events: RuntimeWindowEvents): RuntimeWindow<P>
  /** Called on every load of a runtime page (first start, restart, reload). */
  onReady(runtime: RuntimeWindow<P>): void
  /** Called whenever the current runtime window goes away. */
  onGone(): void
  /** Called when the runtime crashed more than `maxCrashes` times within `crashWindowMs`. */
  onGiveUp(reason: string): void
  now(): number
  wait(ms: number): Promise<void>
  /** Default 3. */
  maxCrashes?: number
  /** Default 60 000. */
  crashWindowMs?: number
}

export type RuntimeState = 'stopped' | 'starting' | 'ready' | 'stopping' | 'failed'

/** Owns the runtime's lifetime, independent of any UI window. */
export interface RuntimeSupervisor {
  /** Opens the runtime window unless one is already open (also after a give-up). */
  start(): void
  /**
   * Asks the runtime to flush, waits for `flushed` or `timeoutMs`, then closes it. `flushed` is
   * false when it timed out or crashed first. Concurrent calls share one stop.
   */
  stop(timeoutMs: number): Promise<{ flushed: boolean }>
  /** The runtime window `windowId` reported `runtime:flushed`. */
  flushed(windowId: number): void
  state(): RuntimeState
  /** The id of the current runtime window, for IPC sender checks; empty when there is none. */
  windowIds(): ReadonlySet<number>
}

interface Slot<P> {
  window: RuntimeWindow<P>
  ready: boolean
}

/**
 * A supervisor that restarts a crashed runtime at once (every UI window then gets a new port via
 * `onReady`), gives up after repeated crashes, and flushes with a timeout on stop.
 */
export function createRuntimeSupervisor<P>(deps: RuntimeSupervisorDeps<P>): RuntimeSupervisor {
  const maxCrashes = deps.maxCrashes ?? 3
  const crashWindowMs = deps.crashWindowMs ?? 60_000
  let current: Slot<P> | null = null
  let failed = false
  let crashes: number[] = []
  let stopping: { promise: Promise<{ flushed: boolean }>; settle(flushed: boolean): void } | null =
    null

  const launch = (): void => {
    let self: Slot<P> | null = null
    const window = deps.open({
      loaded: () => {
        if (self === null || current !== self) return
        self.ready = true
        deps.onReady(self.window)
      },
      gone: (reason) => {
        if (self === null || current !== self) return
        onGone(self, reason)
      },
    })
    self = { window, ready: false }
    current = self
  }

  const onGone = (slot: Slot<P>, reason: string): void => {
    current = null
    slot.window.destroy()
    deps.onGone()
    if (stopping !== null) {
      stopping.settle(false)
      return
    }
    const now = deps.now()
    crashes = [...crashes.filter((t) => now - t < crashWindowMs), now]
    if (crashes.length > maxCrashes) {
      failed = true
      deps.onGiveUp(reason)
      return
    }
    launch()
  }

  const stop = (slot: Slot<P>, timeoutMs: number): Promise<{ flushed: boolean }> => {
    let settle: (flushed: boolean) => void = () => undefined
    const answered = new Promise<boolean>((resolve) => {
      settle = resolve
    })
    const timedOut = deps.wait(timeoutMs).then(() => false)
    const promise = Promise.race([answered, timedOut]).then((flushed) => {
      if (current === slot) {
        current = null
        slot.window.destroy()
        deps.onGone()
      }
      stopping = null
      return { flushed }
    })
    stopping = { promise, settle }
    slot.window.requestFlush()
    return promise
  }

  return {
    start() {
      if (current !== null) return
      failed = false
      crashes = []
      launch()
    },
    stop(timeoutMs) {
      if (stopping !== null) return stopping.promise
      if (current === null) return Promise.resolve({ flushed: true })
      return stop(current, timeoutMs)
    },
    flushed(windowId) {
      if (stopping !== null && current !== null && current.window.id === windowId) {
        stopping.settle(true)
      }
    },
    state() {
      if (stopping !== null) return 'stopping'
      if (current !== null) return current.ready ? 'ready' : 'starting'
      return failed ? 'failed' : 'stopped'
    },
    windowIds() {
      return new Set(current === null ? [] : [current.window.id])
    },
  }
}
