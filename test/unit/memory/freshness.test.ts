import { err } from '../../../shared/errors'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { freshnessOf } from '../../../renderer/runtime/memory/freshness'
import { toViews } from '../../../renderer/runtime/memory/memory-views'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import {
  openIssue,
  rememberFact,
  resolveIssue,
  setPreference,
  updateTask,
  confirmItem,
  type ChangeContext,
} from '../../../renderer/runtime/memory/memory-ops'
import { describeState } from '../../../renderer/runtime/agent/state-section'
import { respondOffline, type OfflineTools } from '../../../renderer/runtime/agent/offline/respond'
import { DEFAULT_SETTINGS, type FreshnessPolicy } from '../../../shared/contract/settings'
import type { MemoryItemView } from '../../../shared/contract/models'

const DAY = 86_400_000
const T0 = new Date('2026-01-01T00:00:00.000Z')
const after = (days: number): Date => new Date(T0.getTime() + days * DAY)
const policy = DEFAULT_SETTINGS.freshness
const ctx = (now: Date): ChangeContext => ({
  now,
  actor: 'assistant',
  source: { conversationId: 'c1', messageId: 'm1' },
})

/** A space with one of each kind, all confirmed at T0. */
function space(): Y.Doc {
  const doc = new Y.Doc()
  setPreference(doc, 'timezone', 'America/New_York', 'My timezone is America/New_York', ctx(T0))
  rememberFact(doc, 'I use pgvector for embeddings', 'general', ctx(T0))
  updateTask(doc, { description: 'benchmarking hybrid search accuracy' }, ctx(T0))
  openIssue(doc, 'The CI runner keeps timing out', ctx(T0))
  return doc
}

const staleKinds = (doc: Y.Doc, now: Date, p: FreshnessPolicy = policy): string[] =>
  toViews(readMemory(doc).items, p, now)
    .filter((v) => v.freshness === 'needs-reverify')
    .map((v) => v.item.kind)
    .sort()

describe('freshness policy per kind', () => {
  it('defaults: tasks 24 h, issues 3 d, facts 90 d, preferences 180 d', () => {
    expect(policy).toEqual({ task: 24, issue: 72, fact: 90 * 24, preference: 180 * 24 })
    const doc = space()
    expect(staleKinds(doc, new Date(T0.getTime() + 23 * 3_600_000))).toEqual([])
    expect(staleKinds(doc, after(1))).toEqual(['task'])
    expect(staleKinds(doc, after(3))).toEqual(['issue', 'task'])
    expect(staleKinds(doc, after(90))).toEqual(['fact', 'issue', 'task'])
    expect(staleKinds(doc, after(180))).toEqual(['fact', 'issue', 'preference', 'task'])
  })

  it('follows an edited policy', () => {
    const doc = space()
    expect(staleKinds(doc, after(10), { ...policy, fact: 24 * 7 })).toEqual([
      'fact',
      'issue',
      'task',
    ])
    expect(staleKinds(doc, after(2), { ...policy, task: 24 * 365 })).toEqual([])
  })

  it('stale items are flagged, never dropped, and confirming makes them fresh again', () => {
    const doc = space()
    const views = toViews(readMemory(doc).items, policy, after(200))
    expect(views).toHaveLength(4)
    const fact = views.find((v) => v.item.kind === 'fact')!
    expect(fact.staleAt).toBe(after(90).toISOString())
    expect(confirmItem(doc, fact.item.id, ctx(after(200))).ok).toBe(true)
    expect(staleKinds(doc, after(201))).toEqual(['issue', 'preference', 'task'])
  })

  it('history does not go stale: superseded, retracted, finished and resolved items', () => {
    const doc = space()
    setPreference(doc, 'timezone', 'Europe/Berlin', 'My timezone is Europe/Berlin', ctx(after(1)))
    updateTask(doc, { status: 'done' }, ctx(after(1)))
    expect(resolveIssue(doc, 'CI runner timing out', ctx(after(1))).ok).toBe(true)
    const views = toViews(readMemory(doc).items, policy, after(400))
    const stale = views.filter((v) => v.freshness === 'needs-reverify').map((v) => v.item.text)
    expect(stale.sort()).toEqual(['I use pgvector for embeddings', 'My timezone is Europe/Berlin'])
  })

  it('a policy of "practically never" does not overflow', () => {
    const doc = space()
    const huge = { preference: 1e12, fact: 1e12, task: 1e12, issue: 1e12 }
    const [first] = readMemory(doc).items
    expect(freshnessOf(first!, huge, after(1)).freshness).toBe('fresh')
  })
})

describe('what the assistant does with stale items', () => {
  it('the prompt lists them apart as "Unverified — confirm before acting"', () => {
    const doc = space()
    const { state, unverified } = describeState(toViews(readMemory(doc).items, policy, after(100)))
    expect(state).toContain('My timezone is America/New_York')
    expect(state).not.toContain('I use pgvector for embeddings')
    expect(unverified).toMatch(/^Unverified — confirm before acting:/)
    expect(unverified).toContain('I use pgvector for embeddings')
    expect(unverified).toContain('benchmarking hybrid search accuracy')
  })

  const tools = (views: MemoryItemView[]): OfflineTools => ({
    change: async () => err('internal', 'a greeting changes nothing'),
    memory: async () => views,
    said: async () => [],
  })
  const turn = (text: string, firstTurn: boolean, now: Date) => ({
    text,
    now,
    firstTurn,
    change: { now, actor: 'assistant', source: null },
  })

  it('the offline assistant asks to re-verify in its first reply after a restart, and only then', async () => {
    const views = toViews(readMemory(space()).items, policy, after(100))
    const first = (await respondOffline(turn('hi', true, after(100)), tools(views))).text
    expect(first).toContain('Welcome back')
    expect(first).toContain('please confirm')
    expect(first).toContain('You use pgvector for embeddings (last confirmed January 1)')
    const later = (await respondOffline(turn('hi', false, after(100)), tools(views))).text
    expect(later).not.toContain('please confirm')
  })

  it('nothing to re-verify while everything is fresh', async () => {
    const views = toViews(readMemory(space()).items, policy, new Date(T0.getTime() + 3_600_000))
    const now = new Date(T0.getTime() + 3_600_000)
    expect((await respondOffline(turn('hi', true, now), tools(views))).text).not.toContain(
      'please confirm',
    )
  })
})
