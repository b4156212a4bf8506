/** Both ends of a fresh message channel (`MessageChannelMain` in Electron). */
export interface PortChannel<P> {
  port1: P
  port2: P
}

/** The runtime window as the broker sees it. */
export interface RuntimeEndpoint<P> {
  readonly id: number
  /** Hands the runtime page one end of a UI window's channel (`runtime:connect`). */
  connect(windowId: number, port: P): void
}

/** A UI window as the broker sees it. */
export interface UiEndpoint<P> {
  readonly id: number
  /** Hands the UI page its end of the channel to the runtime (`runtime:port`). */
  receivePort(port: P): void
}

/** Connects every loaded UI window to the running runtime, again whenever either side restarts. */
export interface PortBroker<P> {
  /** The runtime page (re)loaded: every loaded UI window gets a new channel to it. */
  runtimeReady(runtime: RuntimeEndpoint<P>): void
  /** The runtime went away; UI windows wait for the next `runtimeReady`. */
  runtimeGone(): void
  /** A UI page (re)loaded: it gets a channel now if the runtime is ready, else when it is. */
  uiReady(ui: UiEndpoint<P>): void
  uiClosed(windowId: number): void
}

/**
 * A broker that creates one channel per (runtime, UI page load) pair: port1 goes to the runtime
 * with the UI's window id, port2 to the UI. Old ports are never reused; the pages replace theirs.
 */
export function createPortBroker<P>(createChannel: () => PortChannel<P>): PortBroker<P> {
  let runtime: RuntimeEndpoint<P> | null = null
  const uis = new Map<number, UiEndpoint<P>>()

  const link = (to: RuntimeEndpoint<P>, ui: UiEndpoint<P>): void => {
    const channel = createChannel()
    to.connect(ui.id, channel.port1)
    ui.receivePort(channel.port2)
  }

  return {
    runtimeReady(next) {
      runtime = next
      for (const ui of uis.values()) link(next, ui)
    },
    runtimeGone() {
      runtime = null
    },
    uiReady(ui) {
      uis.set(ui.id, ui)
      if (runtime !== null) link(runtime, ui)
    },
    uiClosed(windowId) {
      uis.delete(windowId)
    },
  }
}
