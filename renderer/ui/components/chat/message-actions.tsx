import { useState } from 'react'
import type { Message } from '../../../../shared/contract'
import { editAndResend, retry } from '../../state/actions'
import { Icon } from '../icons'
import { ConfirmDialog } from '../confirm-dialog'
import { ForeverNote } from '../forever-note'
import { deleteMessage } from '../../state/conversation-actions'

/**
 * The actions of one saved message, in one bar: Copy for every message, Edit and resend for the
 * person's own, Regenerate for a reply that is the latest answer to its question, Retry for one that
 * failed. New per-message actions (e.g. Delete) belong here, as one more button.
 */
export function MessageActions({
  message: m,
  conversationId,
  canRetry,
  canRegenerate,
}: {
  message: Message
  conversationId: string
  canRetry: boolean
  canRegenerate: boolean
}) {
  const [copied, setCopied] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(m.text)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      // The clipboard can be refused (an unfocused window); selecting the text by hand still works.
    }
  }
  const replyTo = m.replyTo
  return (
    <footer className="message-actions" aria-label="Message actions">
      {canRetry && replyTo && (
        <button
          type="button"
          className="text-button small accent"
          onClick={() => void retry(conversationId, replyTo)}
        >
          <Icon name="undo" size={14} />
          Retry
        </button>
      )}
      {m.text.trim() !== '' && (
        <button type="button" className="text-button small" onClick={() => void copy()}>
          <Icon name={copied ? 'check' : 'copy'} size={14} />
          {copied ? 'Copied' : 'Copy'}
        </button>
      )}
      {m.role === 'user' && (
        <button
          type="button"
          className="text-button small"
          title="Put this message in the box to change it and send it again"
          onClick={() => editAndResend(conversationId, m.text)}
        >
          <Icon name="pencil" size={14} />
          Edit and resend
        </button>
      )}
      {canRegenerate && replyTo && (
        <button
          type="button"
          className="text-button small"
          title="Ask for a new answer to the same message"
          onClick={() => void retry(conversationId, replyTo)}
        >
          <Icon name="regenerate" size={14} />
          Regenerate
        </button>
      )}
      <button
        type="button"
        className="text-button small"
        title="Delete this message from this device and every synced device"
        onClick={() => setConfirming(true)}
      >
        <Icon name="trash" size={14} />
        Delete
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete this message for good?"
          confirmLabel="Delete forever"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await deleteMessage(conversationId, m.id)
          }}
        >
          <p className="confirm-quote">
            {m.text.length > 280 ? `${m.text.slice(0, 279)}…` : m.text}
          </p>
          <ForeverNote />
        </ConfirmDialog>
      )}
    </footer>
  )
}
