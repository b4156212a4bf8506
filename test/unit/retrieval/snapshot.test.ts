import { describe, expect, it } from 'vitest'
import {
  createSearchIndex,
  loadSearchIndex,
  SEARCH_INDEX_FORMAT_VERSION,
  type SearchIndex,
} from '../../../retrieval'
import { at, fact, message, sampleDocs } from './docs'

const now = new Date(2026, 2, 11, 12)
const queries = [
  'pgvector',
  'Pinecone pricing',
  'timezone settings',
  'this month',
  'benchmark',
  'ramen',
]

function searchAll(index: SearchIndex) {
  return queries.map((q) => index.search(q, { now, k: 20 }))
}

function loaded(json: string): SearchIndex {
  const result = loadSearchIndex(json)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function edit(json: string, change: (snapshot: Record<string, unknown>) => void): string {
  const snapshot = JSON.parse(json) as Record<string, unknown>
  change(snapshot)
  return JSON.stringify(snapshot)
}

describe('toJSON / loadSearchIndex', () => {
  it('round-trips to identical search results, after replaces and removes too', () => {
    const index = createSearchIndex()
    index.add(sampleDocs())
    index.replace(fact('f-pine', 'Prefers pgvector over Pinecone, firmly', at(2026, 3, 4)))
    index.remove('m4')
    const restored = loaded(index.toJSON())
    expect(restored.size()).toBe(index.size())
    expect(searchAll(restored)).toEqual(searchAll(index))
    // A snapshot of the restored index restores to the same results again.
    expect(searchAll(loaded(restored.toJSON()))).toEqual(searchAll(index))
  })

  it('keeps the watermark, and a restored index takes newer docs (restart path)', () => {
    const index = createSearchIndex()
    expect(index.watermark()).toBeNull()
    index.add(sampleDocs())
    index.setWatermark('seq-7')
    const restored = loaded(index.toJSON())
    expect(restored.watermark()).toBe('seq-7')
    restored.add([message('m9', 'Pinecone support replied about the invoice', at(2026, 3, 11))])
    restored.setWatermark('seq-8')
    index.add([message('m9', 'Pinecone support replied about the invoice', at(2026, 3, 11))])
    expect(restored.search('pinecone invoice', { now })[0]?.id).toBe('m9')
    expect(searchAll(restored)).toEqual(searchAll(index))
  })

  it('round-trips an empty index', () => {
    const restored = loaded(createSearchIndex().toJSON())
    expect(restored.size()).toBe(0)
    expect(restored.search('anything', { now })).toEqual([])
  })

  it('returns an error value for text that is not JSON', () => {
    const result = loadSearchIndex('{"format": "keepsake.search-index", ')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('validation')
  })

  it('returns unsupported-version for a snapshot of another format version', () => {
    const index = createSearchIndex()
    index.add(sampleDocs())
    const json = edit(index.toJSON(), (s) => {
      s.version = SEARCH_INDEX_FORMAT_VERSION + 1
    })
    const result = loadSearchIndex(json)
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-version' } })
  })

  it('returns validation errors, with a path, for a wrong shape or foreign JSON', () => {
    const index = createSearchIndex()
    index.add(sampleDocs())
    const json = index.toJSON()
    const cases = [
      JSON.stringify({ hello: 'world' }),
      JSON.stringify([1, 2, 3]),
      edit(json, (s) => {
        delete s.postings
      }),
      edit(json, (s) => {
        const docs = s.docs as Array<Record<string, unknown>>
        if (docs[0] !== undefined) docs[0].createdAt = 'last tuesday'
      }),
      edit(json, (s) => {
        s.postings = 'nope'
      }),
      edit(json, (s) => {
        s.postings = [['pgvector', 9, [0], [1]]]
      }),
      edit(json, (s) => {
        s.postings = [['pgvector', 0, [0], [0]]]
      }),
      edit(json, (s) => {
        s.postings = [['pgvector', 0, [0], ['one']]]
      }),
      edit(json, (s) => {
        s.postings = [['pgvector', 0, [2, 1], [1, 1]]]
      }),
      edit(json, (s) => {
        s.lengths = [[1]]
      }),
    ]
    for (const bad of cases) {
      const result = loadSearchIndex(bad)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('validation')
        expect(result.error.path).toMatch(/^snapshot/)
      }
    }
  })

  it('returns a validation error when stored docs and the index disagree', () => {
    const index = createSearchIndex()
    index.add(sampleDocs())
    const json = index.toJSON()
    const dropDoc = edit(json, (s) => {
      ;(s.docs as unknown[]).pop()
    })
    const pastTheDocs = edit(json, (s) => {
      s.postings = [['pgvector', 0, [0, 99], [1, 1]]]
    })
    const duplicate = edit(json, (s) => {
      const docs = s.docs as unknown[]
      docs[1] = docs[0]
    })
    for (const bad of [dropDoc, pastTheDocs, duplicate]) {
      expect(loadSearchIndex(bad)).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
  })
})
