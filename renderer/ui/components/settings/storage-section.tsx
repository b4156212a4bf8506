import type { AppStatus } from '../../../../shared/contract'
import { electronApi } from '../../client/connect'
import { formatBytes } from '../../lib/format'

/** How much this device's storage Keepsake uses, and where. */
export function StorageSection({ status }: { status: AppStatus | null }) {
  const storage = status?.storage ?? null
  const where = electronApi() ? 'Keepsake’s app data folder' : 'this browser profile'
  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h3 id="settings-storage">Storage</h3>
      {storage ? (
        <>
          <p>
            <strong>{formatBytes(storage.usedBytes)}</strong> used
            {storage.quotaBytes > 0 && <> of {formatBytes(storage.quotaBytes)} available</>}
          </p>
          {storage.quotaBytes > 0 && (
            <div
              className="budget-bar"
              role="meter"
              aria-label="Storage used"
              aria-valuemin={0}
              aria-valuemax={storage.quotaBytes}
              aria-valuenow={storage.usedBytes}
              aria-valuetext={`${formatBytes(storage.usedBytes)} of ${formatBytes(storage.quotaBytes)}`}
            >
              <span
                style={{
                  width: `${Math.max(0.5, (storage.usedBytes / storage.quotaBytes) * 100)}%`,
                }}
              />
            </div>
          )}
        </>
      ) : (
        <p>This system does not report how much storage is used.</p>
      )}
      <p className="hint">
        Memory and conversations live on this device, in {where}
        {status ? (
          <>
            {' '}
            (space “{status.spaceName}”, schema v{status.schemaVersion})
          </>
        ) : null}
        . Nothing leaves it unless you turn on sync.
      </p>
    </section>
  )
}
