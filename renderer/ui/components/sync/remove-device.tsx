import { useState } from 'react'
import type { SyncStatusView } from '../../../../shared/contract/sync-requests'
import { changeSecret } from './sync-actions'
import { useSync } from './sync-store'

type DeviceView = SyncStatusView['devices'][number]

/**
 * "Remove" on another device's row: asks first, saying exactly what happens (a new secret, the relay
 * refusing the old one, which other devices follow by themselves and which need the new code), then
 * changes the secret.
 */
export function RemoveDevice({ device, devices }: { device: DeviceView; devices: DeviceView[] }) {
  const [asking, setAsking] = useState(false)
  const busy = useSync((s) => s.work !== null)
  const staying = devices.filter((d) => !d.thisDevice && d.deviceId !== device.deviceId)
  const following = staying.filter((d) => d.followsKeyChange).map((d) => d.name)
  const typing = staying.filter((d) => !d.followsKeyChange).map((d) => d.name)
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
        {following.length > 0 &&
          ` ${following.join(', ')} ${following.length === 1 ? 'follows' : 'follow'} by itself: the new secret is left on the relay sealed so that only ${following.length === 1 ? 'it' : 'they'} can read it.`}
        {typing.length > 0 &&
          ` ${typing.join(', ')} must enter the new pairing code to keep syncing (paired by an older version).`}
      </p>
      <div className="sync-row">
        <button
          type="button"
          className="ghost-button danger"
          disabled={busy}
          onClick={() =>
            void changeSecret(device.deviceId).then((done) => done && setAsking(false))
          }
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
