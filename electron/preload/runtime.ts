import { contextBridge, ipcRenderer } from 'electron'
import type {
  KeepsakeRuntimeApi,
  RUNTIME_CONNECT_MESSAGE,
  RuntimeEventChannels,
  RuntimeSendChannels,
} from '../../shared/preload-api'

// See ui.ts: only the parts of the page's window this preload uses.
declare const window: {
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void
  location: { origin: string }
}

// Channel names are checked against shared/preload-api.ts; values are not imported because a
// sandboxed preload cannot load shared chunks.
const connect: keyof RuntimeEventChannels = 'runtime:connect'
const flush: keyof RuntimeEventChannels = 'runtime:flush'
const flushedChannel: keyof RuntimeSendChannels = 'runtime:flushed'
const connectType: typeof RUNTIME_CONNECT_MESSAGE = 'keepsake:runtime-connect'

// One port per UI window, handed to the page with the port transferred.
ipcRenderer.on(connect, (event, data: RuntimeEventChannels['runtime:connect']) => {
  window.postMessage(
    { type: connectType, windowId: data.windowId },
    window.location.origin,
    event.ports,
  )
})

const api = {
  host: 'electron',
  onFlushRequest: (listener) => {
    const forward = (): void => listener()
    ipcRenderer.on(flush, forward)
    return () => {
      ipcRenderer.removeListener(flush, forward)
    }
  },
  flushed: () => ipcRenderer.send(flushedChannel),
} satisfies KeepsakeRuntimeApi

contextBridge.exposeInMainWorld('keepsake', api)
