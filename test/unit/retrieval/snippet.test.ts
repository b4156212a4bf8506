import { describe, expect, it } from 'vitest'
import { SNIPPET_MAX_CHARS } from '../../../retrieval'
import { makeSnippet } from '../../../retrieval/snippet'

const words = (n: number, word = 'filler') => Array.from({ length: n }, () => word).join(' ')

describe('makeSnippet', () => {
  it('returns short text whole, with whitespace flattened', () => {
    expect(makeSnippet('Prefers  pgvector\nover Pinecone', new Set(['pgvector']))).toBe(
      'Prefers pgvector over Pinecone',
    )
  })

  it('cuts long text around the match at word boundaries, marking cuts with an ellipsis', () => {
    const text = `${words(60)} we picked pgvector today ${words(60)}`
    const snippet = makeSnippet(text, new Set(['pgvector']))
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS)
    expect(snippet).toContain('we picked pgvector today')
    expect(snippet.startsWith('…filler')).toBe(true)
    expect(snippet.endsWith('filler…')).toBe(true)
  })

  it('prefers the window with the most distinct matched terms', () => {
    const text = `pgvector once here. ${words(50)} Later: pgvector beats Pinecone on cost. ${words(50)}`
    const snippet = makeSnippet(text, new Set(['pgvector', 'pinecon']))
    expect(snippet).toContain('pgvector beats Pinecone')
  })

  it('starts at the beginning when nothing matches', () => {
    const snippet = makeSnippet(`Start here. ${words(80)}`, new Set(['absent']))
    expect(snippet.startsWith('Start here.')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS)
  })

  it('stays within the limit for one very long word', () => {
    const snippet = makeSnippet(`${'x'.repeat(400)} pgvector`, new Set(['pgvector']))
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS)
  })
})
