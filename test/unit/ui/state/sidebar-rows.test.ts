import { expect, it } from 'vitest'
import type { ConversationSummary } from '../../../../shared/contract'
import {
  nextConversationRow,
  sidebarRowKey,
  sidebarRows,
  type SidebarRow,
} from '../../../../renderer/ui/state/sidebar-rows'

const conv = (id: string, pinned = false): ConversationSummary => ({
  id,
  title: `Title ${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  messageCount: 2,
  deletedAt: null,
  pinnedAt: pinned ? '2026-01-02T00:00:00.000Z' : null,
})

/** The list top to bottom as a person reads it. */
const read = (rows: SidebarRow[]): string[] =>
  rows.map((r) =>
    r.kind === 'heading' ? `## ${r.group}` : `${r.summary.id} ${r.position}/${r.groupSize}`,
  )

it('lists conversations without headings when none is pinned', () => {
  expect(read(sidebarRows([], [conv('a'), conv('b')]))).toEqual(['a 1/2', 'b 2/2'])
})

it('puts pinned conversations under "Pinned" and the rest under "Recent", each counted in its group', () => {
  const rows = sidebarRows([conv('p', true)], [conv('a'), conv('b')])
  expect(read(rows)).toEqual(['## pinned', 'p 1/1', '## recent', 'a 1/2', 'b 2/2'])
  expect(rows.map(sidebarRowKey)).toEqual(['heading:pinned', 'p', 'heading:recent', 'a', 'b'])
})

it('has no "Recent" heading when every conversation is pinned', () => {
  expect(read(sidebarRows([conv('p', true), conv('q', true)], []))).toEqual([
    '## pinned',
    'p 1/2',
    'q 2/2',
  ])
})

it('moves between conversations by key, over headings, and stops at the ends', () => {
  const rows = sidebarRows([conv('p', true)], [conv('a'), conv('b')])
  // Rows: 0 heading, 1 p, 2 heading, 3 a, 4 b.
  expect(nextConversationRow(rows, 1, 'ArrowDown')).toBe(3)
  expect(nextConversationRow(rows, 3, 'ArrowUp')).toBe(1)
  expect(nextConversationRow(rows, 1, 'ArrowUp')).toBeNull()
  expect(nextConversationRow(rows, 4, 'ArrowDown')).toBeNull()
  expect(nextConversationRow(rows, 3, 'Home')).toBe(1)
  expect(nextConversationRow(rows, 1, 'End')).toBe(4)
  expect(nextConversationRow(rows, 4, 'End')).toBeNull()
  expect(nextConversationRow(rows, 3, 'Enter')).toBeNull()
})
