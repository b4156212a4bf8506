import type { MenuCommand } from '../../shared/preload-api'
import type { PortBroker, UiEndpoint } from './port-broker'
import { appendAll } from '../../shared/append-all'

/** A UI window, behind an interface so window bookkeeping runs under test. */
export interface UiWindow<P> extends UiEndpoint<P> {
  /** Shows, restores and focuses the window. */
  focus(): void
  /** Sends a menu command or deep link to the page (`ui:menu`). */
  sendMenuCommand(command: MenuCommand): void
}

/** What a UI window reports about itself. */
export interface UiWindowEvents {
  /** The page finished loading (first load or reload). */
  loaded(): void
  focused(): void
  closed(): void
}

export interface UiWindowsDeps<P> {
  open(events: UiWindowEvents): UiWindow<P>
  broker: Pick<PortBroker<P>, 'uiReady' | 'uiClosed'>
  /** The last UI window closed (the runtime window does not count). */
  onLastClosed(): void
}

/** The set of open UI windows, most recently focused last. */
export interface UiWindows<P> {
  open(): UiWindow<P>
  /** Focuses the most recently focused UI window, opening one when there is none. */
  focusOrOpen(): UiWindow<P>
  /** Sends `command` to the most recently focused UI window (opening one if needed) once loaded. */
  deliver(command: MenuCommand): void
  ids(): ReadonlySet<number>
  count(): number
}

interface Entry<P> {
  window: UiWindow<P>
  loaded: boolean
  pending: MenuCommand[]
}

/**
 * Keeps the UI windows, hands each loaded page to the port broker, and queues menu commands for a
 * window whose page has not loaded yet (a deep link that opened it, say).
 */
export function createUiWindows<P>(deps: UiWindowsDeps<P>): UiWindows<P> {
  const entries: Entry<P>[] = []

  const open = (): UiWindow<P> => {
    let entry: Entry<P> | null = null
    const window = deps.open({
      loaded: () => {
        if (entry === null) return
        entry.loaded = true
        deps.broker.uiReady(entry.window)
        const pending = entry.pending.splice(0)
        for (const command of pending) entry.window.sendMenuCommand(command)
      },
      focused: () => {
        if (entry === null) return
        const at = entries.indexOf(entry)
        if (at >= 0) appendAll(entries, entries.splice(at, 1))
      },
      closed: () => {
        if (entry === null) return
        const at = entries.indexOf(entry)
        if (at < 0) return
        entries.splice(at, 1)
        deps.broker.uiClosed(entry.window.id)
        if (entries.length === 0) deps.onLastClosed()
      },
    })
    entry = { window, loaded: false, pending: [] }
    entries.push(entry)
    return window
  }

  const latest = (): Entry<P> | undefined => entries[entries.length - 1]

  return {
    open,
    focusOrOpen() {
      const entry = latest()
      if (entry === undefined) return open()
      entry.window.focus()
      return entry.window
    },
    deliver(command) {
      if (latest() === undefined) open()
      const entry = latest()
      if (entry === undefined) return
      entry.window.focus()
      if (entry.loaded) entry.window.sendMenuCommand(command)
      else entry.pending.push(command)
    },
    ids() {
      return new Set(entries.map((e) => e.window.id))
    },
    count() {
      return entries.length
    },
  }
}
