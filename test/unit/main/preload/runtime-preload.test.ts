import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeepsakeRuntimeApi } from '../../../../shared/preload-api'
import { fakePreloadWorld, type PreloadWorld } from './fake-preload-world'

let world: PreloadWorld
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => world.expose(key, api) },
  ipcRenderer: {
    on: (channel: string, listener: (...args: unknown[]) => void) => world.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      world.off(channel, listener),
    invoke: (channel: string, ...args: unknown[]) => world.invoke(channel, args),
    send: (channel: string, ...args: unknown[]) => world.send(channel, args),
  },
}))

beforeEach(async () => {
  world = fakePreloadWorld()
  vi.resetModules()
  await import('../../../../electron/preload/runtime')
})
afterEach(() => {
  world.restore()
})

const api = (): KeepsakeRuntimeApi => world.exposed('keepsake') as KeepsakeRuntimeApi

describe('the runtime preload', () => {
  it('hands each UI window’s port to the runtime page with the window id', () => {
    world.emit('runtime:connect', { ports: ['port-b'] }, { windowId: 7 })
    expect(world.posted).toEqual([
      {
        message: { type: 'keepsake:runtime-connect', windowId: 7 },
        origin: 'keepsake://app',
        transfer: ['port-b'],
      },
    ])
  })

  it('relays flush requests and the flushed answer', () => {
    let requests = 0
    const off = api().onFlushRequest(() => {
      requests += 1
    })
    world.emit('runtime:flush', { ports: [] }, null)
    off()
    world.emit('runtime:flush', { ports: [] }, null)
    api().flushed()
    expect(requests).toBe(1)
    expect(world.sent).toEqual([{ channel: 'runtime:flushed', args: [] }])
    expect(api().host).toBe('electron')
  })
})
