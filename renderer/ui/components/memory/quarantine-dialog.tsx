import { useEffect, useState } from 'react'
import type { QuarantinedRecord } from '../../../../shared/contract'
import { discardQuarantined, exportQuarantined, listQuarantine } from '../../state/memory-actions'
import { useApp } from '../../state/store'
import { formatFull, formatRelative } from '../../lib/format'
import { Icon } from '../icons'
import { Modal } from '../modal'

const originLabel = (origin: string): string =>
  origin === 'memory' ? 'Memory' : origin.startsWith('conversation:') ? 'A conversation' : origin

/**
 * Records that failed validation on load: where each came from, which field is wrong and why.
 * Each can be exported as it was stored, or discarded for good; nothing is dropped silently.
 */
export function QuarantineDialog() {
  const close = (): void => useApp.setState({ dialog: null })
  const count = useApp((s) => s.memory?.quarantineCount ?? 0)
  const [records, setRecords] = useState<QuarantinedRecord[] | null>(null)
  useEffect(() => {
    let live = true
    void listQuarantine().then((r) => {
      if (live) setRecords(r ?? [])
    })
    return () => {
      live = false
    }
  }, [count])
  return (
    <Modal title="Unreadable records" onClose={close} className="quarantine-dialog">
      <p className="dialog-lead">
        These records were saved but do not match what this version of Keepsake expects, so the
        assistant does not use them. They are kept until you decide: export one to keep a copy, or
        discard it.
      </p>
      {records === null ? (
        <p className="hint">Loading…</p>
      ) : records.length === 0 ? (
        <p className="empty-note">No unreadable records. Everything Keepsake stored can be read.</p>
      ) : (
        <ul className="quarantine-list">
          {records.map((r) => (
            <QuarantineRow
              key={r.id}
              record={r}
              onDiscarded={() => setRecords((all) => (all ?? []).filter((x) => x.id !== r.id))}
            />
          ))}
        </ul>
      )}
    </Modal>
  )
}

function QuarantineRow({
  record,
  onDiscarded,
}: {
  record: QuarantinedRecord
  onDiscarded: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="quarantine-item">
      <div className="quarantine-head">
        <span className="kind">{originLabel(record.origin)}</span>
        <code className="record-id">{record.recordId}</code>
        <span className="hint" title={formatFull(record.at)}>
          found {formatRelative(record.at)}
        </span>
      </div>
      <dl className="quarantine-facts">
        <dt>Path</dt>
        <dd>
          <code>{record.path || '(the whole record)'}</code>
        </dd>
        <dt>Reason</dt>
        <dd>{record.reason}</dd>
      </dl>
      <div className="quarantine-actions">
        {confirming ? (
          <>
            <span className="hint">Discard this record for good?</span>
            <button
              type="button"
              className="danger-button small"
              onClick={async () => {
                if (await discardQuarantined(record.id)) onDiscarded()
              }}
            >
              Discard for good
            </button>
            <button
              type="button"
              className="ghost-button small"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="ghost-button small"
              onClick={() => void exportQuarantined(record)}
            >
              <Icon name="download" size={14} />
              Export
            </button>
            <button
              type="button"
              className="ghost-button small danger"
              onClick={() => setConfirming(true)}
            >
              <Icon name="trash" size={14} />
              Discard
            </button>
          </>
        )}
      </div>
    </li>
  )
}
