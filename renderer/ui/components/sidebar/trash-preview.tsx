import { useEffect, useState } from 'react'
import type { ConversationSummary, Message } from '../../../../shared/contract'
import { client } from '../../state/client'
import { formatCount, formatTime } from '../../lib/format'
import { Modal } from '../modal'

/** The most messages a preview shows: enough to recognise a conversation, never a whole history. */
const PREVIEW_LIMIT = 200

/** A trashed conversation, read-only: its newest messages, with Restore and Delete forever. */
export function TrashPreview({
  summary,
  onClose,
  onRestore,
  onDelete,
}: {
  summary: ConversationSummary
  onClose: () => void
  onRestore: () => void
  onDelete: () => void
}) {
  const [messages, setMessages] = useState<Message[] | null>(null)
  const [total, setTotal] = useState(summary.messageCount)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const offset = Math.max(0, summary.messageCount - PREVIEW_LIMIT)
    void client()
      .request('conversations.messages', { id: summary.id, offset, limit: PREVIEW_LIMIT })
      .then((r) => {
        if (!r.ok) return setError(r.error.message)
        setMessages(r.value.messages)
        setTotal(r.value.total)
      })
  }, [summary.id, summary.messageCount])
  return (
    <Modal
      title={summary.title}
      className="trash-preview"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="ghost-button danger" onClick={onDelete}>
            Delete forever…
          </button>
          <button type="button" className="primary-button" onClick={onRestore}>
            Restore
          </button>
        </>
      }
    >
      <p className="dialog-lead">
        In Trash · read-only
        {total > PREVIEW_LIMIT &&
          ` · the newest ${formatCount(PREVIEW_LIMIT)} of ${formatCount(total)} messages`}
      </p>
      {error && (
        <p role="alert" className="files-error">
          {error}
        </p>
      )}
      {messages === null && !error && <p className="hint">Loading…</p>}
      {messages?.length === 0 && <p className="empty-note">This conversation has no messages.</p>}
      {messages && messages.length > 0 && (
        <ol className="preview-messages" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id} className={`preview-message ${m.role}`}>
              <span className="preview-who">
                {m.role === 'user'
                  ? (m.speaker ?? 'You')
                  : m.role === 'assistant'
                    ? 'Keepsake'
                    : 'Note'}
                <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
              </span>
              <p className="preview-text">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  )
}
