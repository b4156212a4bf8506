import { describe, expect, it } from 'vitest'
import { createSearchIndex } from '../../../retrieval'
import { at, fact, message } from './docs'

const now = new Date(2026, 2, 11, 12)
const ids = (hits: ReadonlyArray<{ id: string }>) => hits.map((h) => h.id)

describe('incremental updates', () => {
  it('adds docs one batch at a time', () => {
    const index = createSearchIndex()
    expect(index.size()).toBe(0)
    index.add([message('m1', 'Booked the flight to Lisbon')])
    index.add([message('m2', 'Hotel in Lisbon is near the river')])
    expect(index.size()).toBe(2)
    expect(index.has('m2')).toBe(true)
    expect(ids(index.search('Lisbon', { now })).sort()).toEqual(['m1', 'm2'])
  })

  it('replaces a doc in place: old words no longer match, new ones do', () => {
    const index = createSearchIndex()
    index.add([fact('f1', 'Prefers Pinecone for vectors'), fact('f2', 'Works from Lisbon')])
    index.replace(fact('f1', 'Prefers pgvector for vectors'))
    expect(index.size()).toBe(2)
    expect(ids(index.search('pinecone', { now }))).toEqual([])
    expect(ids(index.search('pgvector', { now }))).toEqual(['f1'])
  })

  it('treats add of a known id as replace, and replace of an unknown id as add', () => {
    const index = createSearchIndex()
    index.add([fact('f1', 'Drinks tea')])
    index.add([fact('f1', 'Drinks coffee')])
    index.replace(fact('f2', 'Runs on Sundays'))
    expect(index.size()).toBe(2)
    expect(ids(index.search('tea', { now }))).toEqual([])
    expect(ids(index.search('coffee', { now }))).toEqual(['f1'])
    expect(ids(index.search('Sundays', { now }))).toEqual(['f2'])
  })

  it('replaces status, so ranking follows the new status', () => {
    const index = createSearchIndex()
    index.add([fact('old', 'Deploys with Heroku'), fact('new', 'Deploys with Heroku')])
    index.replace(fact('old', 'Deploys with Heroku', at(2026, 3, 1), { status: 'superseded' }))
    expect(ids(index.search('heroku', { now }))).toEqual(['new', 'old'])
  })

  it('removes one doc; removing an unknown id is a no-op that says so', () => {
    const index = createSearchIndex()
    index.add([message('m1', 'Lisbon trip'), message('m2', 'Porto trip')])
    expect(index.remove('m1')).toBe(true)
    expect(index.remove('m1')).toBe(false)
    expect(index.has('m1')).toBe(false)
    expect(index.size()).toBe(1)
    expect(ids(index.search('trip', { now }))).toEqual(['m2'])
    index.add([message('m1', 'Lisbon trip again')])
    expect(ids(index.search('Lisbon', { now }))).toEqual(['m1'])
  })

  it('throws on a doc whose createdAt is not a date, before touching the index', () => {
    const index = createSearchIndex()
    expect(() => index.add([message('bad', 'x y z', 'yesterday-ish')])).toThrow(/not a date/)
    expect(index.size()).toBe(0)
  })
})
