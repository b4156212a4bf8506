import { err, ok, type Result } from '../shared/errors'
import { processQueryTerm, tokenize } from './analyzer'
import { InvertedIndex } from './inverted-index'
import { DEFAULT_RANKING, maxSignalFactor, signalFactor, type Ranking } from './ranking'
import type { SearchDoc, SearchHit, SearchOptions } from './search-doc'
import { decodeSnapshot, encodeSnapshot } from './snapshot'
import {
  decodePartsHeader,
  decodeSnapshotPart,
  encodeSnapshotParts,
  type PartLimits,
} from './snapshot-parts'
import { packMemory, unpackMemory, type MemoryPack } from './memory-pack'
import { makeSnippet } from './snippet'
import { toStoredDoc, type StoredDoc } from './stored-doc'
import { parseTimePhrase } from './time-phrase'

/**
 * A full-text index over memory items and messages: BM25+ with field boosts (our flat-array
 * inverted index, scored as MiniSearch scores), stop words and Porter stemming, time phrases, and
 * mild status and recency signals. Only the best `k` hits are sorted and given snippets.
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
  /** What the index keeps of the doc `id` (its indexed-only fields left out); undefined when absent. */
  stored(id: string): StoredDoc | undefined
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
  /**
   * The same snapshot as a header and small parts, for `loadSearchIndexParts` to load in steps
   * (`limits` is for tests; the app uses the default).
   */
  toParts(limits?: PartLimits): { header: string; parts: string[] }
  /**
   * The index as a `MemoryPack` for `loadMemoryPack`, without its watermark. Only for an index of
   * memory docs: a message doc in it throws (a bug).
   */
  toMemoryPack(): MemoryPack
}

/** Loads a snapshot kept in parts, one part at a time (see `loadSearchIndexParts`). */
export interface SearchIndexLoader {
  /** How many parts follow the header. */
  readonly parts: number
  /** Loads the next part, in the order `toParts` gave them. Any error: the snapshot is unusable. */
  push(part: string): Result<void>
  /** The index, once every part is in. */
  finish(): Result<SearchIndex>
}

/** The indexed fields, in the order of their ids in a snapshot. */
export const FIELDS = ['text', 'speaker', 'tags', 'context'] as const

const DEFAULT_K = 10

/** A doc's text per field, in FIELDS order; undefined where the doc has none. */
function fieldTexts(doc: SearchDoc): Array<string | undefined> {
  const tags = [...(doc.tags ?? []), ...(doc.memoryKind === undefined ? [] : [doc.memoryKind])]
  return [
    doc.text,
    doc.speaker ?? undefined,
    tags.length === 0 ? undefined : tags.join(' '),
    doc.context,
  ]
}

/** The query's terms in order, repeats kept (a repeated word weighs more, as in MiniSearch). */
function termsOf(query: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(query)) {
    const term = processQueryTerm(token)
    if (term !== null) terms.push(term)
  }
  return terms
}

/** A stored doc with its creation time parsed once. */
type Entry = { doc: StoredDoc; at: number }
type Scored = { entry: Entry; score: number }

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

/** Best first; ties go to the newer doc, then to the id, so results are stable. */
const better = (a: Scored, b: Scored): number =>
  b.score - a.score || b.entry.at - a.entry.at || (a.entry.doc.id < b.entry.doc.id ? -1 : 1)

/** Keeps the best `k` of what it is offered, sorted best first. */
function topK(k: number): { offer(s: Scored): void; floor(): number; best: Scored[] } {
  const best: Scored[] = []
  return {
    best,
    /** The score an offer must reach to have a chance: the k-th best so far, or -Infinity. */
    floor: () => (best.length < k ? -Infinity : (best[best.length - 1]?.score ?? -Infinity)),
    offer(s) {
      if (k <= 0) return
      const last = best[best.length - 1]
      if (best.length === k && last !== undefined && better(s, last) >= 0) return
      let i = best.length
      while (i > 0 && better(s, best[i - 1] as Scored) < 0) i -= 1
      best.splice(i, 0, s)
      if (best.length > k) best.pop()
    },
  }
}

