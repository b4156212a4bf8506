import { contextBridge, ipcRenderer } from 'electron'
import { version } from '../../package.json'
import type {
  KeepsakeUiApi,
  MenuCommand,
  RUNTIME_PORT_MESSAGE,
  UiEventChannels,
  UiInvokeChannels,
} from '../../shared/preload-api'

// The sandboxed preload sees the page's window through the isolated world; only what it uses is
// declared, so the Node-side tsconfig stays free of DOM globals.
declare const window: {
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void
  location: { origin: string }
}

// Channel names are checked against shared/preload-api.ts; values are not imported because a
// sandboxed preload cannot load shared chunks.
const runtimePort: keyof UiEventChannels = 'runtime:port'
const menu: keyof UiEventChannels = 'ui:menu'
const portMessage: { type: typeof RUNTIME_PORT_MESSAGE } = { type: 'keepsake:runtime-port' }

const invoke = <K extends keyof UiInvokeChannels>(
  channel: K,
  ...args: UiInvokeChannels[K]['args']
): Promise<UiInvokeChannels[K]['result']> => ipcRenderer.invoke(channel, ...args)

// A new port after every runtime restart or reload; handed to the page with the port transferred.
ipcRenderer.on(runtimePort, (event) => {
  window.postMessage(portMessage, window.location.origin, event.ports)
})

const api = {
  host: 'electron',
  version,
  openExternal: (url) => invoke('shell:open-external', url),
  saveFile: (suggestedName, bytes) => invoke('dialog:save', suggestedName, bytes),
  openFile: () => invoke('dialog:open'),
  onMenuCommand: (listener) => {
    // The IPC event is not passed on: it would hand the page a reference to ipcRenderer.
    const forward = (_event: unknown, command: MenuCommand): void => listener(command)
    ipcRenderer.on(menu, forward)
    return () => {
      ipcRenderer.removeListener(menu, forward)
    }
  },
} satisfies KeepsakeUiApi

contextBridge.exposeInMainWorld('keepsake', api)
