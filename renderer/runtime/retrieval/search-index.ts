import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import { ok, type Result } from '../../../shared/errors'
import { processQueryTerm, processTerm, queryTerms } from './analyzer'
import { DEFAULT_RANKING, signalFactor, type Ranking } from './ranking'
import type { SearchDoc, SearchHit, SearchOptions } from './search-doc'
import { decodeSnapshot, encodeSnapshot } from './snapshot'
import { makeSnippet } from './snippet'
import { toStoredDoc, type StoredDoc } from './stored-doc'
import { parseTimePhrase } from './time-phrase'

/**
 * A full-text index over memory items and messages: BM25+ with field boosts (MiniSearch), stop
 * words and Porter stemming, time phrases, and mild status and recency signals.
 *
 * Incremental: `add`/`replace`/`remove` touch one doc each. Persistent: `toJSON()` is a versioned
 * snapshot for `loadSearchIndex`. On restart the runtime loads the snapshot, reads `watermark()`
 * (a position in its own change log, set with `setWatermark` before saving) and adds only what came
 * after it; when loading fails it rebuilds from scratch.
 *
 * @example
 * const index = createSearchIndex()
 * index.add([{ id: 'f1', kind: 'memory', memoryKind: 'preference', status: 'active',
 *   text: 'Prefers pgvector over Pinecone', conversationId: null, createdAt: '2026-03-02T10:00:00Z' }])
 * index.search('What did I say about Pinecone last week?', { now: new Date('2026-03-11T12:00:00Z') })
 * // => [{ id: 'f1', kind: 'memory', snippet: 'Prefers pgvector over Pinecone', ... }]
 * index.setWatermark('log-seq-1041')
 * const saved = index.toJSON()
 * const restored = loadSearchIndex(saved) // Result<SearchIndex>; on error, rebuild
 */
export interface SearchIndex {
  /** Indexes docs; a doc whose id is already indexed is replaced. Throws on a bad createdAt (a bug). */
  add(docs: readonly SearchDoc[]): void
  /** Indexes one doc in place of the one with its id (or adds it). */
  replace(doc: SearchDoc): void
  /** Removes a doc; false when it was not indexed. */
  remove(id: string): boolean
  has(id: string): boolean
  size(): number
  /** The best `k` hits for `query`, best first; [] when the query has nothing to search for. */
  search(query: string, options?: SearchOptions): SearchHit[]
  /** The caller's change-log position this index is complete up to; saved in the snapshot. */
  watermark(): string | null
  setWatermark(mark: string | null): void
  /** A versioned JSON snapshot for `loadSearchIndex`. */
  toJSON(): string
}

const FIELDS = ['text', 'speaker', 'tags', 'context'] as const
type Field = (typeof FIELDS)[number]
const FIELD_IDS: Readonly<Record<Field, number>> = { text: 0, speaker: 1, tags: 2, context: 3 }

const DEFAULT_K = 10

function extractField(doc: SearchDoc, field: string): string | undefined {
  switch (field) {
    case 'id':
      return doc.id
    case 'text':
      return doc.text
    case 'speaker':
      return doc.speaker ?? undefined
    case 'tags': {
      const tags = [...(doc.tags ?? []), ...(doc.memoryKind === undefined ? [] : [doc.memoryKind])]
      return tags.length === 0 ? undefined : tags.join(' ')
    }
    case 'context':
      return doc.context
    default:
      throw new Error(`search index: unknown field ${field}`)
  }
}

function miniSearchOptions(ranking: Ranking): Options<SearchDoc> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    extractField,
    processTerm: (term) => processTerm(term),
    searchOptions: { boost: { ...ranking.fieldBoosts }, processTerm: processQueryTerm },
  }
}

function assertDate(doc: SearchDoc): void {
  if (Number.isNaN(Date.parse(doc.createdAt))) {
    throw new Error(`search index: doc ${doc.id} has createdAt ${doc.createdAt}, not a date`)
  }
}

