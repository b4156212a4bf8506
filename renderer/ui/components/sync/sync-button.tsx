import { useEffect, useState } from 'react'
import { useApp } from '../../state/store'
import { Icon } from '../icons'
import { takeReopenMark, watchSync } from './sync-actions'
import { useSync } from './sync-store'
import { SyncDialog } from './sync-dialog'
import './sync.css'

/**
 * "Sync": opens the Sync dialog; its dot shows the state at a glance. It also keeps the sync
 * store subscribed to the runtime, and reopens the dialog after a join reloaded the window.
 */
export function SyncButton() {
  const runtime = useApp((s) => s.client)
  const state = useSync((s) => s.status?.state ?? 'unpaired')
  const [open, setOpen] = useState(takeReopenMark)
  useEffect(() => (runtime ? watchSync(runtime) : undefined), [runtime])
  return (
    <>
      <button
        type="button"
        className={`nav-button sync-launcher state-${state}`}
        onClick={() => setOpen(true)}
      >
        <Icon name="link" />
        Sync
        {state !== 'unpaired' && <span className="sync-dot" aria-hidden="true" />}
      </button>
      {open && runtime && <SyncDialog onClose={() => setOpen(false)} />}
    </>
  )
}
