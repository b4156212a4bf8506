import { BrowserWindow, MessageChannelMain, type MessagePortMain } from 'electron'
import type { MenuCommand, RuntimeEventChannels, UiEventChannels } from '../../shared/preload-api'
import { appUrl } from '../services/app-url'
import type { PortChannel } from './port-broker'
import { webPreferencesFor } from './policy/web-preferences'
import type { RuntimeWindow, RuntimeWindowEvents } from './runtime-supervisor'
import type { UiWindow, UiWindowEvents } from './ui-windows'

const connectChannel: keyof RuntimeEventChannels = 'runtime:connect'
const flushChannel: keyof RuntimeEventChannels = 'runtime:flush'
const portChannel: keyof UiEventChannels = 'runtime:port'
const menuChannel: keyof UiEventChannels = 'ui:menu'
// ERR_ABORTED: a load replaced by another one, not a failure.
const ABORTED = -3

/** A fresh `MessageChannelMain`. */
export function createMessageChannel(): PortChannel<MessagePortMain> {
  const { port1, port2 } = new MessageChannelMain()
  return { port1, port2 }
}

/**
 * Opens the hidden runtime window (`show: false`, never in the taskbar) on `keepsake://app/runtime.html`
 * with the runtime preload, reporting load, crash, load failure and close to `events`.
 */
export function openRuntimeWindow(
  preloadDir: string,
  events: RuntimeWindowEvents,
): RuntimeWindow<MessagePortMain> {
  const win = new BrowserWindow({
    show: false,
    skipTaskbar: true,
    title: 'Keepsake runtime',
    webPreferences: webPreferencesFor('runtime', preloadDir),
  })
  const id = win.id
  const contents = win.webContents
  contents.on('did-finish-load', () => events.loaded())
  contents.on('render-process-gone', (_event, details) => events.gone(details.reason))
  contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (isMainFrame && code !== ABORTED) events.gone(`load failed: ${description} (${code})`)
  })
  win.on('closed', () => events.gone('closed'))
  // A failed load is reported by did-fail-load above.
  win.loadURL(appUrl('runtime.html')).catch(() => undefined)
  return {
    id,
    connect(windowId, port) {
      if (contents.isDestroyed()) return port.close()
      contents.postMessage(
        connectChannel,
        { windowId } satisfies RuntimeEventChannels['runtime:connect'],
        [port],
      )
    },
    requestFlush() {
      if (!contents.isDestroyed()) contents.send(flushChannel)
    },
    destroy() {
      if (!win.isDestroyed()) win.destroy()
    },
  }
}

/**
 * Opens a UI window on `keepsake://app/index.html` with the UI preload; it shows once painted. A
 * crashed UI renderer is reloaded (and so gets a new runtime port).
 */
export function openUiWindow(
  preloadDir: string,
  events: UiWindowEvents,
): UiWindow<MessagePortMain> {
  const win = new BrowserWindow({
    width: 1120,
    height: 780,
    minWidth: 560,
    minHeight: 420,
    show: false,
    title: 'Keepsake',
    webPreferences: webPreferencesFor('ui', preloadDir),
  })
  const id = win.id
  const contents = win.webContents
  win.once('ready-to-show', () => win.show())
  // A page that failed to load never becomes ready-to-show; show Chromium's error page instead.
  contents.on('did-fail-load', (_event, code, _description, _url, isMainFrame) => {
    if (isMainFrame && code !== ABORTED && !win.isDestroyed()) win.show()
  })
  contents.on('did-finish-load', () => events.loaded())
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload()
  })
  win.on('focus', () => events.focused())
  win.on('closed', () => events.closed())
  win.loadURL(appUrl('index.html')).catch(() => undefined)
  return {
    id,
    receivePort(port) {
      if (contents.isDestroyed()) return port.close()
      contents.postMessage(portChannel, null satisfies UiEventChannels['runtime:port'], [port])
    },
    sendMenuCommand(command: MenuCommand) {
      if (!contents.isDestroyed()) contents.send(menuChannel, command)
    },
    focus() {
      if (win.isDestroyed()) return
      if (win.isMinimized()) win.restore()
      win.show()
      win.focus()
    },
  }
}