function resultId(result: SearchResult): string {
  const id: unknown = result.id
  if (typeof id !== 'string') throw new Error('search index: MiniSearch returned a non-string id')
  return id
}

type Scored = { doc: StoredDoc; at: number; score: number; terms: readonly string[] }

function build(
  mini: MiniSearch<SearchDoc>,
  docs: Map<string, StoredDoc>,
  ranking: Ranking,
  mark: string | null,
): SearchIndex {
  let watermark = mark

  const upsert = (doc: SearchDoc): void => {
    assertDate(doc)
    if (docs.has(doc.id)) mini.replace(doc)
    else mini.add(doc)
    docs.set(doc.id, toStoredDoc(doc))
  }

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const now = options.now ?? new Date()
    const k = options.k ?? DEFAULT_K
    const time = parseTimePhrase(query, now)
    const from = time.from?.getTime() ?? -Infinity
    const to = time.to?.getTime() ?? Infinity
    const accepts = (doc: StoredDoc, at: number): boolean =>
      (options.kinds === undefined || options.kinds.includes(doc.kind)) &&
      (options.conversationId === undefined || doc.conversationId === options.conversationId) &&
      at >= from &&
      at < to
    const hasTerms = queryTerms(time.query).length > 0
    // With only a time phrase ("what did we say yesterday") every doc in the range matches.
    if (!hasTerms && time.phrase === null) return []
    const results = hasTerms ? mini.search(time.query) : mini.search(MiniSearch.wildcard)
    const scored: Scored[] = []
    for (const result of results) {
      const doc = docs.get(resultId(result))
      if (doc === undefined) continue
      const at = Date.parse(doc.createdAt)
      if (!accepts(doc, at)) continue
      const factor = signalFactor(doc.status, now.getTime() - at, ranking)
      scored.push({ doc, at, score: result.score * factor, terms: result.terms })
    }
    scored.sort((a, b) => b.score - a.score || b.at - a.at || (a.doc.id < b.doc.id ? -1 : 1))
    return scored.slice(0, Math.max(0, k)).map(({ doc, score, terms }) => ({
      id: doc.id,
      kind: doc.kind,
      score,
      text: doc.text,
      conversationId: doc.conversationId,
      createdAt: doc.createdAt,
      snippet: makeSnippet(doc.text, new Set(terms)),
    }))
  }

  return {
    add: (batch) => batch.forEach(upsert),
    replace: upsert,
    remove: (id) => {
      if (!docs.has(id)) return false
      mini.discard(id)
      docs.delete(id)
      return true
    },
    has: (id) => docs.has(id),
    size: () => docs.size,
    search,
    watermark: () => watermark,
    setWatermark: (next) => {
      watermark = next
    },
    toJSON: () =>
      encodeSnapshot({ watermark, docs: [...docs.values()], miniSearch: mini.toJSON() }),
  }
}

/** A new, empty index. `ranking` is for benchmarks; the app uses the default. */
export function createSearchIndex(ranking: Ranking = DEFAULT_RANKING): SearchIndex {
  return build(new MiniSearch(miniSearchOptions(ranking)), new Map(), ranking, null)
}

/**
 * Restores an index from `toJSON()` output. Errors (rebuild on any): `validation` for a snapshot
 * that is not JSON, has the wrong shape, or whose parts disagree; `unsupported-version` for a
 * snapshot of another format version.
 */
export function loadSearchIndex(
  json: string,
  ranking: Ranking = DEFAULT_RANKING,
): Result<SearchIndex> {
  const snapshot = decodeSnapshot(json, FIELD_IDS)
  if (!snapshot.ok) return snapshot
  const { docs, miniSearch, watermark } = snapshot.value
  const mini = MiniSearch.loadJS(miniSearch, miniSearchOptions(ranking))
  return ok(build(mini, new Map(docs.map((doc) => [doc.id, doc])), ranking, watermark))
}
