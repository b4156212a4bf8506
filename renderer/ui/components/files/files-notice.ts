import { z } from 'zod'

/** Where an import that reloads the window leaves its message for the window that comes back. */
const KEY = 'keepsake:files-notice'

/**
 * How the window that comes back tells it: the Files dialog opens again (after a replace, with the
 * backup's download at hand), or a notice says what was imported with a way to the report (a new
 * space, which the person wants to look at, not a dialog over it).
 */
export type FilesNoticeShow = 'dialog' | 'toast'

const FilesNotice = z.object({ message: z.string(), show: z.enum(['dialog', 'toast']) })
export type FilesNotice = z.infer<typeof FilesNotice>

/** Keeps `message` for the next load of this tab (session storage: this tab only, not kept on disk for long). */
export function keepFilesNotice(message: string, show: FilesNoticeShow): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ message, show }))
  } catch {
    // Storage refused: the reloaded window opens without the message; the report is still there.
  }
}

/** The kept notice, once: reading it removes it. */
export function takeFilesNotice(): FilesNotice | null {
  try {
    const kept = sessionStorage.getItem(KEY)
    sessionStorage.removeItem(KEY)
    if (kept === null) return null
    // Left by this tab's previous load; one that does not read is dropped (the report is still there).
    const read = FilesNotice.safeParse(JSON.parse(kept))
    return read.success ? read.data : null
  } catch {
    return null
  }
}
