import { useEffect, useState } from 'react'
import type { MemoryItem } from '../../../../shared/contract'
import { memoryHistory } from '../../state/memory-actions'
import { formatDateTime } from '../../lib/format'
import { lostTo } from '../../../../shared/docs/concurrent-edit'

const valueOf = (item: MemoryItem): string =>
  item.kind === 'preference' && item.value !== item.text ? item.value : `“${item.text}”`

/** One version as a sentence with its date and time: what it said, and when it stopped holding. */
function describe(version: MemoryItem, all: MemoryItem[]): string {
  const value = valueOf(version)
  const winner = all.find((v) => v.id === version.supersededBy)
  if (version.status === 'active')
    return `now ${value} (current, since ${formatDateTime(version.validFrom)})`
  if (version.status === 'retracted')
    return `was ${value} until ${formatDateTime(version.retractedAt ?? version.validTo ?? version.validFrom)} (retracted)`
  if (lostTo(version, winner))
    return `${value} — edited on another device at the same time (${formatDateTime(version.validFrom)}); the later edit was kept`
  return `was ${value}${version.validTo ? ` until ${formatDateTime(version.validTo)}` : ''}`
}

/**
 * Every other version of an item, newest edit first, each with its date and time: "was
 * America/New_York until Nov 2, 2026, 3:04 PM", a retraction, or an edit that lost to a concurrent
 * one on another device.
 */
export function MemoryHistory({ id, label }: { id: string; label: string }) {
  const [history, setHistory] = useState<MemoryItem[] | null>(null)
  useEffect(() => {
    let live = true
    void memoryHistory(id).then((h) => {
      if (live) setHistory(h)
    })
    return () => {
      live = false
    }
  }, [id])
  const others = history?.filter((h) => h.id !== id) ?? null
  return (
    <div className="memory-history" role="group" aria-label={label}>
      {others === null ? (
        <p className="hint">Loading history…</p>
      ) : others.length === 0 ? (
        <p className="hint">No other versions — this is the first one.</p>
      ) : (
        others.map((h) => (
          <p key={h.id} className="history-line">
            {describe(h, history ?? [])}
          </p>
        ))
      )}
    </div>
  )
}
