import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import { ok, type Result } from '../shared/errors'
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
  /** The ids of the indexed docs of one kind. */
  idsOf(kind: SearchDoc['kind']): string[]
  /** The best `k` hits for `query`, best first; [] when the query has nothing to search for. */
  search(query: string, options?: SearchOptions): SearchHit[]
  /** The caller's change-log position this index is complete up to; saved in the snapshot. */
  watermark(): string | null
  setWatermark(mark: string | null): void
  /** A versioned JSON snapshot for `loadSearchIndex`. */
  toJSON(): string
}

const FIELDS = ['text', 'speaker', 'tags', 'context'] as const
/** MiniSearch numbers fields in order; a snapshot must have the same numbering. */
const FIELD_IDS: Readonly<Record<string, number>> = Object.fromEntries(FIELDS.map((f, i) => [f, i]))

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

function resultId(result: SearchResult): string {
  const id: unknown = result.id
  if (typeof id !== 'string') throw new Error('search index: MiniSearch returned a non-string id')
  return id
}

/** A stored doc with its creation time parsed once. */
type Entry = { doc: StoredDoc; at: number }
type Scored = { entry: Entry; score: number; terms: readonly string[] }

function entry(doc: StoredDoc): Entry {
  const at = Date.parse(doc.createdAt)
  if (Number.isNaN(at)) {
    throw new Error(`search index: doc ${doc.id} has createdAt ${doc.createdAt}, not a date`)
  }
  return { doc, at }
}

/** Whether a doc passes the kind, conversation and date filters of a search. */
function filterFor(options: SearchOptions, from: Date | null, to: Date | null) {
  const fromMs = from?.getTime() ?? -Infinity
  const toMs = to?.getTime() ?? Infinity
  return ({ doc, at }: Entry): boolean =>
    (options.kinds === undefined || options.kinds.includes(doc.kind)) &&
    (options.conversationId === undefined || doc.conversationId === options.conversationId) &&
    (options.roles === undefined || (doc.role !== undefined && options.roles.includes(doc.role))) &&
    at >= fromMs &&
    at < toMs
}

function toHit({ entry: { doc }, score, terms }: Scored): SearchHit {
  return {
    id: doc.id,
    kind: doc.kind,
    score,
    text: doc.text,
    conversationId: doc.conversationId,
    createdAt: doc.createdAt,
    snippet: makeSnippet(doc.text, new Set(terms)),
  }
}

function build(
  mini: MiniSearch<SearchDoc>,
  entries: Map<string, Entry>,
  ranking: Ranking,
  mark: string | null,
): SearchIndex {
  let watermark = mark

  const upsert = (doc: SearchDoc): void => {
    const next = entry(toStoredDoc(doc))
    if (entries.has(doc.id)) mini.replace(doc)
    else mini.add(doc)
    entries.set(doc.id, next)
  }

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const now = options.now ?? new Date()
    const time = parseTimePhrase(query, now)
    const hasTerms = queryTerms(time.query).length > 0
    // With only a time phrase ("what did we say yesterday") every doc in its range matches.
    if (!hasTerms && time.phrase === null) return []
    const results = hasTerms ? mini.search(time.query) : mini.search(MiniSearch.wildcard)
    const accepts = filterFor(options, time.from, time.to)
    const scored: Scored[] = []
    for (const result of results) {
      const found = entries.get(resultId(result))
      if (found === undefined || !accepts(found)) continue
      const factor = signalFactor(found.doc.status, now.getTime() - found.at, ranking)
      scored.push({ entry: found, score: result.score * factor, terms: result.terms })
    }
    // Ties go to the newer doc, then to the id, so results are stable.
    scored.sort(
      (a, b) =>
        b.score - a.score || b.entry.at - a.entry.at || (a.entry.doc.id < b.entry.doc.id ? -1 : 1),
    )
    return scored.slice(0, Math.max(0, options.k ?? DEFAULT_K)).map(toHit)
  }

  return {
    add: (batch) => batch.forEach(upsert),
    replace: upsert,
    remove: (id) => {
      if (!entries.has(id)) return false
      mini.discard(id)
      entries.delete(id)
      return true
    },
    has: (id) => entries.has(id),
    size: () => entries.size,
    idsOf: (kind) => [...entries.values()].filter((e) => e.doc.kind === kind).map((e) => e.doc.id),
    search,
    watermark: () => watermark,
    setWatermark: (next) => {
      watermark = next
    },
    toJSON: () => {
      const docs = [...entries.values()].map(({ doc }) => doc)
      return encodeSnapshot({ watermark, docs, miniSearch: mini.toJSON() })
    },
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
  return ok(build(mini, new Map(docs.map((doc) => [doc.id, entry(doc)])), ranking, watermark))
}
