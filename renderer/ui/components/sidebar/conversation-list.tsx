import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { defaultRangeExtractor, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import type { ConversationSummary } from '../../../../shared/contract'
import {
  nextConversationRow,
  sidebarRowKey,
  sidebarRows,
  type SidebarGroup,
} from '../../state/sidebar-rows'
import { ConversationRow } from './conversation-row'

/** Space below the last row (px), as the list has always had. */
const END_PADDING = 8

const HEADING_ID: Record<SidebarGroup, string> = {
  pinned: 'conv-group-pinned',
  recent: 'conv-group-recent',
}
const HEADING_TEXT: Record<SidebarGroup, string> = { pinned: 'Pinned', recent: 'Recent' }

/**
 * The sidebar's conversations as a virtualized list: only the rows in view (and a few beyond) are
 * in the page, so a space with thousands of conversations costs the page what a short one does.
 * Pinned ones come first under their heading. The row that has keyboard focus stays in the page
 * while it is scrolled away; ArrowUp / ArrowDown, Home and End move between rows.
 */
export function ConversationList({
  pinned,
  others,
  activeId,
  now,
}: {
  pinned: readonly ConversationSummary[]
  others: readonly ConversationSummary[]
  activeId: string | null
  now: Date
}) {
  const rows = useMemo(() => sidebarRows(pinned, others), [pinned, others])
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [sidebarRowKey(r), i])), [rows])
  const headings = useMemo(() => rows.flatMap((r, i) => (r.kind === 'heading' ? [i] : [])), [rows])
  const [focusedKey, setFocusedKey] = useState<string | null>(null)
  const focused = focusedKey === null ? undefined : indexOf.get(focusedKey)
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'heading' ? 27 : 52),
    overscan: 8,
    getItemKey: (i) => {
      const row = rows[i]
      return row ? sidebarRowKey(row) : i
    },
    paddingEnd: END_PADDING,
    gap: 1,
    // Headings are always in the page (the lists are labelled by them), and so is the focused row.
    rangeExtractor: (range) => {
      const shown = new Set(defaultRangeExtractor(range))
      for (const i of headings) shown.add(i)
      if (focused !== undefined) shown.add(focused)
      return [...shown].sort((a, b) => a - b)
    },
  })
  const items = virtualizer.getVirtualItems()
  const total = virtualizer.getTotalSize()

  // Where each group's list sits: between its heading and the next heading (or the end).
  const headingItem = (group: SidebarGroup): VirtualItem | undefined =>
    items.find((it) => {
      const row = rows[it.index]
      return row?.kind === 'heading' && row.group === group
    })
  const pinnedHeading = headingItem('pinned')
  const recentHeading = headingItem('recent')
  const bottom = total - END_PADDING
  const groupBox = {
    pinned: { top: pinnedHeading?.end ?? 0, bottom: recentHeading?.start ?? bottom },
    recent: { top: recentHeading?.end ?? 0, bottom },
  }

  // Arrow keys, Home and End move focus between conversations, scrolling the next one in first.
  const [wanted, setWanted] = useState<string | null>(null)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const from = rowIndexOf(e.target)
    if (from === null || !(e.target instanceof HTMLElement) || !e.target.matches('.conv-open'))
      return
    const to = nextConversationRow(rows, from, e.key)
    if (to === null) return
    const row = rows[to]
    if (!row) return
    e.preventDefault()
    virtualizer.scrollToIndex(to, { align: 'auto' })
    setWanted(sidebarRowKey(row))
  }
  const wantedShown = wanted !== null && items.some((it) => it.key === wanted)
  useEffect(() => {
    if (wanted === null || !wantedShown) return
    scroller.current
      ?.querySelector<HTMLElement>(`[data-key="${CSS.escape(wanted)}"] .conv-open`)
      ?.focus()
    setWanted(null)
  }, [wanted, wantedShown])

  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const i = rowIndexOf(e.target)
    const row = i === null ? undefined : rows[i]
    setFocusedKey(row?.kind === 'conversation' ? row.summary.id : null)
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget))
      setFocusedKey(null)
  }

  const list = (group: SidebarGroup) => {
    const box = groupBox[group]
    return (
      <ul
        className="conv-list virtual"
        aria-labelledby={pinned.length > 0 ? HEADING_ID[group] : undefined}
        style={{ top: box.top, height: Math.max(0, box.bottom - box.top) }}
      >
        {items.map((it) => {
          const row = rows[it.index]
          if (row?.kind !== 'conversation' || row.group !== group) return null
          return (
            <ConversationRow
              key={it.key}
              summary={row.summary}
              active={row.summary.id === activeId}
              now={now}
              index={it.index}
              offset={it.start - box.top}
              position={row.position}
              setSize={row.groupSize}
              measure={virtualizer.measureElement}
            />
          )
        })}
      </ul>
    )
  }

  return (
    <div
      ref={scroller}
      className="conv-groups"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <div className="conv-window" style={{ height: total }}>
        {items.map((it) => {
          const row = rows[it.index]
          if (row?.kind !== 'heading') return null
          return (
            <h2
              key={it.key}
              ref={virtualizer.measureElement}
              data-index={it.index}
              className={row.group === 'recent' ? 'conv-group after-pinned' : 'conv-group'}
              id={HEADING_ID[row.group]}
              style={{ transform: `translateY(${it.start}px)` }}
            >
              {HEADING_TEXT[row.group]}
            </h2>
          )
        })}
        {pinned.length > 0 && list('pinned')}
        {others.length > 0 && list('recent')}
      </div>
    </div>
  )
}

/** The list row (`data-index`) an event happened in, if any. */
function rowIndexOf(target: EventTarget): number | null {
  if (!(target instanceof Element)) return null
  const index = target.closest<HTMLElement>('li[data-index]')?.dataset.index
  return index === undefined ? null : Number(index)
}
