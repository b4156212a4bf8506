import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron'
import type { MenuCommand } from '../../shared/preload-api'
import { DEFAULT_RELAY_PORT } from '../relay/relay-options'
import { startRelay } from '../relay/relay'
import { createHostApi } from '../services/host-api'
import { createElectronSecretStore } from '../services/secret-store.electron'
import { appMenuTemplate, dockMenuTemplate } from './app-menu'
import { createAppProtocolHandler } from './app-protocol'
import { APP_ORIGIN, APP_SCHEME } from '../services/app-url'
import { findDeepLink, parseDeepLink } from './deep-link'
import { createMessageChannel, openRuntimeWindow, openUiWindow } from './electron-windows'
import { createFileDialogs } from './file-dialogs'
import { hardenContents, hardenSession } from './harden'
import { createUiInvokeHandlers } from './ipc/ui-invoke-handlers'
import { registerIpc } from './ipc/register-ipc'
import { lanAddress } from '../services/lan-address'
import { readLaunchEnv } from './launch-env'
import { isSafeExternalUrl } from './policy/is-safe-external-url'
import { createPortBroker } from './port-broker'
import { createQuitCoordinator } from './quit-coordinator'
import { createRelayControl } from '../services/relay-control'
import { openRelayAllowList } from '../services/relay-allow-list'
import { contentSecurityPolicy } from '../services/content-security-policy'
import { createRuntimeSupervisor } from './runtime-supervisor'
import { createUiWindows, type UiWindows } from './ui-windows'
import { APP_JS_FLAGS } from './js-flags'

const APP_NAME = 'Keepsake'

/** How long quitting waits for the runtime to report that its writes are flushed. */
const FLUSH_TIMEOUT_MS = 5_000

const outDir = join(import.meta.dirname, '..')
const preloadDir = join(outDir, 'preload')
const rendererDir = join(outDir, 'renderer')

const log = (message: string, cause?: unknown): void => {
  console.error(`[keepsake] ${message}`, ...(cause === undefined ? [] : [cause]))
}

// Must happen before `ready`: a standard, secure scheme gets an origin, fetch and streaming, and
// replaces file:// (which would give every page the whole disk).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
])

// Every renderer is sandboxed even if some future window forgets `sandbox: true`.
app.enableSandbox()
// Renderers (the runtime's background context among them) keep a small young generation.
app.commandLine.appendSwitch('js-flags', APP_JS_FLAGS)
// Fixes the profile directory name (`userData`) to "Keepsake" in development and packaged builds.
app.setName(APP_NAME)

const env = readLaunchEnv(process.env)
if (!env.ok) {
  log(`Invalid environment: ${env.error.message}`)
  app.exit(2)
} else {
  if (env.value.KEEPSAKE_USER_DATA_DIR !== undefined) {
    app.setPath('userData', env.value.KEEPSAKE_USER_DATA_DIR)
  }
  // One process per profile: a second launch hands its deep link to the first and exits, so two
  // instances never write the same IndexedDB.
  if (app.requestSingleInstanceLock()) run()
  else app.quit()
}

function run(): void {
  let windows: UiWindows<unknown> | null = null
  const pendingLinks: string[] = []

  const openLink = (link: string): void => {
    if (windows === null) {
      pendingLinks.push(link)
      return
    }
    const command = parseDeepLink(link)
    if (command.ok) windows.deliver(command.value)
    else {
      log(`Ignored deep link: ${command.error.message}`)
      windows.focusOrOpen()
    }
  }

  const openExternal = (url: string): void => {
    if (!isSafeExternalUrl(url)) return
    shell.openExternal(url).catch((cause: unknown) => log(`Could not open ${url}`, cause))
  }

  app.on('open-url', (event, url) => {
    event.preventDefault()
    openLink(url)
  })
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv)
    if (link !== undefined) openLink(link)
    else windows?.focusOrOpen()
  })
  app.on('web-contents-created', (_event, contents: WebContents) =>
    hardenContents(contents, openExternal),
  )
  // The hidden runtime window counts as a window for Electron; quitting is decided by UI windows.
  app.on('window-all-closed', () => undefined)

  // Development builds leave the OS's link handlers alone; they still take links as arguments.
  if (app.isPackaged) app.setAsDefaultProtocolClient(APP_SCHEME)

  app
    .whenReady()
    .then(async () => {
      windows = await start()
      const link = process.platform === 'darwin' ? undefined : findDeepLink(process.argv)
      for (const next of [...pendingLinks.splice(0), ...(link === undefined ? [] : [link])]) {
        openLink(next)
      }
    })
    .catch((cause: unknown) => {
      log('Keepsake could not start', cause)
      app.exit(1)
    })
}

