import { memo } from 'react'
import type { Message } from '../../../../shared/contract'
import { useApp } from '../../state/store'
import { retry, stop } from '../../state/actions'
import { MessageActions } from './message-actions'
import { formatFull, formatTime } from '../../lib/format'
import { nextStepFor } from '../../lib/human-error'
import { Icon } from '../icons'
import { toolLabel } from '../../lib/tool-label'
import { MarkdownText } from './markdown'

const author = (m: Message): string =>
  m.role === 'user' ? 'You' : m.role === 'assistant' ? 'Keepsake' : 'System'

const openContext = (replyId: string): void =>
  useApp.setState({ dialog: 'context', contextReplyId: replyId })

/**
 * One saved message. Replies render Markdown and open "What the assistant saw" (imported ones were
 * answered elsewhere, so they have nothing to show); a failed reply says what to do and offers Retry.
 */
export const MessageRow = memo(function MessageRow({
  message: m,
  conversationId,
  canRetry,
  canRegenerate,
  highlight,
}: {
  message: Message
  conversationId: string
  canRetry: boolean
  canRegenerate: boolean
  highlight: boolean
}) {
  if (m.tool) return <ToolStepRow message={m} label={toolLabel(m.tool)} highlight={highlight} />
  const who = author(m)
  const stopped = m.error?.code === 'stopped'
  const classes = [
    'message',
    m.role,
    m.error && !stopped ? 'failed' : '',
    highlight ? 'highlight' : '',
  ]
  const said = (
    <>
      <header className="message-head">
        <span className="author">{m.speaker ?? who}</span>
        <time dateTime={m.createdAt} title={formatFull(m.createdAt)}>
          {formatTime(m.createdAt)}
        </time>
        {m.role === 'user' && (
          <span className="saved" title="Saved on this device">
            <Icon name="check" size={12} />
            Saved
          </span>
        )}
        {m.role === 'assistant' &&
          !m.deviceId.startsWith('import:') &&
          m.error?.code !== 'interrupted' && (
            <button
              type="button"
              className="text-button small inspect"
              title="The prompt, memories and token budget behind this reply"
              onClick={() => openContext(m.id)}
            >
              <Icon name="eye" size={14} />
              <span className="inspect-label">What the assistant saw</span>
            </button>
          )}
      </header>
      <div className="message-body">
        {m.role === 'assistant' ? (
          <MarkdownText text={m.text} />
        ) : (
          <p className="plain">{m.text}</p>
        )}
      </div>
      {stopped ? (
        <p className="message-note">
          <Icon name="stop" size={13} />
          <span>Stopped{m.text.trim() === '' ? ' before any answer came' : ''}.</span>
        </p>
      ) : m.error?.code === 'interrupted' ? (
        <p className="message-error">
          <Icon name="alert" />
          <span>
            Interrupted: Keepsake was closed or reloaded while writing this reply
            {m.text.trim() === '' ? '' : ' — this is what had arrived'}. Retry for a full answer.
          </span>
        </p>
      ) : (
        m.error && (
          <p className="message-error">
            <Icon name="alert" />
            <span>{nextStepFor(m.error.code)}</span>
          </p>
        )
      )}
    </>
  )
  return (
    <article
      className={classes.join(' ').trim()}
      aria-label={`${m.speaker ?? who}, ${formatTime(m.createdAt)}`}
      data-message-id={m.id}
      tabIndex={-1}
    >
      {/* Your words sit in a bubble of their own, the actions under it, so the bubble ends with the text. */}
      {m.role === 'user' ? <div className="bubble">{said}</div> : said}
      <MessageActions
        message={m}
        conversationId={conversationId}
        canRetry={canRetry}
        canRegenerate={canRegenerate}
      />
    </article>
  )
})

/**
 * An imported tool step (a web search, a code run): folded to one line that says what happened,
 * never shown as the assistant speaking; opening it shows what the tool was asked or returned.
 */
function ToolStepRow({
  message: m,
  label,
  highlight,
}: {
  message: Message
  label: string
  highlight: boolean
}) {
  return (
    <article
      className={highlight ? 'message tool-step highlight' : 'message tool-step'}
      aria-label={`Tool step: ${label}, ${formatTime(m.createdAt)}`}
      data-message-id={m.id}
      tabIndex={-1}
    >
      <details>
        <summary>
          <span className="tool-label">{label}</span>
          <time dateTime={m.createdAt} title={formatFull(m.createdAt)}>
            {formatTime(m.createdAt)}
          </time>
        </summary>
        {m.text.trim() === '' ? (
          <p className="hint">Nothing was recorded for this step.</p>
        ) : (
          <pre className="tool-text">{m.text}</pre>
        )}
      </details>
    </article>
  )
}

/** A reply still being written (it streams in), or one that failed before it could be saved. */
export function PendingRow({ replyTo }: { replyTo: string }) {
  const p = useApp((s) => s.pending[replyTo])
  if (!p) return null
  return (
    <article
      className={p.failed ? 'message assistant pending failed' : 'message assistant pending'}
      aria-busy={!p.failed}
      aria-label={p.failed ? 'Keepsake, reply failed' : 'Keepsake, writing a reply'}
    >
      <header className="message-head">
        <span className="author">Keepsake</span>
        {!p.failed && <span className="typing">writing…</span>}
      </header>
      <div className="message-body">
        {p.failed ? (
          <p className="plain">{p.failed}</p>
        ) : p.text ? (
          <MarkdownText text={p.text} />
        ) : (
          <p className="thinking" aria-label="Thinking">
            <span />
            <span />
            <span />
          </p>
        )}
      </div>
      {!p.failed && (
        <footer className="message-actions">
          <button
            type="button"
            className="text-button small accent"
            title="Stop this reply; what has arrived is kept"
            onClick={() => void stop(p.conversationId, replyTo)}
          >
            <Icon name="stop" size={14} />
            Stop
          </button>
        </footer>
      )}
      {p.failed && (
        <footer className="message-actions">
          <span className="hint">Your message is saved.</span>
          <button
            type="button"
            className="text-button small accent"
            onClick={() => void retry(p.conversationId, replyTo)}
          >
            <Icon name="undo" size={14} />
            Retry
          </button>
        </footer>
      )}
    </article>
  )
}

/** A message the person entered that is still being saved: never marked "Saved" until it is. */
export function OutgoingRow({ localId }: { localId: number }) {
  const o = useApp((s) => s.outbox.find((x) => x.localId === localId))
  if (!o) return null
  return (
    <article className="message user outgoing" aria-busy="true" aria-label="You, saving">
      <div className="bubble">
        <header className="message-head">
          <span className="author">You</span>
          <span className="saving">Saving…</span>
        </header>
        <div className="message-body">
          <p className="plain">{o.text}</p>
        </div>
      </div>
    </article>
  )
}

/** A row whose page is still loading: the shape of a message, nothing to read. */
export function PlaceholderRow() {
  return (
    <div className="message-placeholder" aria-hidden="true">
      <span className="skeleton short" />
      <span className="skeleton" />
      <span className="skeleton medium" />
    </div>
  )
}
