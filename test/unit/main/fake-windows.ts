import type { MenuCommand } from '../../../shared/preload-api'
import type { PortChannel } from '../../../electron/main/port-broker'
import type { RuntimeWindow, RuntimeWindowEvents } from '../../../electron/main/runtime-supervisor'
import type { UiWindow, UiWindowEvents } from '../../../electron/main/ui-windows'

/** A port is just a label here: `c3.port1` is the runtime end of the third channel. */
export type FakePort = string

/** Hands out numbered channels, like `new MessageChannelMain()`. */
export function fakeChannels(): { create(): PortChannel<FakePort>; count(): number } {
  let n = 0
  return {
    create() {
      n += 1
      return { port1: `c${n}.port1`, port2: `c${n}.port2` }
    },
    count: () => n,
  }
}

/** A hidden runtime window whose page events the test fires by hand. */
export interface FakeRuntime extends RuntimeWindow<FakePort> {
  events: RuntimeWindowEvents
  connects: { windowId: number; port: FakePort }[]
  flushRequests: number
  destroyed: boolean
}

/** A UI window whose page events the test fires by hand. */
export interface FakeUi extends UiWindow<FakePort> {
  events: UiWindowEvents
  ports: FakePort[]
  commands: MenuCommand[]
  focusCount: number
}

let nextId = 1

export function fakeRuntimeFactory(): {
  open(events: RuntimeWindowEvents): FakeRuntime
  opened: FakeRuntime[]
} {
  const opened: FakeRuntime[] = []
  return {
    opened,
    open(events) {
      const runtime: FakeRuntime = {
        id: nextId++,
        events,
        connects: [],
        flushRequests: 0,
        destroyed: false,
        connect(windowId, port) {
          runtime.connects.push({ windowId, port })
        },
        requestFlush() {
          runtime.flushRequests += 1
        },
        destroy() {
          runtime.destroyed = true
        },
      }
      opened.push(runtime)
      return runtime
    },
  }
}

export function fakeUiFactory(): { open(events: UiWindowEvents): FakeUi; opened: FakeUi[] } {
  const opened: FakeUi[] = []
  return {
    opened,
    open(events) {
      const ui: FakeUi = {
        id: nextId++,
        events,
        ports: [],
        commands: [],
        focusCount: 0,
        receivePort(port) {
          ui.ports.push(port)
        },
        sendMenuCommand(command) {
          ui.commands.push(command)
        },
        focus() {
          ui.focusCount += 1
        },
      }
      opened.push(ui)
      return ui
    },
  }
}

/** A `wait` whose timers the test fires by hand, so no test depends on the clock. */
export function manualTimers(): {
  wait(ms: number): Promise<void>
  fireAll(): void
  pending(): number[]
} {
  const timers: { ms: number; fire(): void }[] = []
  return {
    wait: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ ms, fire: resolve })
      }),
    fireAll() {
      for (const timer of timers.splice(0)) timer.fire()
    },
    pending: () => timers.map((t) => t.ms),
  }
}
