import { useEffect } from 'react'
import { useApp } from '../../state/store'
import { refreshStatus } from '../../state/settings-actions'
import { Modal } from '../modal'
import { AppearanceSection } from './appearance-section'
import { MemorySection } from './memory-section'
import { ProviderSection } from './provider-section'
import { StorageSection } from './storage-section'

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
        <>
          <ProviderSection settings={settings} />
          <MemorySection settings={settings} />
          <AppearanceSection settings={settings} />
          <StorageSection status={status} />
        </>
      ) : (
        <p className="hint">Loading settings…</p>
      )}
    </Modal>
  )
}
