import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeepsakeUiApi } from '../../../../shared/preload-api'
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
  await import('../../../../electron/preload/ui')
})
afterEach(() => {
  world.restore()
})

const api = (): KeepsakeUiApi => world.exposed('keepsake') as KeepsakeUiApi

describe('the UI preload', () => {
  it('exposes one API object as window.keepsake, saying it is Electron', () => {
    expect(world.exposedKeys()).toEqual(['keepsake'])
    expect(api().host).toBe('electron')
    expect(api().version).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('hands each runtime port to the page, on the page’s own origin only', () => {
    world.emit('runtime:port', { ports: ['port-a'] }, null)
    expect(world.posted).toEqual([
      {
        message: { type: 'keepsake:runtime-port' },
        origin: 'keepsake://app',
        transfer: ['port-a'],
      },
    ])
  })

  it('passes menu commands to the page without the IPC event, and unsubscribes', () => {
    const seen: unknown[] = []
    const off = api().onMenuCommand((command) => seen.push(command))
    world.emit('ui:menu', { ports: [] }, { command: 'export' })
    off()
    world.emit('ui:menu', { ports: [] }, { command: 'import' })
    expect(seen).toEqual([{ command: 'export' }])
  })

  it('invokes the privileged channels with the page’s arguments', async () => {
    await api().openExternal('https://example.com')
    await api().saveFile('a.json', new Uint8Array([1]))
    await api().openFile()
    expect(world.invoked).toEqual([
      { channel: 'shell:open-external', args: ['https://example.com'] },
      { channel: 'dialog:save', args: ['a.json', new Uint8Array([1])] },
      { channel: 'dialog:open', args: [] },
    ])
  })
})
