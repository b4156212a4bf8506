import { useApp } from '../state/store'
import { newConversation, openConversation } from '../state/actions'

/** The sidebar: every conversation, newest first. */
export function ConversationList() {
  const conversations = useApp((s) => s.conversations)
  const activeId = useApp((s) => s.activeId)
  const live = conversations.filter((c) => c.deletedAt === null)
  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar-head">
        <h1 className="brand">Keepsake</h1>
        <button type="button" className="primary" onClick={() => void newConversation()}>
          New conversation
        </button>
      </div>
      <ul className="conversation-list">
        {live.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={c.id === activeId ? 'conversation active' : 'conversation'}
              aria-current={c.id === activeId ? 'page' : undefined}
              onClick={() => void openConversation(c.id)}
            >
              <span className="conversation-title">{c.title}</span>
              <span className="conversation-meta">{c.messageCount} messages</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
