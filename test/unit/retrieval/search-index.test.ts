import { describe, expect, it } from 'vitest'
import { createSearchIndex, SNIPPET_MAX_CHARS } from '../../../retrieval'
import { at, fact, message, sampleDocs } from './docs'

const now = new Date(2026, 2, 11, 12) // Wednesday 11 March 2026

function indexOf(docs = sampleDocs()) {
  const index = createSearchIndex()
  index.add(docs)
  return index
}

describe('search ranking', () => {
  it('puts the fact about pgvector first for "pgvector"', () => {
    const index = indexOf([
      message(
        'a',
        'We looked at many stores today: pgvector, Qdrant, Milvus and a few others',
        at(2026, 3, 10),
      ),
      fact('f-pgvector', 'Uses pgvector for embeddings', at(2026, 2, 20)),
      message(
        'b',
        'The Postgres upgrade broke the pgvector extension build on my laptop again',
        at(2026, 3, 9),
      ),
      fact('f-tz', 'Timezone is America/New_York', at(2026, 1, 5)),
    ])
    const hits = index.search('pgvector', { now })
    expect(hits[0]?.id).toBe('f-pgvector')
    expect(hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'f-pgvector'])
  })

  it('matches word forms through stemming', () => {
    const hits = indexOf().search('benchmark', { now })
    expect(hits[0]?.id).toBe('m3')
  })

  it('does not let question boilerplate dominate', () => {
    const index = indexOf([
      ...sampleDocs(),
      message('say', 'What did I say about that? I said what I did.', at(2026, 3, 4)),
    ])
    const hits = index.search('What did I say about Pinecone last week?', { now })
    expect(hits.map((h) => h.id).sort()).toEqual(['f-pine', 'm1', 'm2'])
  })

  it('returns nothing for a query of only stop words and no time phrase', () => {
    expect(indexOf().search('what did I do about it', { now })).toEqual([])
    expect(indexOf().search('', { now })).toEqual([])
  })

  it('lists what falls in the range, newest first, for a query that is only a time phrase', () => {
    const hits = indexOf().search('what did we talk about yesterday?', {
      now: new Date(2026, 2, 10, 18),
    })
    expect(hits.map((h) => h.id)).toEqual(['m3'])
    const month = indexOf().search('this month', { now })
    // Same-day ties fall back to the id, so the order is stable.
    expect(month.map((h) => h.id)).toEqual(['m4', 'm3', 'f-pine', 'm1', 'm2'])
  })

  it('honours k, kinds and conversationId', () => {
    const index = indexOf()
    expect(index.search('pinecone', { now, k: 1 })).toHaveLength(1)
    expect(index.search('pinecone', { now, kinds: ['memory'] }).map((h) => h.id)).toEqual([
      'f-pine',
    ])
    expect(
      index.search('pinecone', { now, kinds: ['message'] }).every((h) => h.kind === 'message'),
    ).toBe(true)
    expect(index.search('ramen', { now, conversationId: 'c1' })).toEqual([])
    expect(index.search('ramen', { now, conversationId: 'c2' }).map((h) => h.id)).toEqual(['m4'])
  })

  it('returns the hit fields and a short snippet around the match', () => {
    const long = `${'Some unrelated preamble about the weather and travel plans. '.repeat(4)}Then we chose pgvector for the embeddings store. ${'More text follows here. '.repeat(5)}`
    const index = indexOf([message('long', long, at(2026, 3, 2))])
    const [hit] = index.search('pgvector', { now })
    expect(hit).toMatchObject({ id: 'long', kind: 'message', conversationId: 'c1', text: long })
    expect(hit?.createdAt).toBe(at(2026, 3, 2))
    expect(hit?.score).toBeGreaterThan(0)
    expect(hit?.snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS)
    expect(hit?.snippet).toContain('pgvector')
    expect(hit?.snippet.startsWith('…')).toBe(true)
  })
})

describe('field boosts', () => {
  it('ranks a match in a boosted field (tags, speaker) above the same match in the text', () => {
    const index = indexOf([
      fact('in-text', 'Notes mention the settings page once', at(2026, 3, 1)),
      fact('in-tags', 'Dark mode everywhere', at(2026, 3, 1), { tags: ['settings'] }),
    ])
    expect(index.search('settings', { now })[0]?.id).toBe('in-tags')

    const bySpeaker = indexOf([
      message('mentions', 'I met Caroline at the park', at(2026, 3, 1), { speaker: 'Melanie' }),
      message('spoken', 'I went to the park today', at(2026, 3, 1), { speaker: 'Caroline' }),
    ])
    expect(bySpeaker.search('Caroline park', { now })[0]?.id).toBe('spoken')
  })

  it('finds an elliptical reply through its context, below the message that says it', () => {
    // m2 never says "pricing"; it answers m1, which does.
    const hits = indexOf().search('pricing', { now })
    expect(hits.map((h) => h.id)).toEqual(['m1', 'm2'])
  })

  it('finds memory items by their kind', () => {
    const hits = indexOf().search('preferences', { now })
    expect(hits[0]?.id).toBe('f-pine')
  })
})

describe('time phrases in queries', () => {
  it('narrows by date and removes the phrase from the text query', () => {
    const index = indexOf()
    const lastWeek = index.search('pinecone last week', { now }).map((h) => h.id)
    expect([...lastWeek].sort()).toEqual(['f-pine', 'm1', 'm2'])
    expect(index.search('pinecone', { now, k: 10 }).length).toBe(3)
    expect(index.search('pinecone in January', { now })).toEqual([])
    expect(index.search('timezone in January', { now }).map((h) => h.id)).toEqual(['f-tz'])
    expect(index.search('pgvector on 2026-02-20', { now }).map((h) => h.id)).toEqual(['f-pgvector'])
  })
})
