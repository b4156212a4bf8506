import { useEffect, useState } from 'react'
import type { MemoryItem } from '../../../../shared/contract'
import { memoryHistory } from '../../state/memory-actions'
import { formatDate } from '../../lib/format'

const valueOf = (item: MemoryItem): string =>
  item.kind === 'preference' ? item.value : `“${item.text}”`

/** The values an item had before, newest first: "was America/New_York until Nov 2, 2026". */
export function MemoryHistory({ id, label }: { id: string; label: string }) {
  const [history, setHistory] = useState<MemoryItem[] | null>(null)
  useEffect(() => {
    let live = true
    void memoryHistory(id).then((h) => {
      if (live) setHistory(h ?? [])
    })
    return () => {
      live = false
    }
  }, [id])
  return (
    <div className="memory-history" role="group" aria-label={label}>
      {history === null ? (
        <p className="hint">Loading history…</p>
      ) : history.length === 0 ? (
        <p className="hint">No earlier values — this is the first version.</p>
      ) : (
        history.map((h) => (
          <p key={h.id} className="history-line">
            was {valueOf(h)}
            {h.validTo ? ` until ${formatDate(h.validTo)}` : ''}
            {h.status === 'retracted' ? ' (retracted)' : ''}
          </p>
        ))
      )}
    </div>
  )
}
