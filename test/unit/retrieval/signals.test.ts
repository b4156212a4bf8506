import { describe, expect, it } from 'vitest'
import { createSearchIndex, DEFAULT_RANKING } from '../../../retrieval'
import { signalFactor } from '../../../retrieval/ranking'
import { at, fact, message } from './docs'

const now = new Date(2026, 2, 11, 12)
const DAY = 86_400_000

describe('status and recency signals', () => {
  it('ranks active memory above superseded and retracted, and keeps those findable', () => {
    const index = createSearchIndex()
    index.add([
      fact('retracted', 'Prefers Pinecone for vector search', at(2026, 3, 5), {
        status: 'retracted',
      }),
      fact('superseded', 'Prefers Pinecone for vector search', at(2026, 3, 5), {
        status: 'superseded',
      }),
      fact('active', 'Prefers Pinecone for vector search', at(2026, 3, 5)),
    ])
    expect(index.search('pinecone', { now }).map((h) => h.id)).toEqual([
      'active',
      'superseded',
      'retracted',
    ])
  })

  it('lets a strong text match beat a weak active one: status is a factor, not a filter', () => {
    const index = createSearchIndex()
    index.add([
      fact('old', 'Pinecone Pinecone serverless index', at(2026, 3, 5), { status: 'superseded' }),
      fact('new', `Uses many tools: ${'filler '.repeat(40)}and Pinecone once`, at(2026, 3, 5)),
    ])
    expect(index.search('pinecone serverless', { now })[0]?.id).toBe('old')
  })

  it('puts the newer of two equal matches first', () => {
    const index = createSearchIndex()
    index.add([
      message('older', 'Deploy failed on staging', at(2025, 11, 1)),
      message('newer', 'Deploy failed on staging', at(2026, 3, 10)),
    ])
    expect(index.search('deploy staging', { now }).map((h) => h.id)).toEqual(['newer', 'older'])
  })

  it('keeps recency mild: a clearly better old match stays above a weak new one', () => {
    const index = createSearchIndex()
    index.add([
      message('old-strong', 'Kubernetes ingress timeout on the kubernetes cluster', at(2024, 1, 1)),
      message(
        'new-weak',
        `Long notes ${'about lunch and weather '.repeat(10)} and kubernetes`,
        at(2026, 3, 11),
      ),
    ])
    expect(index.search('kubernetes ingress timeout', { now })[0]?.id).toBe('old-strong')
  })

  it('computes the factor as status × (1 + weight · 2^(−age/half-life))', () => {
    const { recencyWeight: w, recencyHalfLifeDays: h } = DEFAULT_RANKING
    expect(signalFactor(undefined, 0)).toBeCloseTo(1 + w)
    expect(signalFactor('active', h * DAY)).toBeCloseTo(1 + w / 2)
    expect(signalFactor('superseded', 0)).toBeCloseTo(DEFAULT_RANKING.status.superseded * (1 + w))
    expect(signalFactor('retracted', 10_000 * DAY)).toBeCloseTo(DEFAULT_RANKING.status.retracted)
    // A doc from the future counts as brand new, not as extra-new.
    expect(signalFactor('active', -5 * DAY)).toBeCloseTo(1 + w)
  })
})
