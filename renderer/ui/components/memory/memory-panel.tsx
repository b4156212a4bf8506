import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { MemoryItemView } from '../../../../shared/contract'
import type { MemoryKind } from '../../../../shared/schema/current'
import { useApp } from '../../state/store'
import { formatCount, plural } from '../../lib/format'
import { Icon } from '../icons'
import { KIND_LABEL, MemoryRow } from './memory-row'
import { MemoryAddForm } from './memory-add-form'

type KindFilter = MemoryKind | 'all'

/** When an item that is no longer current stopped holding. */
const endedAt = (v: MemoryItemView): string =>
  v.item.retractedAt ?? v.item.validTo ?? v.item.validFrom

const FILTERS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'preference', label: 'Preferences' },
  { value: 'fact', label: 'Facts' },
  { value: 'task', label: 'Tasks' },
  { value: 'issue', label: 'Issues' },
]

const matches = (v: MemoryItemView, kind: KindFilter, q: string, staleOnly: boolean): boolean =>
  (kind === 'all' || v.item.kind === kind) &&
  (!staleOnly || v.freshness === 'needs-reverify') &&
  (q === '' || v.item.text.toLowerCase().includes(q) || KIND_LABEL[v.item.kind].toLowerCase() === q)

/**
 * What the assistant remembers: current preferences, facts, tasks and issues, stale ones first.
 * Filter by kind, search, act on each item; records that could not be read are reported here too.
 * The list is virtualized, so thousands of items stay cheap.
 */
