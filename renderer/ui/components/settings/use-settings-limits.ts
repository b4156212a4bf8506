import { useEffect, useState } from 'react'
import type { SettingsLimits } from '../../../../shared/contract/settings'
import { client } from '../../state/client'

/** The bounds the runtime holds Settings' number fields to; asked again when the reply reserve moves. */
export function useSettingsLimits(replyReserve: number): SettingsLimits | null {
  const [limits, setLimits] = useState<SettingsLimits | null>(null)
  useEffect(() => {
    let live = true
    void client()
      .request('settings.limits', {})
      .then((r) => {
        if (live && r.ok) setLimits(r.value)
      })
    return () => {
      live = false
    }
  }, [replyReserve])
  return limits
}
