import { z } from 'zod'

/** Largest file a UI window may save or import in one go (an export of a big space fits). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

/** A file name a page suggests for a save dialog: a bare name, never a path. */
export const SuggestedName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && !name.includes('\0') && name !== '.' && name !== '..', {
    message: 'must be a file name without a directory',
  })

/** Bytes to save. */
export const FileBytes = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, { message: 'is larger than 512 MiB' })

/** The arguments of each UI invoke channel (see `UiInvokeChannels` in shared/preload-api.ts). */
export const UiInvokeArgs = {
  'shell:open-external': z.tuple([z.string().max(2048)]),
  'dialog:save': z.tuple([SuggestedName, FileBytes]),
  'dialog:open': z.tuple([]),
}
