import { describe, expect, it } from 'vitest'
import {
  createSearchIndex,
  loadSearchIndexParts,
  SEARCH_INDEX_FORMAT_VERSION,
  type SearchIndex,
} from '../../../retrieval'
import type { Result } from '../../../shared/errors'
import { at, fact, message, sampleDocs } from './docs'

const now = new Date(2026, 2, 11, 12)
const WORDS = ['pgvector', 'pinecone', 'qdrant', 'ramen', 'benchmark', 'lisbon', 'invoice', 'choir']

/** Enough docs for several parts of each kind. */
function bigIndex(): SearchIndex {
  const index = createSearchIndex()
  index.add(sampleDocs())
  index.add(
    Array.from({ length: 4500 }, (_, i) =>
      message(
        `bulk-${i}`,
        `note ${i} about ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} word${i}`,
        at(2026, 1 + (i % 3), 1 + (i % 27)),
      ),
    ),
  )
  index.remove('bulk-17')
  index.replace(fact('f-pine', 'Prefers pgvector over Pinecone, firmly', at(2026, 3, 4)))
  index.setWatermark('seq-42')
  return index
}

const queries = ['pgvector', 'Pinecone pricing', 'lisbon choir', 'word4321', 'this month', 'ramen']
const searchAll = (index: SearchIndex) => queries.map((q) => index.search(q, { now, k: 20 }))

/** Loads header and parts in order; the first error ends it. */
function loadParts(header: string, parts: readonly string[]): Result<SearchIndex> {
  const loader = loadSearchIndexParts(header)
  if (!loader.ok) return loader
  for (const part of parts) {
    const pushed = loader.value.push(part)
    if (!pushed.ok) return pushed
  }
  return loader.value.finish()
}

describe('toParts / loadSearchIndexParts', () => {
  it('splits a big index into small parts that load to identical search results', () => {
    const index = bigIndex()
    const { header, parts } = index.toParts()
    expect(parts.length).toBeGreaterThan(3)
    // No part is anywhere near the whole: each is one short step to load.
    const whole = index.toJSON().length
    for (const part of parts) expect(part.length).toBeLessThan(whole / 2)
    const restored = loadParts(header, parts)
    if (!restored.ok) throw new Error(restored.error.message)
    expect(restored.value.size()).toBe(index.size())
    expect(restored.value.watermark()).toBe('seq-42')
    expect(searchAll(restored.value)).toEqual(searchAll(index))
    // It keeps taking changes, and saves the same way again.
    restored.value.add([message('m-new', 'Qdrant support answered', at(2026, 3, 11))])
    index.add([message('m-new', 'Qdrant support answered', at(2026, 3, 11))])
    const again = restored.value.toParts()
    const twice = loadParts(again.header, again.parts)
    if (!twice.ok) throw new Error(twice.error.message)
    expect(searchAll(twice.value)).toEqual(searchAll(index))
  })

  it('round-trips an empty index', () => {
    const { header, parts } = createSearchIndex().toParts()
    const restored = loadParts(header, parts)
    expect(restored.ok && restored.value.size()).toBe(0)
  })

  it('refuses a snapshot with a part missing, in excess, out of order or damaged', () => {
    const { header, parts } = bigIndex().toParts({ docs: 2000, numbers: 5000 })
    const firstPostings = parts.findIndex((p) => p.includes('"type":"postings"'))
    const swapped = [...parts]
    ;[swapped[0], swapped[firstPostings]] = [swapped[firstPostings] ?? '', swapped[0] ?? '']
    // The same postings twice, in place of others: a term's postings in a field come once.
    const repeated = parts.map((p, i) =>
      i === parts.length - 1 ? (parts[firstPostings] ?? '') : p,
    )
    const cases: Record<string, string[]> = {
      missing: parts.slice(0, -1),
      excess: [...parts, parts.at(-1) ?? ''],
      swapped,
      cut: parts.map((p, i) => (i === 1 ? p.slice(0, p.length / 2) : p)),
      badDate: parts.map((p, i) =>
        i === 0 ? p.replace('"createdAt":"2026', '"createdAt":"x') : p,
      ),
      repeated,
    }
    expect(parts.length - 1).toBeGreaterThan(firstPostings)
    for (const [name, bad] of Object.entries(cases)) {
      const result = loadParts(header, bad)
      expect({ name, result }).toMatchObject({
        name,
        result: { ok: false, error: { code: 'validation' } },
      })
    }
  })

  it('says unsupported-version for a header of another format version, validation for foreign JSON', () => {
    const { header } = bigIndex().toParts()
    const other = JSON.stringify({
      ...(JSON.parse(header) as object),
      version: SEARCH_INDEX_FORMAT_VERSION + 1,
    })
    expect(loadSearchIndexParts(other)).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version' },
    })
    for (const bad of ['{"hello":1}', 'not json', createSearchIndex().toJSON()])
      expect(loadSearchIndexParts(bad)).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
