import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron'
import { err, ok } from '../../shared/errors'
import { MAX_FILE_BYTES } from './ipc/ipc-schemas'
import type { FileDialogs } from './ipc/ui-invoke-handlers'

/** Electron's `dialog`, attached to the window `ownerId` (falls back to no parent). */
export interface DialogHost {
  showSaveDialog(ownerId: number, options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  showOpenDialog(ownerId: number, options: OpenDialogOptions): Promise<OpenDialogReturnValue>
}

const SESSION_FILTERS = [
  {
    name: 'Keepsake sessions and exports',
    extensions: ['keepsake', 'json', 'msgpack', 'zip', 'txt', 'md'],
  },
  { name: 'All files', extensions: ['*'] },
]

/**
 * Save and open dialogs for export and import. A save is written to a temporary file beside the
 * target and renamed over it, so a crash never leaves half an export. Backing out is `cancelled`;
 * files over 512 MiB are `file-too-large`; I/O failures are `storage` with the OS's reason.
 */
export function createFileDialogs(host: DialogHost): FileDialogs {
  return {
    async save(ownerId, suggestedName, bytes) {
      const choice = await host.showSaveDialog(ownerId, {
        title: 'Export',
        defaultPath: suggestedName,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
        return err('cancelled', 'The export was cancelled.')
      }
      const target = choice.filePath
      const temp = `${target}.${randomBytes(6).toString('hex')}.partial`
      try {
        await writeFile(temp, bytes, { flush: true })
        await rename(temp, target)
      } catch (cause) {
        await rm(temp, { force: true }).catch(() => undefined)
        return err('storage', `Could not save ${basename(target)}: ${describe(cause)}`)
      }
      return ok({ name: basename(target) })
    },

    async open(ownerId) {
      const choice = await host.showOpenDialog(ownerId, {
        title: 'Import',
        properties: ['openFile'],
        filters: SESSION_FILTERS,
      })
      const path = choice.filePaths[0]
      if (choice.canceled || path === undefined)
        return err('cancelled', 'The import was cancelled.')
      try {
        const info = await stat(path)
        if (info.size > MAX_FILE_BYTES) {
          return err('file-too-large', `${basename(path)} is larger than 512 MiB.`)
        }
        const data = await readFile(path)
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        return ok({ name: basename(path), bytes })
      } catch (cause) {
        return err('storage', `Could not read ${basename(path)}: ${describe(cause)}`)
      }
    },
  }
}

const describe = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause)
