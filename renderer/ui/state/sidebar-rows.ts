import type { ConversationSummary } from '../../../shared/contract'

/** The two groups of the sidebar's list. */
export type SidebarGroup = 'pinned' | 'recent'

/** One row of the sidebar's conversation list, top to bottom. */
export type SidebarRow =
  | { kind: 'heading'; group: SidebarGroup }
  | {
      kind: 'conversation'
      group: SidebarGroup
      summary: ConversationSummary
      /** 1-based place in its group, and the group's size (for `aria-posinset` / `aria-setsize`). */
      position: number
      groupSize: number
    }

/**
 * The sidebar's list as rows: pinned conversations under a "Pinned" heading, then the rest under a
 * "Recent" heading — headings only when there are pinned ones, as the list has always read.
 */
export function sidebarRows(
  pinned: readonly ConversationSummary[],
  others: readonly ConversationSummary[],
): SidebarRow[] {
  const rows: SidebarRow[] = []
  const group = (name: SidebarGroup, list: readonly ConversationSummary[]): void => {
    list.forEach((summary, i) =>
      rows.push({
        kind: 'conversation',
        group: name,
        summary,
        position: i + 1,
        groupSize: list.length,
      }),
    )
  }
  if (pinned.length > 0) {
    rows.push({ kind: 'heading', group: 'pinned' })
    group('pinned', pinned)
    if (others.length > 0) rows.push({ kind: 'heading', group: 'recent' })
  }
  group('recent', others)
  return rows
}

/** A key that stays with a row while others come and go. */
export const sidebarRowKey = (row: SidebarRow): string =>
  row.kind === 'heading' ? `heading:${row.group}` : row.summary.id

/**
 * Where keyboard focus goes from conversation row `from` on `key` (ArrowUp / ArrowDown one
 * conversation, Home / End the first and last), skipping headings; null when the key does not
 * move it or there is nowhere to go.
 */
export function nextConversationRow(
  rows: readonly SidebarRow[],
  from: number,
  key: string,
): number | null {
  const step = (start: number, by: 1 | -1): number | null => {
    for (let i = start; i >= 0 && i < rows.length; i += by)
      if (rows[i]?.kind === 'conversation') return i
    return null
  }
  const to =
    key === 'ArrowDown'
      ? step(from + 1, 1)
      : key === 'ArrowUp'
        ? step(from - 1, -1)
        : key === 'Home'
          ? step(0, 1)
          : key === 'End'
            ? step(rows.length - 1, -1)
            : null
  return to === from ? null : to
}
