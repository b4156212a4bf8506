import { useApp } from '../state/store'
import { useTheme } from '../lib/use-theme'
import { useGlobalKeys } from '../lib/use-global-keys'
import { Sidebar } from './sidebar/sidebar'
import { ChatView } from './chat/chat-view'
import { MemoryPanel } from './memory/memory-panel'
import { Toasts } from './toasts'
import { SettingsDialog } from './settings/settings-dialog'
import { SearchPalette } from './palette/search-palette'
import { QuarantineDialog } from './memory/quarantine-dialog'
import { ContextDialog } from './context/context-dialog'

/** The main window: conversations, the chat, and what the assistant remembers. */
export function App() {
  useTheme()
  useGlobalKeys()
  const dialog = useApp((s) => s.dialog)
  const readOnly = useApp((s) => s.status?.readOnly ?? null)
  return (
    <div className="app">
      {readOnly && (
        <div className="banner" role="alert">
          This memory was saved by a newer Keepsake (schema v{readOnly.schemaVersion}). It is open
          read-only so nothing is lost — update Keepsake to make changes.
        </div>
      )}
      <div className="columns">
        <Sidebar />
        <ChatView />
        <MemoryPanel />
      </div>
      <Toasts />
      {dialog === 'settings' && <SettingsDialog />}
      {dialog === 'palette' && <SearchPalette />}
      {dialog === 'quarantine' && <QuarantineDialog />}
      {dialog === 'context' && <ContextDialog />}
    </div>
  )
}
