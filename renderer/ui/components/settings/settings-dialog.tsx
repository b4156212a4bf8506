import { useEffect } from 'react'
import { useApp } from '../../state/store'
import { refreshStatus } from '../../state/settings-actions'
import { Modal } from '../modal'
import { AppearanceSection } from './appearance-section'
import { MemorySection } from './memory-section'
import { ProviderSection } from './provider-section'
import { StorageSection } from './storage-section'

const SECTIONS = [
  { id: 'settings-provider', label: 'Model' },
  { id: 'settings-restore', label: 'Restore strategy' },
  { id: 'settings-window', label: 'Context window' },
  { id: 'settings-freshness', label: 'Freshness' },
  { id: 'settings-theme', label: 'Theme' },
  { id: 'settings-storage', label: 'Storage' },
]

/** Settings: the model, how conversations are restored, freshness, theme and storage. */
export function SettingsDialog() {
  const settings = useApp((s) => s.settings)
  const status = useApp((s) => s.status)
  const close = (): void => useApp.setState({ dialog: null })
  useEffect(() => {
    void refreshStatus()
  }, [])
  return (
    <Modal title="Settings" onClose={close} className="settings-dialog">
      {settings ? (
        <div className="settings-layout">
          <nav className="settings-nav" aria-label="Settings sections">
            {SECTIONS.map((s) => (
              <button
                key={s.id}
                type="button"
                onClick={() =>
                  document
                    .getElementById(s.id)
                    ?.scrollIntoView({ block: 'start', behavior: 'smooth' })
                }
              >
                {s.label}
              </button>
            ))}
          </nav>
          <div className="settings-sections">
            <ProviderSection settings={settings} />
            <MemorySection settings={settings} />
            <AppearanceSection settings={settings} />
            <StorageSection status={status} />
          </div>
        </div>
      ) : (
        <p className="hint">Loading settings…</p>
      )}
    </Modal>
  )
}
