import { useDeferredValue, useMemo, useState } from 'react'
import { useContentMatches } from './use-content-matches'
import { useApp } from '../../state/store'
import { newConversation } from '../../state/actions'
import { Icon } from '../icons'
import { ConversationList } from './conversation-list'
import { TrashList } from './trash-list'
import { shortcut } from '../../lib/keys'
import { useNow } from '../../lib/use-now'
import { FilesButton } from '../files/files-button'
import { SyncButton } from '../sync/sync-button'

/** The sidebar: conversations (filterable), Trash, and the way to Settings. */
export function Sidebar() {
  const view = useApp((s) => s.sidebarView)
  const trashCount = useApp((s) => s.conversations.filter((c) => c.deletedAt !== null).length)
  const readOnly = useApp((s) => s.status?.readOnly != null)
  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar-top">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="bookmark" size={14} />
          </span>
          Keepsake
        </h1>
        <button
          type="button"
          className="icon-button"
          aria-label="Search everything"
          title={`Search everything (${shortcut('K')})`}
          aria-keyshortcuts="Control+K Meta+K"
          onClick={() => useApp.setState({ dialog: 'palette' })}
        >
          <Icon name="search" />
        </button>
      </div>
      <button
        type="button"
        className="new-conversation"
        disabled={readOnly}
        onClick={() => void newConversation()}
      >
        <Icon name="plus" />
        New conversation
      </button>
      {view === 'trash' ? <TrashList /> : <ConversationSection />}
      <div className="sidebar-foot">
        <SyncButton />
        <FilesButton />
        <button
          type="button"
          className={view === 'trash' ? 'nav-button active' : 'nav-button'}
          aria-pressed={view === 'trash'}
          onClick={() =>
            useApp.setState({ sidebarView: view === 'trash' ? 'conversations' : 'trash' })
          }
        >
          <Icon name="trash" />
          Trash
          {trashCount > 0 && <span className="count">{trashCount}</span>}
        </button>
        <button
          type="button"
          className="nav-button"
          aria-keyshortcuts="Control+Comma Meta+Comma"
          onClick={() => useApp.setState({ dialog: 'settings' })}
        >
          <Icon name="gear" />
          Settings
        </button>
      </div>
    </nav>
  )
}

function ConversationSection() {
  const conversations = useApp((s) => s.conversations)
  const activeId = useApp((s) => s.activeId)
  const [query, setQuery] = useState('')
  const now = useNow()
  const deferred = useDeferredValue(query)
  const inMessages = useContentMatches(deferred)
  const live = useMemo(() => {
    const q = deferred.trim().toLowerCase()
    return conversations.filter(
      (c) =>
        c.deletedAt === null &&
        (q === '' || c.title.toLowerCase().includes(q) || inMessages.has(c.id)),
    )
  }, [conversations, deferred, inMessages])
  // Pinned conversations stay on top, most recently active first, like the rest below them.
  const pinned = useMemo(() => live.filter((c) => c.pinnedAt !== null), [live])
  const others = useMemo(() => live.filter((c) => c.pinnedAt === null), [live])
  const none = conversations.every((c) => c.deletedAt !== null)
  return (
    <div className="conv-section">
      <div className="filter-field">
        <Icon name="search" />
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Filter conversations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {none ? (
        <p className="empty-note">
          No conversations yet. Start one and tell Keepsake something worth remembering.
        </p>
      ) : live.length === 0 ? (
        <p className="empty-note">No conversation title or message matches “{deferred.trim()}”.</p>
      ) : (
        <ConversationList pinned={pinned} others={others} activeId={activeId} now={now} />
      )}
    </div>
  )
}
