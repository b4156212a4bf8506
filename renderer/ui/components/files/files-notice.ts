/** Where an import that reloads the window leaves its message for the window that comes back. */
const KEY = 'keepsake:files-notice'

/** Keeps `message` for the next load of this tab (session storage: this tab only, not kept on disk for long). */
export function keepFilesNotice(message: string): void {
  try {
    sessionStorage.setItem(KEY, message)
  } catch {
    // Storage refused: the reloaded window opens without the message; the report is still there.
  }
}

/** The kept message, once: reading it removes it. */
export function takeFilesNotice(): string | null {
  try {
    const message = sessionStorage.getItem(KEY)
    sessionStorage.removeItem(KEY)
    return message
  } catch {
    return null
  }
}
