import { describe, expect, it } from 'vitest'
import { describeState } from '../../../renderer/runtime/agent/state-section'
import { tokensOf } from '../../../renderer/runtime/agent/tokens'
import type { MemoryItemView } from '../../../shared/contract/models'
import type { MemoryItem } from '../../../shared/schema/current'

const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()

function view(
  n: number,
  kind: MemoryItem['kind'],
  text: string,
  freshness: MemoryItemView['freshness'] = 'fresh',
): MemoryItemView {
  const base = {
    schemaVersion: 2 as const,
    id: `${kind}-${n}`,
    text,
    category: 'general',
    createdAt: at(n),
    confirmedAt: at(n),
    source: null,
    validFrom: at(n),
    validTo: null,
    status: 'active' as const,
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  }
  const item: MemoryItem =
    kind === 'task'
      ? { ...base, kind, taskStatus: 'in_progress', lastAction: '' }
      : kind === 'issue'
        ? { ...base, kind, resolvedAt: null }
        : kind === 'preference'
          ? { ...base, kind, key: `pref-${n}`, value: text }
          : { ...base, kind }
  return { item, freshness, staleAt: at(n + 1) } as MemoryItemView
}

/** Ten thousand facts, a preference, a task and an issue confirmed long before them. */
function crowded(): MemoryItemView[] {
  const facts = Array.from({ length: 10_000 }, (_, i) =>
    view(100 + i, 'fact', `Fact number ${i}: the staging cluster runs node pool ${i % 97}`),
  )
  return [
    view(1, 'preference', 'I prefer concise answers'),
    view(2, 'task', 'Benchmark hybrid search accuracy'),
    view(3, 'issue', 'The CI runner keeps timing out'),
    view(4, 'fact', 'Old stale fact about Pinecone', 'needs-reverify'),
    ...facts,
  ]
}

describe('the state section under a token limit', () => {
  it('lists everything when unlimited', () => {
    const { state, omitted } = describeState(crowded())
    expect(omitted).toBe(0)
    expect(state).toContain('Fact number 0:')
    expect(state).toContain('Fact number 9999:')
  })

  it('keeps preferences, open tasks and issues, then the newest facts, and says what it left out', () => {
    const limit = 2_500
    const { state, unverified, omitted } = describeState(crowded(), {
      state: limit,
      unverified: 700,
    })
    expect(tokensOf(state)).toBeLessThanOrEqual(limit)
    expect(state).toContain('I prefer concise answers')
    expect(state).toContain('Benchmark hybrid search accuracy')
    expect(state).toContain('The CI runner keeps timing out')
    expect(state).toContain('Fact number 9999:')
    expect(state).not.toContain('Fact number 0:')
    expect(omitted).toBeGreaterThan(9_000)
    expect(state).toMatch(
      /\((\d+) more facts not listed here; use search_memory to look them up\.\)/,
    )
    const listed = (state.match(/^- Fact number/gm) ?? []).length
    expect(Number(/\((\d+) more facts/.exec(state)?.[1])).toBe(10_000 - listed)
    expect(unverified).toContain('Old stale fact about Pinecone')
  })

  it('caps the unverified items too and counts the rest', () => {
    const stale = Array.from({ length: 500 }, (_, i) =>
      view(i, 'fact', `Stale fact ${i} about the old vector store`, 'needs-reverify'),
    )
    const { unverified, omitted } = describeState(stale, { state: 1000, unverified: 300 })
    expect(tokensOf(unverified)).toBeLessThanOrEqual(300)
    expect(unverified).toMatch(/^Unverified — confirm before acting:/)
    expect(unverified).toContain('Stale fact 499 ')
    expect(unverified).toMatch(new RegExp(`\\(${omitted} more unverified items not listed\\.\\)`))
  })

  it('leaves done tasks and resolved issues out', () => {
    const done = view(1, 'task', 'Ship the release')
    const resolved = view(2, 'issue', 'Flaky login')
    const items = [
      { ...done, item: { ...done.item, taskStatus: 'done' } },
      { ...resolved, item: { ...resolved.item, resolvedAt: at(3) } },
    ] as MemoryItemView[]
    expect(describeState(items)).toEqual({ state: '', unverified: '', omitted: 0 })
  })
})
