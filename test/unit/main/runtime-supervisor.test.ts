import { describe, expect, it } from 'vitest'
import { createRuntimeSupervisor } from '../../../electron/main/runtime-supervisor'
import { fakeRuntimeFactory, manualTimers, type FakeRuntime } from './fake-windows'

const setup = (options: { maxCrashes?: number } = {}) => {
  const factory = fakeRuntimeFactory()
  const timers = manualTimers()
  const ready: number[] = []
  const gaveUp: string[] = []
  let gone = 0
  let now = 0
  const supervisor = createRuntimeSupervisor({
    open: factory.open,
    onReady: (runtime) => ready.push(runtime.id),
    onGone: () => {
      gone += 1
    },
    onGiveUp: (reason) => gaveUp.push(reason),
    now: () => now,
    wait: timers.wait,
    ...options,
  })
  const latest = (): FakeRuntime => {
    const runtime = factory.opened.at(-1)
    if (runtime === undefined) throw new Error('no runtime opened')
    return runtime
  }
  return {
    supervisor,
    factory,
    timers,
    ready,
    gaveUp,
    gone: () => gone,
    latest,
    advance: (ms: number) => {
      now += ms
    },
  }
}

describe('createRuntimeSupervisor', () => {
  it('opens one runtime window and reports it ready once its page loaded', () => {
    const t = setup()
    t.supervisor.start()
    t.supervisor.start()
    expect(t.factory.opened).toHaveLength(1)
    expect(t.supervisor.state()).toBe('starting')
    t.latest().events.loaded()
    expect(t.supervisor.state()).toBe('ready')
    expect(t.ready).toEqual([t.latest().id])
    expect(t.supervisor.windowIds()).toEqual(new Set([t.latest().id]))
  })

  it('restarts a crashed runtime in a new window and reports the new one ready', () => {
    const t = setup()
    t.supervisor.start()
    const first = t.latest()
    first.events.loaded()
    first.events.gone('crashed')
    expect(first.destroyed).toBe(true)
    expect(t.gone()).toBe(1)
    expect(t.factory.opened).toHaveLength(2)
    const second = t.latest()
    expect(t.supervisor.windowIds()).toEqual(new Set([second.id]))
    second.events.loaded()
    expect(t.ready).toEqual([first.id, second.id])
  })

  it('ignores late reports from a window it already replaced', () => {
    const t = setup()
    t.supervisor.start()
    const first = t.latest()
    first.events.gone('crashed')
    first.events.gone('closed')
    first.events.loaded()
    expect(t.factory.opened).toHaveLength(2)
    expect(t.ready).toEqual([])
  })

  it('gives up after more than maxCrashes crashes in a minute, and can be started again', () => {
    const t = setup({ maxCrashes: 2 })
    t.supervisor.start()
    t.latest().events.gone('crashed')
    t.latest().events.gone('crashed')
    expect(t.gaveUp).toEqual([])
    t.latest().events.gone('oom')
    expect(t.gaveUp).toEqual(['oom'])
    expect(t.supervisor.state()).toBe('failed')
    expect(t.factory.opened).toHaveLength(3)

    t.supervisor.start()
    expect(t.factory.opened).toHaveLength(4)
    expect(t.supervisor.state()).toBe('starting')
  })

  it('forgets crashes older than the window', () => {
    const t = setup({ maxCrashes: 1 })
    t.supervisor.start()
    t.latest().events.gone('crashed')
    t.advance(61_000)
    t.latest().events.gone('crashed')
    expect(t.gaveUp).toEqual([])
    expect(t.factory.opened).toHaveLength(3)
  })

  it('on stop asks the runtime to flush and closes it once it answers', async () => {
    const t = setup()
    t.supervisor.start()
    const runtime = t.latest()
    runtime.events.loaded()
    const stopped = t.supervisor.stop(5_000)
    expect(runtime.flushRequests).toBe(1)
    expect(t.timers.pending()).toEqual([5_000])
    expect(t.supervisor.state()).toBe('stopping')
    t.supervisor.flushed(runtime.id)
    await expect(stopped).resolves.toEqual({ flushed: true })
    expect(runtime.destroyed).toBe(true)
    expect(t.supervisor.state()).toBe('stopped')
    expect(t.factory.opened).toHaveLength(1)
  })

  it('on stop gives up waiting at the timeout and closes the runtime anyway', async () => {
    const t = setup()
    t.supervisor.start()
    const runtime = t.latest()
    const stopped = t.supervisor.stop(5_000)
    t.timers.fireAll()
    await expect(stopped).resolves.toEqual({ flushed: false })
    expect(runtime.destroyed).toBe(true)
  })

  it('does not restart a runtime that crashes while stopping', async () => {
    const t = setup()
    t.supervisor.start()
    const stopped = t.supervisor.stop(5_000)
    t.latest().events.gone('crashed')
    await expect(stopped).resolves.toEqual({ flushed: false })
    expect(t.factory.opened).toHaveLength(1)
    expect(t.supervisor.state()).toBe('stopped')
  })

  it('shares one stop between callers and ignores a flush from another window', async () => {
    const t = setup()
    t.supervisor.start()
    const runtime = t.latest()
    const first = t.supervisor.stop(5_000)
    const second = t.supervisor.stop(5_000)
    expect(runtime.flushRequests).toBe(1)
    t.supervisor.flushed(runtime.id + 1000)
    t.supervisor.flushed(runtime.id)
    await expect(first).resolves.toEqual({ flushed: true })
    await expect(second).resolves.toEqual({ flushed: true })
  })

  it('stopping with no runtime resolves at once', async () => {
    const t = setup()
    await expect(t.supervisor.stop(5_000)).resolves.toEqual({ flushed: true })
  })
})
