import { describe, expect, it } from 'vitest'
import {
  createSearchIndex,
  loadMemoryPack,
  SEARCH_INDEX_FORMAT_VERSION,
  type MemoryPack,
  type SearchDoc,
} from '../../../retrieval'
import { at, fact, sampleDocs } from './docs'

const now = new Date(2026, 2, 11, 12)
const WORDS = ['pgvector', 'pinecone', 'qdrant', 'ramen', 'benchmark', 'lisbon', 'invoice', 'choir']

/** Memory of every kind and status, with a removed and a replaced doc behind it. */
function memoryDocs(): SearchDoc[] {
  return [
    ...sampleDocs().filter((d) => d.kind === 'memory'),
    fact('f-old', 'Lived in Lisbon near the choir hall', at(2026, 1, 9), { status: 'superseded' }),
    fact('f-gone', 'Owes the qdrant invoice', at(2026, 2, 2), { status: 'retracted' }),
    fact('t-1', 'Benchmark the ramen invoice', at(2026, 3, 8), { memoryKind: 'task' }),
    fact('p-1', 'Answers short', at(2026, 3, 1), {
      memoryKind: 'preference',
      tags: ['style', 'answers'],
      conversationId: 'c1',
    }),
    ...Array.from({ length: 300 }, (_, i) =>
      fact(`f-${i}`, `fact ${i} about ${WORDS[i % 8]} and ${WORDS[(i * 3) % 8]} word${i}`),
    ),
  ]
}

const messages = (): SearchDoc[] => sampleDocs().filter((d) => d.kind === 'message')
const queries = ['pgvector', 'Pinecone pricing', 'lisbon choir', 'word123', 'this month', 'answers']

/** A pack as IndexedDB gives it back: a structured copy. */
function packOf(docs: SearchDoc[]): MemoryPack {
  const index = createSearchIndex()
  index.add(docs)
  index.remove('f-7')
  index.replace(fact('f-8', 'fact 8 now says qdrant only'))
  return structuredClone(index.toMemoryPack())
}

describe('a memory pack', () => {
  it('loads into an index that searches as the tokenized one does, with messages added after', () => {
    const tokenized = createSearchIndex()
    tokenized.add(memoryDocs())
    tokenized.remove('f-7')
    tokenized.replace(fact('f-8', 'fact 8 now says qdrant only'))
    tokenized.add(messages())
    const loaded = loadMemoryPack(packOf(memoryDocs()))
    if (!loaded.ok) throw new Error(loaded.error.message)
    loaded.value.add(messages())
    for (const query of queries)
      expect(loaded.value.search(query, { now, k: 20 })).toEqual(
        tokenized.search(query, { now, k: 20 }),
      )
    expect(loaded.value.size()).toBe(tokenized.size())
    expect(loaded.value.has('f-7')).toBe(false)
    // What the index stores of each doc came back exactly.
    for (const id of tokenized.idsOf('memory'))
      expect(loaded.value.stored(id)).toEqual(tokenized.stored(id))
  })

  it('is only made of memory: an index holding a message cannot be packed', () => {
    const index = createSearchIndex()
    index.add(sampleDocs())
    expect(() => index.toMemoryPack()).toThrow(/m1 is not a memory doc/)
  })

  it('that is damaged or from another analyzer is refused, naming what is wrong and where', () => {
    const good = packOf(memoryDocs())
    const letter = (text: string, at: number, to: string): string =>
      text.slice(0, at) + to + text.slice(at + 1)
    const cases: Array<[string, (p: MemoryPack) => unknown, RegExp, string]> = [
      [
        'version',
        (p) => ({ ...p, version: SEARCH_INDEX_FORMAT_VERSION + 1 }),
        /format version/,
        '',
      ],
      ['not an object', () => 'pack', /is not an object/, 'search'],
      ['ids', (p) => ({ ...p, ids: undefined }), /no list of ids/, 'search.ids'],
      [
        'short column',
        (p) => ({ ...p, texts: p.texts.slice(1) }),
        /one texts entry/,
        'search.texts',
      ],
      [
        'repeated id',
        (p) => ({ ...p, ids: p.ids.map((id, i) => (i === 3 ? p.ids[2] : id)) }),
        /an id twice/,
        'search.ids',
      ],
      [
        'status',
        (p) => ({ ...p, statuses: letter(p.statuses, 4, 'c') }),
        /unknown status/,
        'search.statuses[4]',
      ],
      [
        'kind',
        (p) => ({ ...p, kinds: letter(p.kinds, 1, 'n') }),
        /unknown kind/,
        'search.kinds[1]',
      ],
      [
        'date',
        (p) => ({ ...p, times: p.times.map((t, i) => (i === 0 ? Number.NaN : t)) }),
        /no date/,
        'search.createdAt[0]',
      ],
      [
        'slot past the docs',
        (p) => ({ ...p, slots: p.slots.map((x, i) => (i === 5 ? p.ids.length : x)) }),
        /out of order, past the docs/,
        'search.slots[5]',
      ],
      [
        'slots out of order',
        (p) => {
          // The second slot of the first list with two: made equal to the first.
          const list = [...p.ends].findIndex(
            (end, i) => end - (i === 0 ? 0 : (p.ends[i - 1] ?? 0)) > 1,
          )
          const first = list === 0 ? 0 : (p.ends[list - 1] ?? 0)
          return {
            ...p,
            slots: p.slots.map((x, i) => (i === first + 1 ? (p.slots[first] ?? x) : x)),
          }
        },
        /out of order/,
        '',
      ],
      [
        'postings twice',
        (p) => ({
          ...p,
          terms: p.terms.map((t, i) => (i === 1 ? (p.terms[0] ?? t) : t)),
          fields: p.fields.map((f, i) => (i === 1 ? (p.fields[0] ?? f) : f)),
        }),
        /twice in one field/,
        'search.terms[1]',
      ],
      ['columns', (p) => ({ ...p, tfs: p.tfs.subarray(1) }), /do not add up/, 'search.postings'],
      [
        'lengths',
        (p) => ({ ...p, lengths: Array.from(p.lengths) }),
        /one length per field/,
        'search.lengths',
      ],
    ]
    for (const [name, damage, message, path] of cases) {
      const loaded = loadMemoryPack(damage(structuredClone(good)))
      expect(loaded.ok, name).toBe(false)
      if (loaded.ok) continue
      expect(loaded.error.message, name).toMatch(message)
      if (name === 'version') expect(loaded.error.code).toBe('unsupported-version')
      else if (path !== '') expect(loaded.error.path, name).toBe(path)
    }
    expect(loadMemoryPack(structuredClone(good)).ok).toBe(true)
  })
})
