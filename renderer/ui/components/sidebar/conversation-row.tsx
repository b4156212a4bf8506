import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ConversationSummary } from '../../../../shared/contract'
import { openConversation } from '../../state/actions'
import {
  pinConversation,
  renameConversation,
  trashConversation,
} from '../../state/conversation-actions'
import { formatCount, formatRelative } from '../../lib/format'
import { Icon } from '../icons'

/**
 * One conversation in the sidebar: open it, rename it in place (F2 or double-click), pin it to the
 * top (or unpin it), or trash it. It is a row of a virtualized list: placed `offset` px down its
 * list, measured by `measure`, and announced as `position` of `setSize`.
 */
export const ConversationRow = memo(
  function ConversationRow({
    summary,
    active,
    now,
    index,
    offset,
    position,
    setSize,
    measure,
  }: {
    summary: ConversationSummary
    active: boolean
    now: Date
    index: number
    offset: number
    position: number
    setSize: number
    measure: (element: HTMLElement | null) => void
  }) {
    const [editing, setEditing] = useState(false)
    const pinned = summary.pinnedAt !== null
    const [draft, setDraft] = useState(summary.title)
    const openRef = useRef<HTMLButtonElement>(null)
    /** Set when rename ended from the keyboard: focus goes back to the row, not to the page body. */
    const [refocus, setRefocus] = useState(false)
    useEffect(() => {
      if (!editing && refocus) {
        openRef.current?.focus()
        setRefocus(false)
      }
    }, [editing, refocus])
    const startEditing = (): void => {
      setDraft(summary.title)
      setEditing(true)
    }
    const commit = async (): Promise<void> => {
      const title = draft.trim()
      setEditing(false)
      if (title !== '' && title !== summary.title) await renameConversation(summary.id, title)
    }
    const onOpenKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2') {
        e.preventDefault()
        startEditing()
      }
    }
    const onEditKey = (e: KeyboardEvent): void => {
      if (e.key === 'Enter') {
        e.preventDefault()
        setRefocus(true)
        void commit()
      } else if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        setRefocus(true)
        setEditing(false)
      }
    }
    return (
      <li
        ref={measure}
        data-index={index}
        data-key={summary.id}
        aria-posinset={position}
        aria-setsize={setSize}
        className={active ? 'conv-row virtual active' : 'conv-row virtual'}
        style={{ transform: `translateY(${offset}px)` }}
      >
        {editing ? (
          <input
            className="conv-rename"
            aria-label="Conversation title"
            value={draft}
            maxLength={200}
            // The field replaces the row the person just chose to rename.
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onEditKey}
            onBlur={() => void commit()}
          />
        ) : (
          <button
            ref={openRef}
            type="button"
            className="conv-open"
            title={summary.title}
            aria-current={active ? 'page' : undefined}
            onClick={() => void openConversation(summary.id)}
            onDoubleClick={startEditing}
            onKeyDown={onOpenKey}
          >
            <span className="conv-title">
              {pinned && <Icon name="pin" size={12} className="icon conv-pin-mark" />}
              {summary.title}
            </span>
            <span className="conv-meta">
              {formatCount(summary.messageCount)}{' '}
              {summary.messageCount === 1 ? 'message' : 'messages'} ·{' '}
              {formatRelative(summary.updatedAt, now)}
            </span>
          </button>
        )}
        {!editing && (
          <div className="row-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename “${summary.title}”`}
              title="Rename (F2)"
              onClick={startEditing}
            >
              <Icon name="pencil" />
            </button>
            <button
              type="button"
              className={pinned ? 'icon-button on' : 'icon-button'}
              aria-label={pinned ? `Unpin “${summary.title}”` : `Pin “${summary.title}”`}
              title={pinned ? 'Unpin' : 'Pin to the top'}
              onClick={() => void pinConversation(summary.id, !pinned)}
            >
              <Icon name="pin" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move “${summary.title}” to Trash`}
              title="Move to Trash"
              onClick={() => void trashConversation(summary.id)}
            >
              <Icon name="trash" />
            </button>
          </div>
        )}
      </li>
    )
  },
  (a, b) =>
    a.active === b.active &&
    a.now === b.now &&
    a.index === b.index &&
    a.offset === b.offset &&
    a.position === b.position &&
    a.setSize === b.setSize &&
    a.measure === b.measure &&
    a.summary.id === b.summary.id &&
    a.summary.title === b.summary.title &&
    a.summary.messageCount === b.summary.messageCount &&
    a.summary.pinnedAt === b.summary.pinnedAt &&
    a.summary.updatedAt === b.summary.updatedAt,
)
