import { useEffect, useLayoutEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useApp, type Notice } from '../state/store'
import { dismissNotice } from '../state/notices'
import { Icon } from './icons'

const INFO_MS = 6000

/**
 * The open modal dialog on top, if any. A modal dialog sits in the browser's top layer and makes the
 * rest of the page inert, so whatever must be seen and clicked while it is open goes inside it.
 */
function useTopDialog(): HTMLElement | null {
  const [top, setTop] = useState<HTMLElement | null>(null)
  useLayoutEffect(() => {
    const pick = (): void => {
      const open = document.querySelectorAll<HTMLDialogElement>('dialog[open]')
      setTop(open.length > 0 ? (open[open.length - 1] ?? null) : null)
    }
    pick()
    const watcher = new MutationObserver(pick)
    watcher.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] })
    return () => watcher.disconnect()
  }, [])
  return top
}

/**
 * Failures (with their next step) and news (with Undo and the like), at the top of the window —
 * inside the open dialog when there is one, so an error is never drawn behind Settings.
 */
export function Toasts() {
  const notices = useApp((s) => s.notices)
  const dialog = useTopDialog()
  const list = (
    <div className="toasts">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  )
  return dialog ? createPortal(list, dialog) : list
}

function Toast({ notice: n }: { notice: Notice }) {
  useEffect(() => {
    // News fades on its own; a failure stays until the person has read it.
    if (n.tone !== 'info') return
    const timer = setTimeout(() => dismissNotice(n.id), INFO_MS)
    return () => clearTimeout(timer)
  }, [n.id, n.tone])
  return (
    <div className={`toast ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
      <Icon name={n.tone === 'error' ? 'alert' : 'check'} />
      <div className="toast-text">
        <p>{n.message}</p>
        {n.next && <p className="toast-next">{n.next}</p>}
      </div>
      {n.action && (
        <button
          type="button"
          className="text-button small accent"
          onClick={() => {
            n.action?.run()
            dismissNotice(n.id)
          }}
        >
          {n.action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button small"
        aria-label="Dismiss"
        onClick={() => dismissNotice(n.id)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  )
}
