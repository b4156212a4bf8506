/** Whether this is a Mac, where shortcuts use ⌘ instead of Ctrl. */
export const isMac = (): boolean =>
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** "Ctrl+K" or "⌘K", as a person would press it here. */
export const shortcut = (key: string): string => (isMac() ? `⌘${key}` : `Ctrl+${key}`)

/** Ctrl on Windows and Linux, ⌘ on a Mac (either is accepted, so the browser host works everywhere). */
export const hasCommandKey = (e: { ctrlKey: boolean; metaKey: boolean }): boolean =>
  e.ctrlKey || e.metaKey
