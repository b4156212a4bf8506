import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/errors'
import {
  registerIpc,
  type IpcEventLike,
  type IpcMainLike,
} from '../../../../electron/main/ipc/register-ipc'
import type { UiInvokeHandlers } from '../../../../electron/main/ipc/ui-invoke-handlers'

interface Sender {
  windowId: number | null
}
type Listener = (event: IpcEventLike<Sender>, ...args: unknown[]) => unknown

const fakeIpc = () => {
  const handles = new Map<string, Listener>()
  const ons = new Map<string, Listener>()
  const ipc: IpcMainLike<Sender> = {
    handle: (channel, listener) => {
      handles.set(channel, listener)
    },
    on: (channel, listener) => {
      ons.set(channel, listener)
    },
  }
  return { ipc, handles, ons }
}

const event = (
  windowId: number | null,
  url = 'keepsake://app/index.html',
  parent: unknown = null,
): IpcEventLike<Sender> => ({
  senderFrame: { url, parent },
  sender: { windowId },
})

const setup = () => {
  const { ipc, handles, ons } = fakeIpc()
  const calls: { channel: string; ownerId: number; args: readonly unknown[] }[] = []
  const flushed: number[] = []
  const warnings: string[] = []
  const handlers: UiInvokeHandlers = {
    'shell:open-external': async (ownerId, args) => {
      calls.push({ channel: 'shell:open-external', ownerId, args })
      return ok(undefined)
    },
    'dialog:save': async (ownerId, args) => {
      calls.push({ channel: 'dialog:save', ownerId, args })
      return ok({ name: 'a' })
    },
    'dialog:open': async (ownerId, args) => {
      calls.push({ channel: 'dialog:open', ownerId, args })
      return ok({ name: 'a', bytes: new Uint8Array() })
    },
  }
  registerIpc(ipc, {
    windowIdOf: (sender) => sender.windowId,
    uiWindowIds: () => new Set([1, 2]),
    runtimeWindowIds: () => new Set([9]),
    handlers,
    onFlushed: (id) => flushed.push(id),
    warn: (message) => warnings.push(message),
  })
  const invoke = (channel: string, e: IpcEventLike<Sender>, ...args: unknown[]) => {
    const listener = handles.get(channel)
    if (listener === undefined) throw new Error(`${channel} is not registered`)
    return listener(e, ...args)
  }
  const send = (channel: string, e: IpcEventLike<Sender>) => ons.get(channel)?.(e)
  return { invoke, send, calls, flushed, warnings, handles }
}

describe('registerIpc', () => {
  it('registers every UI channel', () => {
    expect([...setup().handles.keys()].sort()).toEqual([
      'dialog:open',
      'dialog:save',
      'shell:open-external',
    ])
  })

  it('runs a UI call from the top frame of a UI window, for that window', async () => {
    const t = setup()
    await expect(t.invoke('dialog:save', event(2), 'a.json', new Uint8Array(1))).resolves.toEqual(
      ok({ name: 'a' }),
    )
    expect(t.calls).toEqual([
      { channel: 'dialog:save', ownerId: 2, args: ['a.json', new Uint8Array(1)] },
    ])
  })

  it.each([
    ['an iframe', event(1, 'keepsake://app/index.html', { url: 'keepsake://app/index.html' })],
    ['a foreign page', event(1, 'https://example.com/')],
    ['the runtime window', event(9, 'keepsake://app/runtime.html')],
    ['an unknown window', event(null)],
    ['a frame that is gone', { senderFrame: null, sender: { windowId: 1 } }],
  ])('refuses a UI call from %s', async (_name, e) => {
    const t = setup()
    const result = await t.invoke('shell:open-external', e, 'https://example.com')
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(t.calls).toEqual([])
    expect(t.warnings).toHaveLength(1)
  })

  it('accepts runtime:flushed only from the runtime window', () => {
    const t = setup()
    t.send('runtime:flushed', event(1))
    t.send('runtime:flushed', event(9, 'https://example.com/'))
    t.send('runtime:flushed', event(9, 'keepsake://app/runtime.html'))
    expect(t.flushed).toEqual([9])
    expect(t.warnings).toHaveLength(2)
  })
})