export function MemoryPanel() {
  const memory = useApp((s) => s.memory)
  const focus = useApp((s) => s.memoryFocus)
  const readOnly = useApp((s) => s.status?.readOnly != null)
  const [kind, setKind] = useState<KindFilter>('all')
  const [query, setQuery] = useState('')
  const [staleOnly, setStaleOnly] = useState(false)
  const [showPast, setShowPast] = useState(false)
  const [adding, setAdding] = useState(false)
  const q = useDeferredValue(query.trim().toLowerCase())

  const current = useMemo(() => {
    const active = (memory?.items ?? []).filter((v) => v.item.status === 'active')
    const stale = active.filter((v) => v.freshness === 'needs-reverify')
    const fresh = active.filter((v) => v.freshness !== 'needs-reverify')
    return [...stale, ...fresh]
  }, [memory])
  // Retracted and replaced versions, most recently ended first: history, never shown as current.
  const past = useMemo(
    () =>
      (memory?.items ?? [])
        .filter((v) => v.item.status !== 'active')
        .sort((a, b) => endedAt(b).localeCompare(endedAt(a))),
    [memory],
  )
  const list = showPast ? past : current
  const stalePass = !showPast && staleOnly
  // What the search and the stale toggle leave; the chips count these, so their counts follow the search.
  const searched = useMemo(
    () => list.filter((v) => matches(v, 'all', q, stalePass)),
    [list, q, stalePass],
  )
  const counts = useMemo(() => {
    const c: Record<KindFilter, number> = {
      all: searched.length,
      preference: 0,
      fact: 0,
      task: 0,
      issue: 0,
    }
    for (const v of searched) c[v.item.kind]++
    return c
  }, [searched])
  const staleCount = useMemo(
    () => current.filter((v) => v.freshness === 'needs-reverify').length,
    [current],
  )
  const shown = useMemo(
    () => searched.filter((v) => kind === 'all' || v.item.kind === kind),
    [searched, kind],
  )

  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 120,
    overscan: 6,
    getItemKey: (i) => shown[i]?.item.id ?? i,
    gap: 8,
  })

  // Bring a focused item into view (from search): clear filters that hide it, scroll, focus.
  const [focusedId, setFocusedId] = useState<string | null>(null)
  useEffect(() => {
    if (!focus) return
    setKind('all')
    setQuery('')
    setStaleOnly(false)
    setShowPast(false)
    setFocusedId(focus.id)
  }, [focus])
  const focusIndex = focusedId === null ? -1 : shown.findIndex((v) => v.item.id === focusedId)
  useEffect(() => {
    if (focusIndex < 0 || !focusedId) return
    virtualizer.scrollToIndex(focusIndex, { align: 'center' })
    const raf = requestAnimationFrame(() =>
      scroller.current
        ?.querySelector<HTMLElement>(`[data-memory-id="${CSS.escape(focusedId)}"]`)
        ?.focus({ preventScroll: true }),
    )
    return () => cancelAnimationFrame(raf)
  }, [focusIndex, focusedId, virtualizer])

  const items = virtualizer.getVirtualItems()
  const filtered = kind !== 'all' || q !== '' || stalePass
  return (
    <aside className="memory" role="region" aria-label="Memory">
      <header className="memory-top">
        <h2>
          Memory
          <span className="count" aria-label={plural(current.length, 'item')}>
            {current.length}
          </span>
        </h2>
        <p className="hint">What Keepsake knows about you, and when it last checked.</p>
        {!adding && (
          <button
            type="button"
            className="ghost-button small memory-add-button"
            disabled={readOnly}
            onClick={() => setAdding(true)}
          >
            <Icon name="plus" size={13} />
            Add to memory
          </button>
        )}
      </header>
      {adding && <MemoryAddForm onDone={() => setAdding(false)} />}
      <MemoryAlerts />
      <div className="memory-tools">
        <div className="filter-field">
          <Icon name="search" />
          <input
            type="search"
            aria-label="Search memory"
            placeholder="Search memory"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="segmented" role="group" aria-label="Filter by kind">
          {FILTERS.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={kind === f.value}
              onClick={() => setKind(f.value)}
            >
              {f.label}
              {(q !== '' || stalePass || (f.value !== 'all' && counts[f.value] > 0)) && (
                <span className="seg-count">{counts[f.value]}</span>
              )}
            </button>
          ))}
        </div>
        <div className="memory-toggles">
          {staleCount > 0 && !showPast && (
            <button
              type="button"
              className={staleOnly ? 'stale-toggle on' : 'stale-toggle'}
              onClick={() => setStaleOnly((v) => !v)}
            >
              <Icon name={staleOnly ? 'close' : 'alert'} size={13} />
              {staleOnly
                ? 'Show everything'
                : `Show the ${plural(staleCount, 'item')} to re-verify`}
            </button>
          )}
          {past.length > 0 && (
            <button
              type="button"
              className="past-toggle"
              aria-pressed={showPast}
              onClick={() => setShowPast((v) => !v)}
            >
              <Icon name={showPast ? 'close' : 'history'} size={13} />
              {showPast
                ? 'Back to current memory'
                : `Retracted & replaced (${formatCount(past.length)})`}
            </button>
          )}
        </div>
        {showPast && (
          <p className="past-note" role="note">
            Not current: kept as history. The assistant does not use these; Restore makes a
            retracted one current again.
          </p>
        )}
      </div>
      <div ref={scroller} className="memory-scroll">
        {shown.length === 0 ? (
          <p className="empty-note">
            {showPast && list.length === 0
              ? 'Nothing has been retracted or replaced.'
              : list.length === 0
                ? 'Nothing remembered yet. Tell Keepsake a preference or a fact, or add one with Add to memory.'
                : filtered
                  ? 'Nothing matches these filters.'
                  : 'Nothing remembered yet.'}
          </p>
        ) : (
          <div className="memory-inner" style={{ height: virtualizer.getTotalSize() }}>
            <ul
              className="memory-list"
              aria-label={showPast ? 'Retracted and replaced items' : 'Remembered items'}
              style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
            >
              {items.map((it) => {
                const view = shown[it.index]
                if (!view) return null
                return (
                  <MemoryRow
                    key={it.key}
                    index={it.index}
                    measure={virtualizer.measureElement}
                    view={view}
                    focused={view.item.id === focusedId}
                    readOnly={readOnly}
                  />
                )
              })}
            </ul>
          </div>
        )}
      </div>
    </aside>
  )
}

/** Read-only, unreadable and future records: loud, never silent. */
function MemoryAlerts() {
  const quarantined = useApp((s) => s.memory?.quarantineCount ?? 0)
  const future = useApp((s) => s.memory?.futureCount ?? 0)
  if (quarantined === 0 && future === 0) return null
  return (
    <div className="memory-alerts">
      {quarantined > 0 && (
        <div className="alert-card">
          <Icon name="alert" />
          <div>
            <p role="status">{plural(quarantined, 'record')} could not be read</p>
            <button
              type="button"
              className="link-button"
              onClick={() => useApp.setState({ dialog: 'quarantine' })}
            >
              View unreadable records
            </button>
          </div>
        </div>
      )}
      {future > 0 && (
        <div className="alert-card info">
          <Icon name="sparkle" />
          <p role="status">
            {plural(future, 'record')} from a newer Keepsake {future === 1 ? 'is' : 'are'} kept
            untouched but not used until you update.
          </p>
        </div>
      )}
    </div>
  )
}
