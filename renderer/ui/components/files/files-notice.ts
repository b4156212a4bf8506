/** Where an import that reloads the window leaves its message for the window that comes back. */
const KEY = 'keepsake:files-notice'

/**
 * How the window that comes back tells it: the Files dialog opens again (after a replace, with the
 * backup's download at hand), or a notice says what was imported with a way to the report (a new
 * space, which the person wants to look at, not a dialog over it).
 */
export type FilesNoticeShow = 'dialog' | 'toast'

export interface FilesNotice {
  message: string
  show: FilesNoticeShow
}

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
    const value: unknown = JSON.parse(kept)
    if (typeof value !== 'object' || value === null) return null
    const { message, show } = value as Partial<FilesNotice>
    if (typeof message !== 'string') return null
    return { message, show: show === 'toast' ? 'toast' : 'dialog' }
  } catch {
    return null
  }
}
