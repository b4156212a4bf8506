import { useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { Icon } from './icons'

/**
 * A modal dialog on the native `<dialog>`: `showModal` traps focus and makes the page inert, Esc
 * closes it, and focus goes back to whatever had it before. Mount it to open it.
 */
export function Modal({
  title,
  onClose,
  children,
  className = '',
  hideTitle = false,
  footer,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
  hideTitle?: boolean
  footer?: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useLayoutEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
      if (opener?.isConnected) opener.focus({ preventScroll: true })
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal ${className}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog box itself, outside its content) closes it.
        if (e.target === ref.current) onClose()
      }}
    >
      <div className="modal-body">
        {hideTitle ? (
          <h2 id={titleId} className="visually-hidden">
            {title}
          </h2>
        ) : (
          <header className="modal-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <Icon name="close" />
            </button>
          </header>
        )}
        <div className="modal-content">{children}</div>
        {footer && <footer className="modal-foot">{footer}</footer>}
      </div>
    </dialog>
  )
}