function build(
  inverted: InvertedIndex<Entry>,
  entries: Map<string, Entry>,
  ranking: Ranking,
  mark: string | null,
): SearchIndex {
  let watermark = mark
  // MiniSearch read a boost of 0 as 1; the weights were tuned that way.
  const boosts = FIELDS.map((f) => ranking.fieldBoosts[f] || 1)
  const maxFactor = maxSignalFactor(ranking)

  const upsert = (doc: SearchDoc): void => {
    const next = entry(toStoredDoc(doc))
    inverted.add(doc.id, fieldTexts(doc), next)
    entries.set(doc.id, next)
  }

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const now = options.now ?? new Date()
    const time = parseTimePhrase(query, now)
    const terms = termsOf(time.query)
    // With only a time phrase ("what did we say yesterday") every doc in its range matches.
    if (terms.length === 0 && time.phrase === null) return []
    const accepts = filterFor(options, time.from, time.to)
    const top = topK(Math.max(0, options.k ?? DEFAULT_K))
    const nowMs = now.getTime()
    const consider = (found: Entry, score: number): void => {
      if (!accepts(found)) return
      const factor = signalFactor(found.doc.status, nowMs - found.at, ranking)
      top.offer({ entry: found, score: score * factor })
    }
    if (terms.length === 0) {
      for (const slot of inverted.liveSlots()) consider(inverted.payloadAt(slot), 1)
    } else {
      const { slots, score, distinct } = inverted.score(terms, boosts, ranking.bm25)
      // No signal lifts a score by more than maxFactor: a doc below the k-th best by more than
      // that is passed over without looking at it.
      for (const slot of slots) {
        const raw = (score[slot] ?? 0) * (distinct[slot] ?? 1)
        if (raw * maxFactor < top.floor()) continue
        consider(inverted.payloadAt(slot), raw)
      }
    }
    const matched = new Set(terms)
    return top.best.map(({ entry: { doc }, score }) => ({
      id: doc.id,
      kind: doc.kind,
      score,
      text: doc.text,
      conversationId: doc.conversationId,
      createdAt: doc.createdAt,
      snippet: makeSnippet(doc.text, matched),
    }))
  }

  const snapshotOf = () => {
    const parts = inverted.parts()
    const docs = parts.ids.map((id) => {
      const found = entries.get(id)
      if (found === undefined) throw new Error(`search index: ${id} is indexed but not stored`)
      return found.doc
    })
    return { watermark, docs, lengths: parts.lengths, postings: parts.postings }
  }

  return {
    add: (batch) => batch.forEach(upsert),
    replace: upsert,
    remove: (id) => {
      if (!entries.has(id)) return false
      inverted.remove(id)
      entries.delete(id)
      return true
    },
    has: (id) => entries.has(id),
    stored: (id) => entries.get(id)?.doc,
    size: () => entries.size,
    idsOf: (kind) => [...entries.values()].filter((e) => e.doc.kind === kind).map((e) => e.doc.id),
    search,
    watermark: () => watermark,
    setWatermark: (next) => {
      watermark = next
    },
    toJSON: () => encodeSnapshot(snapshotOf()),
    toParts: (limits) => encodeSnapshotParts(snapshotOf(), limits),
    toMemoryPack: () => packMemory(snapshotOf()),
  }
}

/** A new, empty index. `ranking` is for benchmarks; the app uses the default. */
export function createSearchIndex(ranking: Ranking = DEFAULT_RANKING): SearchIndex {
  return build(new InvertedIndex<Entry>(FIELDS.length), new Map(), ranking, null)
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
  const snapshot = decodeSnapshot(json, FIELDS.length)
  if (!snapshot.ok) return snapshot
  const { docs, lengths, postings, watermark } = snapshot.value
  const ids = docs.map((doc) => doc.id)
  const stored = docs.map(entry)
  const inverted = InvertedIndex.fromParts(FIELDS.length, { ids, lengths, postings }, stored)
  return ok(build(inverted, new Map(stored.map((e) => [e.doc.id, e])), ranking, watermark))
}

