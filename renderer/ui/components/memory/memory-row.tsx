import { memo, useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { MemoryItemView } from '../../../../shared/contract'
import {
  confirmMemory,
  editMemory,
  openSource,
  restoreMemory,
  retractMemory,
} from '../../state/memory-actions'
import { formatDate, formatDateTime, formatFull, formatRelative } from '../../lib/format'
import { Icon } from '../icons'
import { MemoryAction } from './memory-action'
import { MemoryHistory } from './memory-history'

export const KIND_LABEL = {
  preference: 'Preference',
  fact: 'Fact',
  task: 'Task',
  issue: 'Issue',
} as const

// A task's status does not tell one not yet started from one under way (both are `in_progress`), so
// the panel says what is true of both: it is open.
const TASK_STATUS = { in_progress: 'Open', blocked: 'Blocked', done: 'Done' } as const

/**
 * One remembered item: what it says, when it was last confirmed, where it came from, whether it
 * needs re-verifying, and what the person can do about it.
 */
export const MemoryRow = memo(
  function MemoryRow({
    view,
    focused,
    readOnly,
    index,
    measure,
  }: {
    view: MemoryItemView
    focused: boolean
    /** A space written by a newer Keepsake: nothing can change, History and sources still open. */
    readOnly: boolean
    /** Position in the virtual list, and the callback that measures the row's height. */
    index: number
    measure: (el: Element | null) => void
  }) {
    const { item } = view
    const textId = useId()
    const [editing, setEditing] = useState(false)
    const [draft, setDraft] = useState(item.text)
    const [showHistory, setShowHistory] = useState(false)
    const past = item.status !== 'active'
    const stale = !past && view.freshness === 'needs-reverify'
    const endedAt = item.retractedAt ?? item.validTo

    const save = async (e?: FormEvent): Promise<void> => {
      e?.preventDefault()
      const text = draft.trim()
      if (text === '' || text === item.text) return setEditing(false)
      if (await editMemory(item.id, text)) setEditing(false)
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        setEditing(false)
      } else if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault()
        void save()
      }
    }
    return (
      <li
        onKeyDown={(e) => {
          if (e.key === 'Escape' && showHistory) {
            e.stopPropagation()
            setShowHistory(false)
          }
        }}
        className={`memory-item${stale ? ' stale' : ''}${past ? ' past' : ''}${focused ? ' highlight' : ''}`}
        data-memory-id={item.id}
        data-index={index}
        ref={measure}
        tabIndex={-1}
      >
        <div className="memory-head">
          <span className={`kind kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
          {item.kind === 'task' && <span className="badge">{TASK_STATUS[item.taskStatus]}</span>}
          {item.kind === 'issue' && item.resolvedAt && <span className="badge">Resolved</span>}
          {past && (
            <span className="badge past">
              {item.status === 'retracted' ? 'Retracted' : 'Replaced'} — not current
            </span>
          )}
          {stale && (
            <span
              className="badge stale"
              title={`Not confirmed since ${formatDate(item.confirmedAt)}; the assistant asks before relying on it.`}
            >
              <Icon name="alert" size={12} />
              Needs re-verify
            </span>
          )}
        </div>
        {editing ? (
          <form className="memory-edit" onSubmit={(e) => void save(e)}>
            <textarea
              aria-label="Memory text"
              value={draft}
              rows={2}
              // The field replaces the text the person just chose to edit.
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKey}
            />
            <div className="memory-edit-actions">
              <button type="submit" className="primary-button small">
                Save
              </button>
              <button
                type="button"
                className="ghost-button small"
                onClick={() => setEditing(false)}
              >
                Cancel
              </button>
              <span className="hint">The old wording stays in History.</span>
            </div>
          </form>
        ) : (
          <p className="memory-text" id={textId}>
            {item.text}
          </p>
        )}
        {item.kind === 'task' && item.lastAction && (
          <p className="memory-sub">Last: {item.lastAction}</p>
        )}
        {!past && view.concurrentEdits !== undefined && (
          <p className="memory-conflict" role="note">
            <Icon name="alert" size={13} />
            {view.concurrentEdits === 1
              ? 'Edited on both laptops — kept the later one; see History.'
              : `Edited on ${view.concurrentEdits + 1} devices at once — kept the latest; see History.`}
          </p>
        )}
        <p className="memory-meta">
          {past && endedAt ? (
            <span title={formatFull(endedAt)}>
              {item.status === 'retracted' ? 'Retracted' : 'Replaced'} {formatDateTime(endedAt)}
              {item.status === 'retracted' && item.supersededBy !== null
                ? ', then restored as a new version'
                : ''}
            </span>
          ) : (
            <span title={formatFull(item.confirmedAt)}>
              Confirmed {formatRelative(item.confirmedAt)}
            </span>
          )}
          {item.source?.conversationId && (
            <>
              <span aria-hidden="true"> · </span>
              <button
                type="button"
                className="link-button"
                aria-describedby={textId}
                onClick={() => void openSource(item)}
              >
                Source message
              </button>
            </>
          )}
        </p>
        {!editing && (
          <div className="memory-actions">
            {past && item.status === 'retracted' && item.supersededBy === null && (
              <MemoryAction
                icon="undo"
                describedBy={textId}
                disabled={readOnly}
                title="It is true after all: make it current again"
                onClick={() => void restoreMemory(item)}
              >
                Restore
              </MemoryAction>
            )}
            {!past && (
              <>
                <MemoryAction
                  icon="check"
                  describedBy={textId}
                  disabled={readOnly}
                  emphasis={stale}
                  title="It is still true: mark it fresh"
                  onClick={() => void confirmMemory(item.id)}
                >
                  Confirm
                </MemoryAction>
                <MemoryAction
                  icon="pencil"
                  describedBy={textId}
                  disabled={readOnly}
                  onClick={() => {
                    setDraft(item.text)
                    setEditing(true)
                  }}
                >
                  Edit
                </MemoryAction>
                <MemoryAction
                  icon="close"
                  describedBy={textId}
                  disabled={readOnly}
                  title="It is no longer true; it stays in history"
                  onClick={() => void retractMemory(view)}
                >
                  Retract
                </MemoryAction>
              </>
            )}
            <MemoryAction
              icon="history"
              describedBy={textId}
              expanded={showHistory}
              onClick={() => setShowHistory((v) => !v)}
            >
              History
            </MemoryAction>
          </div>
        )}
        {showHistory && <MemoryHistory id={item.id} label={`History of “${item.text}”`} />}
      </li>
    )
  },
  (a, b) =>
    a.focused === b.focused &&
    a.readOnly === b.readOnly &&
    a.index === b.index &&
    a.measure === b.measure &&
    a.view.freshness === b.view.freshness &&
    a.view.item.id === b.view.item.id &&
    a.view.item.text === b.view.item.text &&
    a.view.item.confirmedAt === b.view.item.confirmedAt &&
    a.view.item.status === b.view.item.status &&
    a.view.item.supersededBy === b.view.item.supersededBy &&
    a.view.item.source === b.view.item.source &&
    a.view.concurrentEdits === b.view.concurrentEdits &&
    (a.view.item.kind !== 'task' ||
      (b.view.item.kind === 'task' &&
        a.view.item.taskStatus === b.view.item.taskStatus &&
        a.view.item.lastAction === b.view.item.lastAction)),
)
