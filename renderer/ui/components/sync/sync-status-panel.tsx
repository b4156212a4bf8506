import type { SyncStatusView } from '../../../../shared/contract/sync-requests'
import { formatFull, formatRelative } from '../../lib/format'
import { RemoveDevice } from './remove-device'
import { catchingUp, headline, lastSynced } from './status-text'

/** Where sync stands, the initial catch-up's progress, what could not be used, and the devices. */
export function SyncStatusPanel({ status }: { status: SyncStatusView }) {
  const last = lastSynced(status)
  return (
    <section className="sync-section" aria-label="Sync status">
      <div className={`sync-status state-${status.state}`} role="status" aria-label="Sync status">
        <span className="sync-dot" aria-hidden="true" />
        <div>
          <p className="sync-headline">{headline(status)}</p>
          {(last || status.relayUrl) && (
            <p className="hint">
              {[last, status.relayUrl && `Relay ${status.relayUrl}`].filter(Boolean).join(' · ')}
            </p>
          )}
          {status.message && <p className="sync-message">{status.message}</p>}
          {status.notice && <p className="hint">{status.notice}</p>}
        </div>
      </div>
      {catchingUp(status) && (
        <div className="sync-progress">
          <progress aria-label="Initial sync" />
          <span className="hint">
            {status.pendingItems > 0
              ? `Sending ${status.pendingItems} change(s) to the relay…`
              : 'Catching up with the relay…'}
          </span>
        </div>
      )}
      {status.problems.length > 0 && (
        <details className="sync-problems">
          <summary>
            {status.problems.length === 1
              ? '1 sync problem'
              : `${status.problems.length} sync problems`}
          </summary>
          <ul>
            {status.problems.map((p) => (
              <li key={p.key}>
                {p.docId ? `${p.docId}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {status.devices.length > 0 && (
        <>
          <h3 className="sync-subhead">Paired devices</h3>
          <ul className="sync-devices" aria-label="Paired devices">
            {status.devices.map((d) => (
              <li key={d.deviceId}>
                <span className="sync-device-name">
                  {d.name}
                  {d.thisDevice && <span className="badge">this device</span>}
                </span>
                <span className="hint" title={formatFull(d.lastSeenAt)}>
                  seen {formatRelative(d.lastSeenAt)}
                </span>
                {/* Only a device the relay still admits can change the secret. */}
                {!d.thisDevice && status.state !== 'refused' && (
                  <RemoveDevice device={d} devices={status.devices} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