/**
 * An index of memory docs from `toMemoryPack()` output as stored, with nothing tokenized: more docs
 * (recent messages) can be added to it as to any index. Errors (index the docs instead):
 * `unsupported-version` for a pack another analyzer made, `validation` for a damaged one.
 */
export function loadMemoryPack(
  value: unknown,
  ranking: Ranking = DEFAULT_RANKING,
): Result<SearchIndex> {
  const unpacked = unpackMemory(value, FIELDS.length)
  if (!unpacked.ok) return unpacked
  const { docs, times, lengths, postings } = unpacked.value
  const stored = docs.map((doc, i): Entry => ({ doc, at: times[i] ?? 0 }))
  const entries = new Map(stored.map((e) => [e.doc.id, e]))
  if (entries.size !== docs.length)
    return err('validation', 'the stored memory index has an id twice', 'search.ids')
  const ids = docs.map((doc) => doc.id)
  const inverted = InvertedIndex.fromParts(FIELDS.length, { ids, lengths, postings }, stored)
  return ok(build(inverted, entries, ranking, null))
}

/**
 * Starts loading a snapshot kept in parts (`toParts`) from its header; the caller pushes each part,
 * and may let other work run between them. Errors (rebuild on any), from the header or a part:
 * `validation` for JSON that is not a snapshot, parts that disagree with each other or the header,
 * or parts missing or in excess; `unsupported-version` for another format version.
 *
 * @example
 * const { header, parts } = index.toParts()
 * const loader = loadSearchIndexParts(header) // Result<SearchIndexLoader>
 * for (const part of parts) loader.value.push(part) // each a Result; stop at the first error
 * const restored = loader.value.finish()
 */
export function loadSearchIndexParts(
  header: string,
  ranking: Ranking = DEFAULT_RANKING,
): Result<SearchIndexLoader> {
  const decoded = decodePartsHeader(header)
  if (!decoded.ok) return decoded
  const { docs, parts, watermark } = decoded.value
  const inverted = new InvertedIndex<Entry>(FIELDS.length)
  const entries = new Map<string, Entry>()
  let received = 0
  let postingsStarted = false
  const problem = (text: string): Result<never> =>
    err('validation', `search index snapshot: ${text}`, 'snapshot')
  return ok({
    parts,
    push(json) {
      if (received >= parts) return problem(`more parts than the ${parts} its header names`)
      const part = decodeSnapshotPart(json, docs, FIELDS.length, `part ${received + 1}`)
      if (!part.ok) return part
      received += 1
      if (part.value.type === 'docs') {
        if (postingsStarted) return problem(`part ${received} holds docs after postings`)
        const added = part.value.docs
        if (entries.size + added.length > docs)
          return problem(`more docs than the ${docs} its header names`)
        const ids = added.map((d) => d.id)
        if (new Set(ids).size !== ids.length || ids.some((id) => entries.has(id)))
          return problem('duplicate document ids')
        const stored = added.map(entry)
        inverted.appendDocs(ids, part.value.lengths, stored)
        for (const e of stored) entries.set(e.doc.id, e)
        return ok(undefined)
      }
      postingsStarted = true
      if (entries.size !== docs)
        return problem(`postings before all ${docs} docs (${entries.size} so far)`)
      for (const posting of part.value.postings) {
        if (inverted.hasPostings(posting[0], posting[1]))
          return problem(`"${posting[0]}" has postings twice in one field`)
        inverted.appendPostings([posting])
      }
      return ok(undefined)
    },
    finish() {
      if (received !== parts || entries.size !== docs)
        return problem(`${received} of ${parts} parts and ${entries.size} of ${docs} docs loaded`)
      return ok(build(inverted, entries, ranking, watermark))
    },
  })
}
