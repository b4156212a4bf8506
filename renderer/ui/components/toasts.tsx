import { useEffect } from 'react'
import { useApp, type Notice } from '../state/store'
import { dismissNotice } from '../state/notices'
import { Icon } from './icons'

const INFO_MS = 6000

/** Failures (with their next step) and news (with Undo and the like), bottom of the window. */
export function Toasts() {
  const notices = useApp((s) => s.notices)
  return (
    <div className="toasts">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  )
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
