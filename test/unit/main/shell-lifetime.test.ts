import { describe, expect, it } from 'vitest'
import { createPortBroker } from '../../../electron/main/port-broker'
import { createQuitCoordinator } from '../../../electron/main/quit-coordinator'
import { createRuntimeSupervisor } from '../../../electron/main/runtime-supervisor'
import { createUiWindows } from '../../../electron/main/ui-windows'
import {
  fakeChannels,
  fakeRuntimeFactory,
  fakeUiFactory,
  manualTimers,
  type FakePort,
} from './fake-windows'

/** The main process's lifetime pieces wired as in electron/main/index.ts, with fake windows. */
const shell = () => {
  const runtimes = fakeRuntimeFactory()
  const uis = fakeUiFactory()
  const timers = manualTimers()
  let quits = 0
  let lastClosed = 0
  const broker = createPortBroker<FakePort>(fakeChannels().create)
  const supervisor = createRuntimeSupervisor({
    open: runtimes.open,
    onReady: (runtime) => broker.runtimeReady(runtime),
    onGone: () => broker.runtimeGone(),
    onGiveUp: () => undefined,
    now: () => 0,
    wait: timers.wait,
  })
  const windows = createUiWindows({
    open: uis.open,
    broker,
    onLastClosed: () => {
      lastClosed += 1
    },
  })
  const quit = createQuitCoordinator({
    shutdown: () => supervisor.stop(5_000),
    quit: () => {
      quits += 1
    },
    logError: () => undefined,
  })
  return {
    supervisor,
    windows,
    quit,
    timers,
    runtimes: runtimes.opened,
    uis: uis.opened,
    quits: () => quits,
    lastClosed: () => lastClosed,
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('the runtime lifetime, independent of UI windows', () => {
  it('keeps the runtime running when the only UI window closes and connects a reopened one', () => {
    const s = shell()
    s.supervisor.start()
    s.windows.open()
    const [runtime] = s.runtimes
    const [first] = s.uis
    runtime?.events.loaded()
    first?.events.loaded()
    expect(first?.ports).toHaveLength(1)

    first?.events.closed()
    expect(s.lastClosed()).toBe(1)
    expect(runtime?.destroyed).toBe(false)
    expect(s.supervisor.state()).toBe('ready')

    s.windows.open()
    const reopened = s.uis[1]
    reopened?.events.loaded()
    expect(s.runtimes).toHaveLength(1)
    expect(reopened?.ports).toHaveLength(1)
    expect(runtime?.connects.map((c) => c.windowId)).toEqual([first?.id, reopened?.id])
  })

  it('restarts a crashed runtime and gives every UI window a new port to it', () => {
    const s = shell()
    s.supervisor.start()
    s.windows.open()
    s.windows.open()
    s.runtimes[0]?.events.loaded()
    for (const ui of s.uis) ui.events.loaded()

    s.runtimes[0]?.events.gone('crashed')
    const restarted = s.runtimes[1]
    restarted?.events.loaded()
    for (const ui of s.uis) expect(ui.ports).toHaveLength(2)
    expect(restarted?.connects.map((c) => c.windowId)).toEqual(s.uis.map((ui) => ui.id))
  })

  it('gives a reloaded UI page a new port and tells the runtime which window it replaces', () => {
    const s = shell()
    s.supervisor.start()
    s.windows.open()
    s.runtimes[0]?.events.loaded()
    const ui = s.uis[0]
    ui?.events.loaded()
    ui?.events.loaded()
    expect(ui?.ports).toEqual(['c1.port2', 'c2.port2'])
    expect(s.runtimes[0]?.connects).toEqual([
      { windowId: ui?.id, port: 'c1.port1' },
      { windowId: ui?.id, port: 'c2.port1' },
    ])
  })

  it('on quit asks the runtime to flush and quits once it answered', async () => {
    const s = shell()
    s.supervisor.start()
    const runtime = s.runtimes[0]
    runtime?.events.loaded()
    const event = { preventDefault: () => undefined }
    s.quit.beforeQuit(event)
    expect(runtime?.flushRequests).toBe(1)
    expect(s.quits()).toBe(0)
    if (runtime !== undefined) s.supervisor.flushed(runtime.id)
    await settle()
    expect(s.quits()).toBe(1)
    expect(runtime?.destroyed).toBe(true)
  })

  it('on quit does not wait forever for a runtime that never answers', async () => {
    const s = shell()
    s.supervisor.start()
    s.runtimes[0]?.events.loaded()
    s.quit.beforeQuit({ preventDefault: () => undefined })
    await settle()
    expect(s.quits()).toBe(0)
    s.timers.fireAll()
    await settle()
    expect(s.quits()).toBe(1)
    expect(s.runtimes).toHaveLength(1)
  })
})
