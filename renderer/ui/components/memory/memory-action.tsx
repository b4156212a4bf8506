import type { ReactNode } from 'react'
import { Icon, type IconName } from '../icons'

/** One of a memory row's small actions (Confirm, Edit, Retract, Restore, History), described by the row's text. */
export function MemoryAction({
  icon,
  children,
  describedBy,
  onClick,
  disabled = false,
  title,
  emphasis = false,
  expanded,
}: {
  icon: IconName
  children: ReactNode
  /** The id of the row's text, so a screen reader says which item the action is for. */
  describedBy: string
  onClick: () => void
  disabled?: boolean
  title?: string
  emphasis?: boolean
  /** For a toggle (History): whether what it shows is open. */
  expanded?: boolean
}) {
  return (
    <button
      type="button"
      className={emphasis ? 'mini-button emphasis' : 'mini-button'}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-expanded={expanded}
      title={title}
      onClick={onClick}
    >
      <Icon name={icon} size={13} />
      {children}
    </button>
  )
}
