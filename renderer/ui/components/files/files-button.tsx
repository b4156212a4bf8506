import { useEffect, useState } from 'react'
import { electronApi } from '../../client/connect'
import { Icon } from '../icons'
import { FilesDialog } from './files-dialog'
import { takeFilesNotice } from './files-notice'
import './files.css'

/**
 * "Export & import" in the sidebar footer: opens the Files dialog. In Electron the File menu's
 * Export and Import commands open it too.
 */
export function FilesButton() {
  // An import that switched spaces reloaded the window: the dialog opens again to say what it did.
  const [notice] = useState(takeFilesNotice)
  const [open, setOpen] = useState(notice !== null)
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
      {open && <FilesDialog notice={notice} onClose={() => setOpen(false)} />}
    </>
  )
}
