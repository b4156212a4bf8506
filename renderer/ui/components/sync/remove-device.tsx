import { useState } from 'react'
import type { SyncStatusView } from '../../../../shared/contract/sync-requests'
import { changeSecret } from './sync-actions'
import { useSync } from './sync-store'

type DeviceView = SyncStatusView['devices'][number]

/**
 * "Remove" on another device's row: asks first, saying exactly what happens (a new secret, the relay
 * refusing the old one, the other devices needing the new code), then changes the secret.
 */
export function RemoveDevice({ device, devices }: { device: DeviceView; devices: DeviceView[] }) {
  const [asking, setAsking] = useState(false)
  const busy = useSync((s) => s.work !== null)
  const staying = devices.filter((d) => !d.thisDevice && d.deviceId !== device.deviceId)
  if (!asking) {
    return (
      <button
        type="button"
        className="text-button small"
        disabled={busy}
        aria-label={`Remove ${device.name}`}
        onClick={() => setAsking(true)}
      >
        Remove
      </button>
    )
  }
  return (
    <div className="sync-remove" role="group" aria-label={`Remove ${device.name}?`}>
      <p>
        This device makes a new sync secret and the relay refuses the old one, so {device.name} can
        no longer read new changes or send any. It keeps what it already has.
        {staying.length > 0 &&
          ` ${staying.map((d) => d.name).join(', ')} must enter the new pairing code to keep syncing.`}
      </p>
      <div className="sync-row">
        <button
          type="button"
          className="ghost-button danger"
          disabled={busy}
          onClick={() => void changeSecret().then((done) => done && setAsking(false))}
        >
          Remove {device.name}
        </button>
        <button
          type="button"
          className="ghost-button"
          disabled={busy}
          onClick={() => setAsking(false)}
        >
          Cancel
        </button>
      </div>
    </div>
  )
}
