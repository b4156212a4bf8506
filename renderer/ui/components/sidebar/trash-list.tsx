import { useMemo } from 'react'
import { useApp } from '../../state/store'
import { openConversation } from '../../state/actions'
import { restoreConversation } from '../../state/conversation-actions'
import { formatCount, formatRelative } from '../../lib/format'
import { Icon } from '../icons'

/** Conversations moved to Trash, newest first, each with Restore. */
export function TrashList() {
  const conversations = useApp((s) => s.conversations)
  const trashed = useMemo(
    () =>
      conversations
        .filter((c) => c.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    [conversations],
  )
  return (
    <section
      className="trash"
      aria-labelledby="trash-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') useApp.setState({ sidebarView: 'conversations' })
      }}
    >
      <div className="section-head">
        <h2 id="trash-title">Trash</h2>
        <button
          type="button"
          className="text-button"
          onClick={() => useApp.setState({ sidebarView: 'conversations' })}
        >
          Back to conversations
        </button>
      </div>
      <p className="hint">
        Conversations in Trash keep every message and can be restored at any time.
      </p>
      {trashed.length === 0 ? (
        <p className="empty-note">Trash is empty.</p>
      ) : (
        <ul className="conv-list">
          {trashed.map((c) => (
            <li key={c.id} className="conv-row trashed">
              <div className="conv-open static">
                <span className="conv-title">{c.title}</span>
                <span className="conv-meta">
                  Trashed {formatRelative(c.deletedAt ?? c.updatedAt)} ·{' '}
                  {formatCount(c.messageCount)} {c.messageCount === 1 ? 'message' : 'messages'}
                </span>
              </div>
              <button
                type="button"
                className="ghost-button small"
                aria-label={`Restore “${c.title}”`}
                onClick={async () => {
                  await restoreConversation(c.id)
                  await openConversation(c.id)
                }}
              >
                <Icon name="undo" />
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