async function start(): Promise<UiWindows<unknown>> {
  hardenSession(session.defaultSession)

  const secrets = createElectronSecretStore({
    safeStorage,
    platform: process.platform,
    dir: join(app.getPath('userData'), 'keys'),
  })
  const relay = createRelayControl({
    startRelay,
    dataDir: join(app.getPath('userData'), 'relay'),
    defaultPort: DEFAULT_RELAY_PORT,
    lanAddress,
  })
  const relays = await openRelayAllowList(app.getPath('userData'))
  if (relays.problem) log(`Keepsake allows no sync relay: ${relays.problem.message}`, null)
  const hostApi = createHostApi(
    { secrets, relay, relays: relays.list },
    { allowedOrigins: [APP_ORIGIN], allowedHosts: null, capability: null },
  )
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: rendererDir,
      hostApi,
      readFile,
      logError: log,
      // Built per response: a runtime that reloads after pairing takes the new relay.
      contentSecurityPolicy: () => contentSecurityPolicy(relays.list.origins()),
    }),
  )

  const broker = createPortBroker(createMessageChannel)
  const supervisor = createRuntimeSupervisor({
    open: (events) => openRuntimeWindow(preloadDir, events),
    onReady: (runtime) => broker.runtimeReady(runtime),
    onGone: () => broker.runtimeGone(),
    onGiveUp: (reason) => {
      log(`The runtime keeps crashing (${reason})`)
      void dialog
        .showMessageBox({
          type: 'error',
          message: 'Keepsake’s background runtime keeps stopping.',
          detail: `Last reason: ${reason}. Your saved data is not affected.`,
          buttons: ['Try Again', 'Quit'],
          defaultId: 0,
        })
        .then(({ response }) => (response === 0 ? supervisor.start() : app.quit()))
    },
    now: () => Date.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  })
  const windows = createUiWindows({
    open: (events) => openUiWindow(preloadDir, events),
    broker,
    onLastClosed: () => {
      // macOS keeps the app (and the runtime) alive with no window; the dock reopens one.
      if (process.platform !== 'darwin') app.quit()
    },
  })

  registerIpc(ipcMain, {
    windowIdOf: (sender: WebContents) => BrowserWindow.fromWebContents(sender)?.id ?? null,
    uiWindowIds: () => windows.ids(),
    runtimeWindowIds: () => supervisor.windowIds(),
    handlers: createUiInvokeHandlers({
      dialogs: createFileDialogs({
        showSaveDialog: (ownerId, options) => {
          const owner = BrowserWindow.fromId(ownerId)
          return owner === null
            ? dialog.showSaveDialog(options)
            : dialog.showSaveDialog(owner, options)
        },
        showOpenDialog: (ownerId, options) => {
          const owner = BrowserWindow.fromId(ownerId)
          return owner === null
            ? dialog.showOpenDialog(options)
            : dialog.showOpenDialog(owner, options)
        },
      }),
      openExternal: (url) => shell.openExternal(url),
    }),
    onFlushed: (windowId) => supervisor.flushed(windowId),
    warn: (message) => log(message),
  })

  const send = (command: MenuCommand): void => windows.deliver(command)
  const newWindow = (): void => {
    windows.open()
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        appName: APP_NAME,
        platform: process.platform,
        isPackaged: app.isPackaged,
        send,
        newWindow,
      }),
    ),
  )
  app.dock?.setMenu(Menu.buildFromTemplate(dockMenuTemplate({ newWindow })))
  app.on('activate', () => {
    if (windows.count() === 0) windows.open()
  })

  const quit = createQuitCoordinator({
    shutdown: () => Promise.allSettled([supervisor.stop(FLUSH_TIMEOUT_MS), relay.stop()]),
    quit: () => app.quit(),
    logError: log,
  })
  app.on('before-quit', (event) => quit.beforeQuit(event))

  supervisor.start()
  windows.open()
  return windows
}
