import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { ok, type Result } from '../../../shared/errors'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import type { MemoryItem } from '../../../shared/schema/current'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { SPACE_VIEW_MEMORY_KEY, readSpaceView } from '../../../renderer/runtime/docs/space-view'
import {
  editItem,
  openIssue,
  rememberFact,
  resolveIssue,
  retractItem,
  setPreference,
  updateTask,
} from '../../../renderer/runtime/memory/memory-ops'
import { toViews } from '../../../renderer/runtime/memory/memory-views'
import { promptState } from '../../../renderer/runtime/memory/prompt-state'
import { orderedSource } from '../../../renderer/runtime/memory/state-source'
import { describeState } from '../../../renderer/runtime/agent/state-section'
import { Space } from '../../../renderer/runtime/space/space'
import { newDb, openSpace, recordingListener } from '../docs/space-harness'

const policy = DEFAULT_SETTINGS.freshness
const now = new Date('2026-09-01T12:00:00.000Z')
const DAY = 86_400_000
const on = (daysBefore: number) => ({
  now: new Date(now.getTime() - daysBefore * DAY),
  actor: 'user' as const,
  source: null,
})

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/**
 * A space whose memory has every case the state section tells apart: fresh and stale facts
 * (facts stay fresh 90 days), a retracted and a superseded fact, a preference and the one it
 * replaced, an open, a finished and a stale task, an open and a resolved issue.
 */
async function storedSpace(): Promise<{ db: SpaceDb; gone: string[] }> {
  const db = newDb()
  const space = await openSpace(db)
  const change = async (fn: Parameters<Space['changeMemory']>[0]): Promise<MemoryItem> =>
    must(await space.changeMemory(fn))
  for (let i = 0; i < 40; i++)
    await change((doc) =>
      ok(rememberFact(doc, `Fact ${i} about node pool ${i}`, 'general', on(i * 5))),
    )
  const retracted = await change((doc) =>
    ok(rememberFact(doc, 'I live in Leeds', 'general', on(3))),
  )
  await change((doc) => retractItem(doc, retracted.id, on(2)))
  const moved = await change((doc) => ok(rememberFact(doc, 'I work at Acme', 'general', on(4))))
  await change((doc) => editItem(doc, moved.id, 'I work at Globex', on(1)))
  await change((doc) => ok(setPreference(doc, 'answers', 'long', 'I like long answers', on(9))))
  await change((doc) => ok(setPreference(doc, 'answers', 'short', 'I like short answers', on(8))))
  await change((doc) => updateTask(doc, { description: 'Benchmark hybrid search' }, on(0)))
  await change((doc) => updateTask(doc, { description: 'Write the old report' }, on(3)))
  await change((doc) =>
    updateTask(doc, { description: 'Finish the migration plan', status: 'done' }, on(0)),
  )
  await change((doc) => ok(openIssue(doc, 'The CI runner keeps timing out', on(1))))
  await change((doc) => ok(openIssue(doc, 'The VPN drops at night', on(2))))
  await change((doc) => resolveIssue(doc, 'The VPN drops at night', on(1)))
  await space.settle()
  space.close()
  return {
    db: new SpaceDb(db.name.replace('keepsake-space-', '')),
    gone: [
      'I live in Leeds',
      'I work at Acme',
      'I like long answers',
      'Finish the migration plan',
      'The VPN drops at night',
    ],
  }
}

async function restore(db: SpaceDb): Promise<Space> {
  return must(await Space.restore(db, 'space-under-test', 'Test memory', recordingListener()))
}

const LIMITS = [
  undefined,
  { state: 200, unverified: 120 },
  { state: 90, unverified: 60 },
  { state: 40, unverified: 30 },
]

describe('the state a first prompt reads from the stored view', () => {
  it('is the state read from every item, under every limit, without reading every item', async () => {
    const { db, gone } = await storedSpace()
    const space = await restore(db)
    const ordered = await space.openMemoryInOrder()
    if (!ordered) throw new Error('the space did not start from its stored view')
    const read: string[] = []
    const counting = {
      order: ordered.order,
      item: (id: string) => {
        read.push(id)
        return ordered.item(id)
      },
    }
    const everything = toViews((await space.memory()).items, policy, now)
    for (const limits of LIMITS) {
      read.length = 0
      const fromView = describeState(orderedSource(counting, policy, now), limits)
      expect(fromView).toEqual(describeState(everything, limits))
      expect(describeState(await promptState(space, policy, now), limits)).toEqual(fromView)
      for (const text of gone) expect(`${fromView.state}${fromView.unverified}`).not.toContain(text)
    }
    // The smallest sections read a few items, not all 51 records.
    expect(read.length).toBeGreaterThan(0)
    expect(read.length).toBeLessThan(10)
    expect((await space.loadedState()).ok).toBe(true)
    space.close()
  })

  it('never lists an item its record shows is no longer current, though its place says open', async () => {
    const { db } = await storedSpace()
    const row = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
    const view = row?.value as { memoryIds: string[]; memory: string[]; order: string }
    // The view as a bug could leave it: records retracted and superseded, the order from before.
    const memory = view.memory.map((json) => {
      const record = JSON.parse(json) as MemoryItem
      if (record.text === 'Benchmark hybrid search')
        return JSON.stringify({ ...record, status: 'retracted', retractedAt: now.toISOString() })
      if (record.text === 'I like short answers')
        return JSON.stringify({ ...record, status: 'superseded', supersededBy: 'p-x' })
      if (record.text === 'Fact 0 about node pool 0')
        return JSON.stringify({ ...record, kind: 'task', taskStatus: 'done', lastAction: '' })
      return json
    })
    await db.caches.put({ key: SPACE_VIEW_MEMORY_KEY, value: { ...view, memory } })
    expect((await readSpaceView(db)).outcome).toBe('used')
    const space = await restore(db)
    const { state } = describeState(await promptState(space, policy, now))
    expect(state).toContain('Fact 1 about node pool 1')
    expect(state).not.toContain('Benchmark hybrid search')
    expect(state).not.toContain('I like short answers')
    expect(state).not.toContain('Fact 0 about node pool 0')
    expect((await space.loadedState()).ok).toBe(true)
    space.close()
  })

  it('is read from every item once the document has loaded', async () => {
    const { db } = await storedSpace()
    const space = await restore(db)
    expect((await space.loadedState()).ok).toBe(true)
    expect(await space.openMemoryInOrder()).toBeNull()
    const everything = toViews((await space.memory()).items, policy, now)
    expect(describeState(await promptState(space, policy, now))).toEqual(describeState(everything))
    space.close()
  })
})
