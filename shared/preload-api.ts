import type { Result } from './errors'

/**
 * What Electron's preloads expose to their pages as `window.keepsake`, and the IPC channels behind
 * it. Renderer code detects Electron with `'keepsake' in window`. This file holds declarations
 * and plain constants only: the sandboxed preloads are bundled without third-party modules.
 */

/** A command from the application menu or a deep link, delivered to the focused UI window. */
export type MenuCommand =
  | { command: 'new-conversation' }
  | { command: 'export' }
  | { command: 'import' }
  | { command: 'settings' }
  /** From a `keepsake://pair?code=...` link: open the pairing screen with this code filled in. */
  | { command: 'pair'; code: string }

/** The name of the file the person chose, without its directory. */
export interface SavedFile {
  name: string
}

/** A file the person picked to import: its name (without directory) and its bytes. */
export interface OpenedFile {
  name: string
  bytes: Uint8Array
}

/** `window.keepsake` in a UI window (`keepsake://app/index.html`). */
export interface KeepsakeUiApi {
  readonly host: 'electron'
  /** The app's version (package.json). */
  readonly version: string
  /** Opens an http(s) URL in the default browser; anything else is refused with `validation`. */
  openExternal(url: string): Promise<Result<void>>
  /** Asks where to save `bytes` (a save dialog); `cancelled` when the person backs out. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<Result<SavedFile>>
  /** Asks which file to import (an open dialog); `cancelled` when the person backs out. */
  openFile(): Promise<Result<OpenedFile>>
  /** Calls `listener` for each menu command or deep link; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** `window.keepsake` in the hidden runtime window (`keepsake://app/runtime.html`). */
export interface KeepsakeRuntimeApi {
  readonly host: 'electron'
  /** Calls `listener` when the app is quitting; the runtime flushes, then calls `flushed()`. */
  onFlushRequest(listener: () => void): () => void
  /** Tells the main process every acknowledged write is on disk, so quitting can go on. */
  flushed(): void
}

/**
 * The `window.postMessage` data a UI page receives with its runtime port in `event.ports[0]`. A new
 * one arrives after every runtime restart and page reload; the page drops its old port for it.
 */
export const RUNTIME_PORT_MESSAGE = 'keepsake:runtime-port'
export interface RuntimePortMessage {
  type: typeof RUNTIME_PORT_MESSAGE
}

/**
 * The `window.postMessage` data the runtime page receives with a UI window's port in
 * `event.ports[0]`. A second connect for the same `windowId` replaces the first (that UI reloaded).
 */
export const RUNTIME_CONNECT_MESSAGE = 'keepsake:runtime-connect'
export interface RuntimeConnectMessage {
  type: typeof RUNTIME_CONNECT_MESSAGE
  windowId: number
}

/** Request/response channels a UI preload invokes; main validates every argument. */
export interface UiInvokeChannels {
  'shell:open-external': { args: [url: string]; result: Result<void> }
  'dialog:save': { args: [suggestedName: string, bytes: Uint8Array]; result: Result<SavedFile> }
  'dialog:open': { args: []; result: Result<OpenedFile> }
}

/** Messages main sends to a UI window, with their payloads. `runtime:port` carries one port. */
export interface UiEventChannels {
  'runtime:port': null
  'ui:menu': MenuCommand
}

/** Messages main sends to the runtime window. `runtime:connect` carries one port. */
export interface RuntimeEventChannels {
  'runtime:connect': { windowId: number }
  'runtime:flush': null
}

/** Messages the runtime window sends to main. */
export interface RuntimeSendChannels {
  'runtime:flushed': []
}
