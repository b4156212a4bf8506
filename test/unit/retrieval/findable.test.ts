import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSearchIndex, type SearchDoc } from '../../../retrieval'

const filler = fc.constantFrom(
  'the',
  'meeting',
  'notes',
  'about',
  'vectors',
  'and',
  'lunch',
  'plans',
  'today',
  'search',
)
const fillerText = fc.array(filler, { minLength: 0, maxLength: 30 }).map((w) => w.join(' '))
// A token no filler word shares: letters, then digits, so stop words and stemming leave it distinct.
const distinctive = fc
  .tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.integer({ min: 0, max: 99_999 }))
  .map(([letters, n]) => `zq${letters}${n}`)

const docSpec = fc.record({
  before: fillerText,
  after: fillerText,
  kind: fc.constantFrom<SearchDoc['kind']>('message', 'memory'),
  day: fc.integer({ min: 1, max: 28 }),
})

describe('property: any added doc is findable by a distinctive token it contains', () => {
  it('finds each doc first for its own token', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(distinctive, { minLength: 1, maxLength: 12 }),
        fc.array(docSpec, { minLength: 12, maxLength: 12 }),
        (tokens, specs) => {
          const index = createSearchIndex()
          const docs = tokens.map((token, i): SearchDoc => {
            const spec = specs[i % specs.length]
            return {
              id: `d${i}`,
              kind: spec?.kind ?? 'message',
              text: `${spec?.before ?? ''} ${token.toUpperCase()} ${spec?.after ?? ''}`,
              conversationId: 'c1',
              createdAt: new Date(Date.UTC(2026, 1, spec?.day ?? 1)).toISOString(),
            }
          })
          index.add(docs)
          for (const [i, token] of tokens.entries()) {
            const hits = index.search(`what about ${token}?`, {
              now: new Date(Date.UTC(2026, 2, 1)),
            })
            expect(hits[0]?.id).toBe(`d${i}`)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
