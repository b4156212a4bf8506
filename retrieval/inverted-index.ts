import { processTerm, tokenize } from './analyzer'

/** BM25+ parameters: term saturation, length normalization, and the floor of a matched term. */
export type Bm25 = { k1: number; b: number; d: number }

/**
 * A term's postings in one field: doc slots in increasing order and the term's frequency in each,
 * with how many of those slots are live (valid while `dfAt` equals the index's removal count).
 */
type FieldPostings = { slots: number[]; tfs: number[]; df: number; dfAt: number }

/** The parts of an index as a snapshot keeps them (slots dense, dead docs left out). */
export type InvertedParts = {
  ids: string[]
  /** Per field, per slot: the field's length in distinct tokens, or -1 when the doc lacks the field. */
  lengths: number[][]
  /** [term, fieldId, slots, tfs] */
  postings: Array<[string, number, number[], number[]]>
}

/** What `score` found: the matched slots with their BM25+ sum and how many distinct query terms each matched. */
export type Scores = {
  slots: readonly number[]
  score: Float64Array
  distinct: Uint16Array
}

const grow = <T extends Float64Array | Uint16Array | Int32Array>(
  array: T,
  size: number,
  make: (n: number) => T,
): T => {
  if (array.length >= size) return array
  const next = make(Math.max(size, array.length * 2))
  next.set(array)
  return next
}

/**
 * An inverted index over a fixed list of text fields, scored with BM25+ per field (summed over
 * fields and query terms, times the number of distinct query terms matched). Postings are flat
 * arrays of numbers, so a query touching 30,000 docs is a few tight loops rather than a map of
 * objects per doc. A removed or replaced doc leaves a dead slot that queries skip; `compact()`
 * drops them when they pile up.
 */
export class InvertedIndex<T> {
  private ids: string[] = []
  private payloads: T[] = []
  private alive: boolean[] = []
  private lengths: number[][]
  private readonly slotOf = new Map<string, number>()
  private readonly terms = new Map<string, Array<FieldPostings | undefined>>()
  /** Per field: live docs that have it, and the sum of their lengths. */
  private readonly fieldDocs: number[]
  private readonly fieldTotal: number[]
  private dead = 0
  /** Removals so far: a cached document frequency taken at another count is stale. */
  private removals = 0
  // Scratch space for `score`, reused across queries.
  private acc = new Float64Array(1024)
  private distinct = new Uint16Array(1024)
  private lastTerm = new Int32Array(1024).fill(-1)

  constructor(private readonly fieldCount: number) {
    this.lengths = Array.from({ length: fieldCount }, () => [])
    this.fieldDocs = new Array<number>(fieldCount).fill(0)
    this.fieldTotal = new Array<number>(fieldCount).fill(0)
  }

  get size(): number {
    return this.slotOf.size
  }

  has(id: string): boolean {
    return this.slotOf.has(id)
  }

