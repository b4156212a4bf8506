import { useApp } from '../../state/store'
import { formatCount } from '../../lib/format'
import { Composer } from './composer'
import { MessageList } from './message-list'
import { Welcome } from './welcome'

/** The middle column: the open conversation (or, while empty, the first-run welcome) and the message box. */
export function ChatView() {
  const thread = useApp((s) => s.thread)
  const title = useApp((s) => s.conversations.find((c) => c.id === s.activeId)?.title ?? null)
  const welcomed = useApp((s) => s.settings === null || s.settings.welcomed)
  const hasPending = useApp(
    (s) =>
      s.outbox.length > 0 ||
      Object.values(s.pending).some((p) => p.conversationId === s.thread?.conversationId),
  )
  const empty = !thread || (thread.total === 0 && !hasPending)
  // The welcome is the empty conversation's page until "Got it": never above messages.
  const showWelcome = !welcomed && empty
  return (
    <main className="chat">
      <header className="chat-head">
        <div className="chat-title">
          <h2>{title ?? 'New conversation'}</h2>
          {thread && thread.total > 0 && (
            <span className="chat-meta">
              {formatCount(thread.total)} {thread.total === 1 ? 'message' : 'messages'}
            </span>
          )}
        </div>
      </header>
      <div className="chat-body">
        {thread ? (
          <MessageList key={thread.conversationId} thread={thread} />
        ) : (
          <div className="log-wrap">
            <div className="messages" role="log" aria-label="Conversation" tabIndex={0} />
          </div>
        )}
        {showWelcome && (
          <div className="chat-welcome">
            <Welcome />
          </div>
        )}
        {empty && !showWelcome && (
          <div className="chat-empty">
            <p>
              Tell Keepsake something worth remembering — a preference, a fact, what you’re working
              on.
            </p>
          </div>
        )}
      </div>
      <Composer />
    </main>
  )
}
