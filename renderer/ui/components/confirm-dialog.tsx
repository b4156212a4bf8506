import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Modal } from './modal'

/**
 * Asks before something that cannot be undone. The safe choice has focus first, so Enter or Esc
 * never destroys anything by accident; `onConfirm` runs once and the dialog stays until it resolves.
 *
 * @example
 * <ConfirmDialog title="Empty Trash?" confirmLabel="Delete forever" onConfirm={empty} onClose={close}>
 *   <p>3 conversations will be deleted from this device and every synced device.</p>
 * </ConfirmDialog>
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  children,
  onConfirm,
  onClose,
}: {
  title: string
  confirmLabel: string
  children: ReactNode
  onConfirm: () => Promise<void>
  onClose: () => void
}) {
  const [busy, setBusy] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)
  // The way out is where focus starts (after the dialog opened and focused its first control).
  useEffect(() => cancel.current?.focus(), [])
  return (
    <Modal
      title={title}
      className="confirm-dialog"
      onClose={() => (busy ? undefined : onClose())}
      footer={
        <>
          <button
            type="button"
            className="ghost-button"
            disabled={busy}
            onClick={onClose}
            ref={cancel}
          >
            Cancel
          </button>
          <button
            type="button"
            className="danger-button"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              try {
                await onConfirm()
              } finally {
                setBusy(false)
              }
              onClose()
            }}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  )
}