  /**
   * Indexes `fields` (one text per field, undefined when absent) under `id`, replacing an earlier
   * doc; `payload` comes back with the doc's slot in queries.
   */
  add(id: string, fields: ReadonlyArray<string | undefined>, payload: T): void {
    this.remove(id)
    const slot = this.ids.length
    this.ids.push(id)
    this.payloads.push(payload)
    this.alive.push(true)
    this.slotOf.set(id, slot)
    for (let f = 0; f < this.fieldCount; f++) {
      const text = fields[f]
      if (text === undefined) {
        this.lengths[f]?.push(-1)
        continue
      }
      const tokens = tokenize(text)
      const length = new Set(tokens).size
      this.lengths[f]?.push(length)
      this.fieldDocs[f] = (this.fieldDocs[f] ?? 0) + 1
      this.fieldTotal[f] = (this.fieldTotal[f] ?? 0) + length
      const counts = new Map<string, number>()
      for (const token of tokens) {
        const term = processTerm(token)
        if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1)
      }
      for (const [term, tf] of counts) this.post(term, f, slot, tf)
    }
  }

  private post(term: string, field: number, slot: number, tf: number): void {
    let byField = this.terms.get(term)
    if (byField === undefined) {
      byField = []
      this.terms.set(term, byField)
    }
    let postings = byField[field]
    if (postings === undefined) {
      postings = { slots: [], tfs: [], df: 0, dfAt: this.removals }
      byField[field] = postings
    }
    postings.slots.push(slot)
    postings.tfs.push(tf)
    if (postings.dfAt === this.removals) postings.df += 1
  }

  /** Removes a doc; false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return false
    this.slotOf.delete(id)
    this.alive[slot] = false
    this.dead += 1
    this.removals += 1
    for (let f = 0; f < this.fieldCount; f++) {
      const length = this.lengths[f]?.[slot] ?? -1
      if (length < 0) continue
      this.fieldDocs[f] = (this.fieldDocs[f] ?? 0) - 1
      this.fieldTotal[f] = (this.fieldTotal[f] ?? 0) - length
    }
    if (this.dead > 1000 && this.dead > this.slotOf.size / 4) this.compact()
    return true
  }

  /** The payload of the doc in `slot`. */
  payloadAt(slot: number): T {
    const payload = this.payloads[slot]
    if (payload === undefined) throw new Error(`inverted index: no slot ${slot}`)
    return payload
  }

  /** Every live slot, for queries that match everything (a time phrase alone). */
  liveSlots(): number[] {
    return [...this.slotOf.values()]
  }

  /**
   * BM25+ over `terms` (repeats count again, as in the query) with one boost per field. The
   * returned arrays are scratch space, valid until the next call.
   */
  score(terms: readonly string[], boosts: readonly number[], bm25: Bm25): Scores {
    const { k1, b, d } = bm25
    const capacity = this.ids.length
    this.acc = grow(this.acc, capacity, (n) => new Float64Array(n))
    this.distinct = grow(this.distinct, capacity, (n) => new Uint16Array(n))
    if (this.lastTerm.length < capacity) {
      const next = new Int32Array(Math.max(capacity, this.lastTerm.length * 2)).fill(-1)
      next.set(this.lastTerm)
      this.lastTerm = next
    }
    const { acc, distinct, lastTerm, alive } = this
    const total = this.slotOf.size
    const touched: number[] = []
    // A term the query repeats weighs that many times (its sum), but is matched once.
    const times = new Map<string, number>()
    for (const term of terms) times.set(term, (times.get(term) ?? 0) + 1)
    let termId = -1
    for (const [term, repeats] of times) {
      termId += 1
      const byField = this.terms.get(term)
      if (byField === undefined) continue
      for (let f = 0; f < this.fieldCount; f++) {
        const postings = byField[f]
        if (postings === undefined) continue
        const { slots, tfs } = postings
        if (postings.dfAt !== this.removals) {
          let live = 0
          for (let i = 0; i < slots.length; i++) if (alive[slots[i] ?? 0]) live += 1
          postings.df = live
          postings.dfAt = this.removals
        }
        const df = postings.df
        if (df === 0) continue
        const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5))
        const weight = repeats * (boosts[f] ?? 1) * idf
        const lengths = this.lengths[f] ?? []
        const average = (this.fieldTotal[f] ?? 0) / Math.max(1, this.fieldDocs[f] ?? 0)
        const norm = average > 0 ? b / average : 0
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] ?? 0
          if (!alive[slot]) continue
          const tf = tfs[i] ?? 0
          const length = lengths[slot] ?? 0
          const s = weight * (d + (tf * (k1 + 1)) / (tf + k1 * (1 - b + norm * length)))
          if (lastTerm[slot] === -1) {
            touched.push(slot)
            acc[slot] = 0
            distinct[slot] = 0
          }
          acc[slot] = (acc[slot] ?? 0) + s
          if (lastTerm[slot] !== termId) {
            lastTerm[slot] = termId
            distinct[slot] = (distinct[slot] ?? 0) + 1
          }
        }
      }
    }
    // lastTerm doubles as "touched by this query": reset it for the next one.
    for (const slot of touched) lastTerm[slot] = -1
    return { slots: touched, score: acc, distinct }
  }

  /** Drops dead slots and renumbers the rest densely, in their order. */
  compact(): void {
    const parts = this.parts()
    const payloads = this.payloads.filter((_, slot) => this.alive[slot])
    const fresh = InvertedIndex.fromParts(this.fieldCount, parts, payloads)
    this.ids = fresh.ids
    this.payloads = fresh.payloads
    this.alive = fresh.alive
    this.lengths = fresh.lengths
    this.slotOf.clear()
    for (const [id, slot] of fresh.slotOf) this.slotOf.set(id, slot)
    this.terms.clear()
    for (const [term, byField] of fresh.terms) this.terms.set(term, byField)
    this.dead = 0
    this.lastTerm.fill(-1)
  }

  /** The live docs as dense parts, for a snapshot. Slot order is kept. */
  parts(): InvertedParts {
    const remap = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.alive[slot]) continue
      remap[slot] = ids.length
      ids.push(this.ids[slot] ?? '')
    }
    const lengths = this.lengths.map((byField) => byField.filter((_, slot) => this.alive[slot]))
    const postings: InvertedParts['postings'] = []
    for (const [term, byField] of this.terms) {
      byField.forEach((p, field) => {
        if (p === undefined) return
        const slots: number[] = []
        const tfs: number[] = []
        for (let i = 0; i < p.slots.length; i++) {
          const to = remap[p.slots[i] ?? 0] ?? -1
          if (to < 0) continue
          slots.push(to)
          tfs.push(p.tfs[i] ?? 1)
        }
        if (slots.length > 0) postings.push([term, field, slots, tfs])
      })
    }
    return { ids, lengths, postings }
  }

  /** An index from checked parts (see `parts`), with one payload per id, in order. */
  static fromParts<P>(fieldCount: number, parts: InvertedParts, payloads: P[]): InvertedIndex<P> {
    const index = new InvertedIndex<P>(fieldCount)
    index.appendDocs(parts.ids, parts.lengths, payloads)
    index.appendPostings(parts.postings)
    return index
  }

  /**
   * Appends checked docs at the next slots (their lengths per field, one payload each): a snapshot
   * loaded in steps. Their postings follow with `appendPostings`. Only for docs not indexed yet.
   */
  appendDocs<P extends T>(
    ids: readonly string[],
    lengths: readonly number[][],
    payloads: P[],
  ): void {
    if (payloads.length !== ids.length)
      throw new Error('inverted index: one payload per doc is needed')
    const first = this.ids.length
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? ''
      if (this.slotOf.has(id)) throw new Error(`inverted index: ${id} is already indexed`)
      this.ids.push(id)
      this.payloads.push(payloads[i] as P)
      this.alive.push(true)
      this.slotOf.set(id, first + i)
    }
    for (let f = 0; f < this.fieldCount; f++) {
      const target = this.lengths[f] ?? []
      for (const length of lengths[f] ?? []) {
        target.push(length)
        if (length < 0) continue
        this.fieldDocs[f] = (this.fieldDocs[f] ?? 0) + 1
        this.fieldTotal[f] = (this.fieldTotal[f] ?? 0) + length
      }
    }
  }

  /**
   * Adds checked postings for docs already appended (none removed since), taking their arrays; a
   * term's postings in a field come once (see `hasPostings`).
   */
  appendPostings(postings: InvertedParts['postings']): void {
    for (const [term, field, slots, tfs] of postings) {
      let byField = this.terms.get(term)
      if (byField === undefined) {
        byField = []
        this.terms.set(term, byField)
      }
      byField[field] = { slots, tfs, df: slots.length, dfAt: this.removals }
    }
  }

  /** Whether `term` has postings in `field`. */
  hasPostings(term: string, field: number): boolean {
    return this.terms.get(term)?.[field] !== undefined
  }
}
