import type { AppError } from '../../../shared/errors'
import { humanize } from '../lib/human-error'
import { useApp, type Notice } from './store'

let nextId = 1

const push = (notice: Omit<Notice, 'id'>): number => {
  const id = nextId++
  useApp.setState((s) => ({
    // The same failure twice in a row is one notice, not a stack of them.
    notices: [...s.notices.filter((n) => n.message !== notice.message), { ...notice, id }].slice(
      -4,
    ),
  }))
  return id
}

/** Shows a failure as a sentence with a next step (and a way to Settings when the fix is there). */
export function notify(error: AppError): void {
  const h = humanize(error)
  push({
    tone: 'error',
    message: h.message,
    next: h.next,
    action: h.settings
      ? { label: 'Open Settings', run: () => useApp.setState({ dialog: 'settings' }) }
      : null,
  })
}

/** Shows news, optionally with one action such as Undo; resolves the notice's id (to dismiss it). */
export function inform(message: string, action: Notice['action'] = null): number {
  return push({ tone: 'info', message, next: null, action })
}

export function dismissNotice(id: number): void {
  useApp.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}
