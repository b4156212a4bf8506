import { useEffect, useState } from 'react'
import { electronApi } from '../../client/connect'
import { Icon } from '../icons'
import { FilesDialog } from './files-dialog'
import { takeFilesNotice } from './files-notice'
import { dismissNotice, inform } from '../../state/notices'
import './files.css'

/**
 * "Export & import" in the sidebar footer: opens the Files dialog. In Electron the File menu's
 * Export and Import commands open it too.
 */
export function FilesButton() {
  // An import that switched spaces reloaded the window: the dialog opens again to say what it did,
  // or a notice says it with the way to the import report.
  const [kept] = useState(takeFilesNotice)
  const [open, setOpen] = useState(kept?.show === 'dialog')
  // Said once: the dialog opened later, for another import, does not repeat it.
  const [notice, setNotice] = useState(kept?.show === 'dialog' ? kept.message : null)
  const [toast, setToast] = useState<number | null>(null)
  useEffect(() => {
    if (kept?.show === 'toast')
      setToast(inform(kept.message, { label: 'See the report', run: () => setOpen(true) }))
  }, [kept])
  // The dialog shows the report itself: the notice pointing to it has done its work.
  useEffect(() => {
    if (open && toast !== null) dismissNotice(toast)
  }, [open, toast])
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
      {open && (
        <FilesDialog
          notice={notice}
          onClose={() => {
            setOpen(false)
            setNotice(null)
          }}
        />
      )}
    </>
  )
}
