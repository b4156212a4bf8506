import { useEffect, useState } from 'react'
import { electronApi } from '../../client/connect'
import { Icon } from '../icons'
import { FilesDialog } from './files-dialog'
import './files.css'

/**
 * "Export & import" in the sidebar footer: opens the Files dialog. In Electron the File menu's
 * Export and Import commands open it too.
 */
export function FilesButton() {
  const [open, setOpen] = useState(false)
  useEffect(
    () =>
      electronApi()?.onMenuCommand((c) => {
        if (c.command === 'export' || c.command === 'import') setOpen(true)
      }),
    [],
  )
  return (
    <>
      <button type="button" className="nav-button" onClick={() => setOpen(true)}>
        <Icon name="download" />
        Export &amp; import
      </button>
      {open && <FilesDialog onClose={() => setOpen(false)} />}
    </>
  )
}
