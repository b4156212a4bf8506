import { expect, test } from 'vitest'
import { contextText, createSearchIndex, loadSearchIndex, RecentTurns } from '../../../retrieval'
import { at, message } from './docs'

const now = new Date(2026, 2, 11, 12)
const WORDS = ['garden', 'budget', 'flight', 'piano', 'recipe', 'backup', 'deploy', 'dentist']
const text = (i: number, round: number): string =>
  `${WORDS[i % 8] ?? ''} ${WORDS[(i * 3 + round) % 8] ?? ''} note ${i} round ${round} ${i % 5 === 0 ? 'pgvector' : ''}`
const queries = ['garden budget', 'pgvector', 'piano recipe dentist', 'round', 'flight flight']

test('an index after thousands of replaces and removes ranks exactly as one built from the final docs', () => {
  const edited = createSearchIndex()
  for (let round = 0; round < 4; round++) {
    // Every round rewrites all 1,500 docs: dead slots pile up and are compacted along the way.
    edited.add(
      Array.from({ length: 1500 }, (_, i) => message(`m${i}`, text(i, round), at(2026, 3, 1))),
    )
  }
  for (let i = 0; i < 1500; i += 7) edited.remove(`m${i}`)
  const fresh = createSearchIndex()
  fresh.add(
    Array.from({ length: 1500 }, (_, i) => i)
      .filter((i) => i % 7 !== 0)
      .map((i) => message(`m${i}`, text(i, 3), at(2026, 3, 1))),
  )
  expect(edited.size()).toBe(fresh.size())
  for (const q of queries) {
    const a = edited.search(q, { now, k: 20 })
    expect(a.length).toBeGreaterThan(0)
    expect(a).toEqual(fresh.search(q, { now, k: 20 }))
  }
  const restored = loadSearchIndex(edited.toJSON())
  if (!restored.ok) throw new Error(restored.error.message)
  for (const q of queries)
    expect(restored.value.search(q, { now, k: 20 })).toEqual(fresh.search(q, { now, k: 20 }))
})

test('a message carries the two messages before it in its conversation as context', () => {
  const recent = new RecentTurns()
  expect(contextText(recent.before('c1'))).toBeUndefined()
  recent.add('c1', 'first')
  recent.add('c2', 'elsewhere')
  recent.add('c1', 'second')
  recent.add('c1', 'third')
  expect(recent.before('c1')).toEqual(['second', 'third'])
  expect(contextText(recent.before('c1'))).toBe('second\nthird')
  expect(contextText(['x'.repeat(900)])).toHaveLength(500)
})
