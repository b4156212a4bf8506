import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItem,
  confirmItem,
  editItem,
  historyOf,
  restoreItem,
  retractItem,
  type ChangeContext,
} from '../../../renderer/runtime/memory/memory-ops'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import {
  concurrentEditRepairs,
  concurrentLosers,
} from '../../../renderer/runtime/memory/concurrent-edits'
import { putMemoryItem } from '../../../shared/docs'

const byUser = (iso: string): ChangeContext => ({ now: new Date(iso), actor: 'user', source: null })

/** Two laptops holding the same memory, as after a sync. */
function twoLaptops(): { a: Y.Doc; b: Y.Doc; id: string } {
  const a = new Y.Doc()
  const item = addItem(a, 'fact', 'My manager is Dana', byUser('2026-12-04T09:00:00.000Z'))
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return { a, b, id: item.id }
}

/** Exchanges everything both ways, then lets each laptop settle as the runtime does after a commit. */
function reconnect(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  for (const doc of [a, b]) {
    const repairs = concurrentEditRepairs(readMemory(doc).items)
    doc.transact(() => repairs.forEach((r) => putMemoryItem(doc, r)))
  }
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const current = (doc: Y.Doc) => readMemory(doc).items.filter((i) => i.status === 'active')

describe('the same item edited on two laptops while apart', () => {
  it('resolves to the later edit on both, with the other edit in its history', () => {
    const { a, b, id } = twoLaptops()
    const smith = editItem(a, id, 'My manager is Dana Smith', byUser('2026-12-04T10:00:00.000Z'))
    const jones = editItem(b, id, 'My manager is Dana Jones', byUser('2026-12-04T10:05:00.000Z'))
    if (!smith.ok || !jones.ok) throw new Error('edit failed')

    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    // The defect: without settling, both edits are current.
    expect(
      current(b)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['My manager is Dana Jones', 'My manager is Dana Smith'])
    reconnect(a, b)

    for (const doc of [a, b]) {
      expect(current(doc).map((i) => i.id)).toEqual([jones.value.id])
      const items = readMemory(doc).items
      const winner = items.find((i) => i.id === jones.value.id)!
      expect(concurrentLosers(winner, items).map((i) => i.text)).toEqual([
        'My manager is Dana Smith',
      ])
      // Both edits and the original, newest first, from either edit.
      expect(historyOf(doc, jones.value.id).map((i) => i.text)).toEqual([
        'My manager is Dana Jones',
        'My manager is Dana Smith',
        'My manager is Dana',
      ])
      expect(historyOf(doc, smith.value.id).map((i) => i.id)).toHaveLength(3)
      expect(items.find((i) => i.id === id)?.supersededBy).toBe(jones.value.id)
    }
    const sorted = (doc: Y.Doc) =>
      [...readMemory(doc).items].sort((x, y) => x.id.localeCompare(y.id))
    expect(sorted(a)).toEqual(sorted(b))
    // Settled: nothing more to write anywhere.
    expect(concurrentEditRepairs(readMemory(a).items)).toEqual([])
  })

  it('breaks a tie in time by id, the same way on both laptops', () => {
    const { a, b, id } = twoLaptops()
    const same = '2026-12-04T10:00:00.000Z'
    const x = editItem(a, id, 'Dana X', byUser(same))
    const y = editItem(b, id, 'Dana Y', byUser(same))
    if (!x.ok || !y.ok) throw new Error('edit failed')
    reconnect(a, b)
    const expected = [x.value.id, y.value.id].sort().at(-1)
    expect(current(a).map((i) => i.id)).toEqual([expected])
    expect(current(b).map((i) => i.id)).toEqual([expected])
  })

  it('a branch edited twice on one laptop loses or wins as a whole, by its latest edit', () => {
    const { a, b, id } = twoLaptops()
    const first = editItem(b, id, 'Dana J.', byUser('2026-12-04T10:00:00.000Z'))
    if (!first.ok) throw new Error('edit failed')
    const second = editItem(b, first.value.id, 'Dana Jones', byUser('2026-12-04T12:00:00.000Z'))
    const other = editItem(a, id, 'Dana Smith', byUser('2026-12-04T11:00:00.000Z'))
    if (!second.ok || !other.ok) throw new Error('edit failed')
    reconnect(a, b)
    for (const doc of [a, b]) {
      expect(current(doc).map((i) => i.text)).toEqual(['Dana Jones'])
      expect(historyOf(doc, second.value.id).map((i) => i.text)).toEqual([
        'Dana Jones',
        'Dana Smith',
        'Dana J.',
        'My manager is Dana',
      ])
    }
  })

  it('a confirm on one laptop racing an edit on the other leaves only the edit current', () => {
    const { a, b, id } = twoLaptops()
    const edited = editItem(a, id, 'Dana Smith', byUser('2026-12-04T10:00:00.000Z'))
    expect(confirmItem(b, id, byUser('2026-12-04T11:00:00.000Z')).ok).toBe(true)
    if (!edited.ok) throw new Error('edit failed')
    reconnect(a, b)
    for (const doc of [a, b]) {
      expect(current(doc).map((i) => i.text)).toEqual(['Dana Smith'])
      expect(readMemory(doc).items.find((i) => i.id === id)).toMatchObject({
        status: 'superseded',
        supersededBy: edited.value.id,
      })
    }
  })
})

describe('adding, restoring', () => {
  it('adds each kind, and the same text again only re-confirms it', () => {
    const doc = new Y.Doc()
    const task = addItem(doc, 'task', 'Book the car service', byUser('2026-12-04T09:00:00.000Z'))
    expect(task).toMatchObject({ kind: 'task', taskStatus: 'in_progress', source: null })
    const again = addItem(doc, 'task', 'book the car service!', byUser('2026-12-04T10:00:00.000Z'))
    expect(again.id).toBe(task.id)
    expect(again.confirmedAt).toBe('2026-12-04T10:00:00.000Z')
    expect(
      addItem(doc, 'preference', 'Dark mode', byUser('2026-12-04T10:00:00.000Z')),
    ).toMatchObject({ kind: 'preference', key: 'dark mode', value: 'Dark mode' })
    expect(current(doc)).toHaveLength(2)
  })

  it('restores a retracted item as a new version; the retraction stays in history', () => {
    const doc = new Y.Doc()
    const item = addItem(doc, 'fact', 'I live in Berlin', byUser('2026-12-04T09:00:00.000Z'))
    retractItem(doc, item.id, byUser('2026-12-04T09:01:00.000Z'))
    expect(current(doc)).toHaveLength(0)
    const restored = restoreItem(doc, item.id, byUser('2026-12-04T09:02:00.000Z'))
    if (!restored.ok) throw new Error(restored.error.message)
    expect(current(doc).map((i) => i.text)).toEqual(['I live in Berlin'])
    expect(historyOf(doc, restored.value.id).map((i) => [i.status, i.retractedAt])).toEqual([
      ['active', null],
      ['retracted', '2026-12-04T09:01:00.000Z'],
    ])
    expect(restoreItem(doc, item.id, byUser('2026-12-04T09:03:00.000Z'))).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(concurrentEditRepairs(readMemory(doc).items)).toEqual([])
  })
})
