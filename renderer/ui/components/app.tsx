import { useApp } from '../state/store'
import { ConversationList } from './conversation-list'
import { ChatView } from './chat-view'
import { MemoryPanel } from './memory-panel'

/** The main window: conversations, the chat, and what the assistant remembers. */
export function App() {
  const notice = useApp((s) => s.notice)
  const readOnly = useApp((s) => s.status?.readOnly ?? null)
  return (
    <div className="app">
      {readOnly && (
        <div className="banner" role="alert">
          This memory was saved by a newer Keepsake (schema v{readOnly.schemaVersion}). It is open read-only so
          nothing is lost — update Keepsake to make changes.
        </div>
      )}
      {notice && (
        <div className="banner banner-error" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => useApp.setState({ notice: null })}>
            Dismiss
          </button>
        </div>
      )}
      <div className="columns">
        <ConversationList />
        <ChatView />
        <MemoryPanel />
      </div>
    </div>
  )
}
