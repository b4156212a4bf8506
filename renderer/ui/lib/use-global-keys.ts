import { useEffect } from 'react'
import { useApp } from '../state/store'
import { hasCommandKey } from './keys'

/** App-wide shortcuts: Ctrl/⌘+K searches everything, Ctrl/⌘+, opens Settings. Dialogs close on Esc themselves. */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!hasCommandKey(e) || e.altKey || e.shiftKey) return
      const key = e.key.toLowerCase()
      if (key === 'k') {
        e.preventDefault()
        const open = useApp.getState().dialog
        useApp.setState({ dialog: open === 'palette' ? null : 'palette' })
      } else if (key === ',') {
        e.preventDefault()
        useApp.setState({ dialog: 'settings' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
