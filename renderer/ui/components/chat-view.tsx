import { useEffect, useRef } from 'react'
import { useApp } from '../state/store'
import { retry } from '../state/actions'
import { Composer } from './composer'

const time = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

/** The active conversation: its messages, replies being written, and the composer. */
export function ChatView() {
  const messages = useApp((s) => s.messages)
  const activeId = useApp((s) => s.activeId)
  const pending = useApp((s) => s.pending)
  const end = useRef<HTMLDivElement>(null)
  const live = Object.entries(pending).filter(([, p]) => p.conversationId === activeId)
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' })
  }, [messages.length, live.length])
  return (
    <main className="chat">
      <div className="messages" role="log" aria-label="Conversation" aria-live="polite">
        {messages.length === 0 && live.length === 0 && (
          <p className="empty">Tell Keepsake something worth remembering — a preference, a fact, what you're working on.</p>
        )}
        {messages.map((m) => (
          <article key={m.id} className={`message ${m.role}${m.error ? ' failed' : ''}`} aria-label={`${m.role === 'user' ? 'You' : 'Keepsake'}, ${time(m.createdAt)}`}>
            <div className="message-text">{m.text}</div>
            <footer className="message-meta">
              <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
              {m.role === 'user' && <span className="saved">Saved</span>}
              {m.error && m.replyTo && activeId && (
                <button type="button" className="link" onClick={() => void retry(activeId, m.replyTo ?? '')}>
                  Retry
                </button>
              )}
            </footer>
          </article>
        ))}
        {live.map(([replyTo, p]) => (
          <article key={replyTo} className={`message assistant pending${p.failed ? ' failed' : ''}`} aria-busy={!p.failed}>
            <div className="message-text">{p.failed ?? (p.text || 'Thinking…')}</div>
            {p.failed && activeId && (
              <footer className="message-meta">
                <button type="button" className="link" onClick={() => void retry(activeId, replyTo)}>
                  Retry
                </button>
              </footer>
            )}
          </article>
        ))}
        <div ref={end} />
      </div>
      <Composer />
    </main>
  )
}
