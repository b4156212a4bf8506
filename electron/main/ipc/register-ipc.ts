import { err } from '../../../shared/errors'
import type { RuntimeSendChannels } from '../../../shared/preload-api'
import { isTrustedSender } from '../policy/is-trusted-sender'
import type { UiInvokeHandlers } from './ui-invoke-handlers'

/** The parts of an IPC event the sender check reads (`IpcMainEvent`/`IpcMainInvokeEvent`). */
export interface IpcEventLike<S> {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
  readonly sender: S
}

/** The parts of `ipcMain` used here, so registration runs under test with a fake. */
export interface IpcMainLike<S> {
  handle(
    channel: string,
    listener: (event: IpcEventLike<S>, ...args: unknown[]) => Promise<unknown>,
  ): void
  on(channel: string, listener: (event: IpcEventLike<S>, ...args: unknown[]) => void): unknown
}

export interface IpcRegistryDeps<S> {
  /** The id of the BrowserWindow that owns `sender`, or null when it is none of ours. */
  windowIdOf(sender: S): number | null
  uiWindowIds(): ReadonlySet<number>
  runtimeWindowIds(): ReadonlySet<number>
  handlers: UiInvokeHandlers
  /** A trusted runtime window finished flushing. */
  onFlushed(windowId: number): void
  warn(message: string): void
}

const flushed: keyof RuntimeSendChannels = 'runtime:flushed'

/**
 * Registers every IPC channel. Each message is acted on only if `isTrustedSender` accepts its
 * frame for that channel: UI channels from UI windows, `runtime:flushed` from the runtime window.
 * A refused invoke answers with a `validation` error and is logged.
 */
export function registerIpc<S>(ipc: IpcMainLike<S>, deps: IpcRegistryDeps<S>): void {
  const trusted = (event: IpcEventLike<S>, windowIds: ReadonlySet<number>): number | null => {
    const windowId = deps.windowIdOf(event.sender)
    const frame = event.senderFrame
    const ok = isTrustedSender({
      url: frame?.url ?? null,
      isTopFrame: frame !== null && frame.parent === null,
      windowId,
      windowIds,
    })
    return ok ? windowId : null
  }

  for (const [channel, handler] of Object.entries(deps.handlers)) {
    ipc.handle(channel, async (event, ...args) => {
      const ownerId = trusted(event, deps.uiWindowIds())
      if (ownerId === null) {
        deps.warn(`Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`)
        return err('validation', `Refused: ${channel} is not available to this page.`)
      }
      return handler(ownerId, args)
    })
  }

  ipc.on(flushed, (event) => {
    const windowId = trusted(event, deps.runtimeWindowIds())
    if (windowId === null) {
      deps.warn(`Refused ${flushed} from ${event.senderFrame?.url ?? 'a closed frame'}`)
      return
    }
    deps.onFlushed(windowId)
  })
}
