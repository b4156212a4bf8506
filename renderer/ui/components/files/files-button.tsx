import { useEffect, useState } from 'react'
import { electronApi } from '../../client/connect'
import { Icon } from '../icons'
import { FilesDialog } from './files-dialog'
import './files.css'

/**
 * "Export & import": opens the Files dialog. In Electron the File menu's Export and Import
 * commands open it too. `floating` sits in the window's corner; `nav` matches the sidebar's
 * Trash and Settings buttons, for when it is mounted in the sidebar footer.
 */
export function FilesButton({ variant = 'floating' }: { variant?: 'floating' | 'nav' }) {
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
      <button
        type="button"
        className={variant === 'nav' ? 'nav-button' : 'files-launcher ghost-button small'}
        onClick={() => setOpen(true)}
      >
        <Icon name="download" />
        Export &amp; import
      </button>
      {open && <FilesDialog onClose={() => setOpen(false)} />}
    </>
  )
}
