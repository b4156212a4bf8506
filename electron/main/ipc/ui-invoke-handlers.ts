import { err, ok, type Result } from '../../../shared/errors'
import type { OpenedFile, SavedFile, UiInvokeChannels } from '../../../shared/preload-api'
import { check } from '../../../shared/validation'
import { isSafeExternalUrl } from '../policy/is-safe-external-url'
import { UiInvokeArgs } from './ipc-schemas'

/** Save and open dialogs with their file I/O, owned by the window that asked. */
export interface FileDialogs {
  save(ownerId: number, suggestedName: string, bytes: Uint8Array): Promise<Result<SavedFile>>
  open(ownerId: number): Promise<Result<OpenedFile>>
}

export interface UiInvokeDeps {
  dialogs: FileDialogs
  /** `shell.openExternal`; only ever called with URLs `isSafeExternalUrl` accepted. */
  openExternal(url: string): Promise<void>
}

/** A handler per UI invoke channel: raw IPC arguments in, a `Result` out. */
export type UiInvokeHandlers = {
  [K in keyof UiInvokeChannels]: (
    ownerId: number,
    args: readonly unknown[],
  ) => Promise<UiInvokeChannels[K]['result']>
}

/**
 * The UI's privileged calls. Every argument list is checked with zod first (a bad one is a
 * `validation` error naming the argument); `openExternal` refuses anything but http(s).
 */
export function createUiInvokeHandlers(deps: UiInvokeDeps): UiInvokeHandlers {
  return {
    'shell:open-external': async (_ownerId, args) => {
      const input = check(UiInvokeArgs['shell:open-external'], args, 'args')
      if (!input.ok) return input
      const [url] = input.value
      if (!isSafeExternalUrl(url)) {
        return err('validation', 'Only http and https links open in the browser.', 'args[0]')
      }
      try {
        await deps.openExternal(url)
        return ok(undefined)
      } catch (cause) {
        return err('internal', `The link could not be opened: ${describe(cause)}`)
      }
    },
    'dialog:save': async (ownerId, args) => {
      const input = check(UiInvokeArgs['dialog:save'], args, 'args')
      if (!input.ok) return input
      const [name, bytes] = input.value
      return deps.dialogs.save(ownerId, name, bytes)
    },
    'dialog:open': async (ownerId, args) => {
      const input = check(UiInvokeArgs['dialog:open'], args, 'args')
      if (!input.ok) return input
      return deps.dialogs.open(ownerId)
    },
  }
}

const describe = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause)
