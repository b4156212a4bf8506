import { describe, expect, it } from 'vitest'
import { createQuitCoordinator } from '../../../electron/main/quit-coordinator'

const quitEvent = () => {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

const setup = () => {
  let finish: (ok: boolean) => void = () => undefined
  let shutdowns = 0
  let quits = 0
  const errors: string[] = []
  const coordinator = createQuitCoordinator({
    shutdown: () => {
      shutdowns += 1
      return new Promise((resolve, reject) => {
        finish = (ok) => (ok ? resolve(undefined) : reject(new Error('boom')))
      })
    },
    quit: () => {
      quits += 1
    },
    logError: (message) => errors.push(message),
  })
  return {
    coordinator,
    finish: (ok: boolean) => finish(ok),
    shutdowns: () => shutdowns,
    quits: () => quits,
    errors,
  }
}

describe('createQuitCoordinator', () => {
  it('holds the quit until the runtime flushed, then quits for real', async () => {
    const t = setup()
    const first = quitEvent()
    t.coordinator.beforeQuit(first)
    expect(first.prevented).toBe(true)
    expect(t.shutdowns()).toBe(1)

    const impatient = quitEvent()
    t.coordinator.beforeQuit(impatient)
    expect(impatient.prevented).toBe(true)
    expect(t.shutdowns()).toBe(1)

    t.finish(true)
    await Promise.resolve()
    await Promise.resolve()
    expect(t.quits()).toBe(1)
    const last = quitEvent()
    t.coordinator.beforeQuit(last)
    expect(last.prevented).toBe(false)
  })

  it('still quits when the shutdown fails', async () => {
    const t = setup()
    t.coordinator.beforeQuit(quitEvent())
    t.finish(false)
    await new Promise((resolve) => setImmediate(resolve))
    expect(t.quits()).toBe(1)
    expect(t.errors).toHaveLength(1)
  })
})
