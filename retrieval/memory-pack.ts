import { err, ok, type Result } from '../shared/errors'
import { SEARCH_INDEX_FORMAT_VERSION, type Posting } from './snapshot'
import type { StoredDoc } from './stored-doc'

/**
 * An index of memory docs only, in columns: one list per stored field (a doc's place in each is
 * its slot; kinds and statuses one letter per doc), its lengths and postings in flat number arrays,
 * and the format version of what decides its terms. A stored space view keeps one beside the
 * memory it was built from, so a start searches memory without reading or tokenizing any item:
 * IndexedDB copies a list of 10,000 strings or a typed array in well under a millisecond, where
 * 10,000 doc objects took 10–20 ms, and checking flat arrays is a few tight loops.
 *
 * `lengths[f * n + slot]` is the length of field `f` of doc `slot` (-1 when absent, n docs). The
 * postings list `p` is of `terms[p]` in field `fields[p]`: its slots and frequencies are
 * `slots`/`tfs` from `ends[p - 1]` (0 for the first) up to `ends[p]`.
 */
export interface MemoryPack {
  version: number
  ids: string[]
  texts: string[]
  conversationIds: Array<string | null>
  createdAt: string[]
  /** Each doc's createdAt as epoch milliseconds, so a start parses no date. */
  times: Float64Array
  /** One letter per doc: see KIND_LETTERS. */
  kinds: string
  /** One letter per doc: see STATUS_LETTERS. */
  statuses: string
  lengths: Int32Array
  terms: string[]
  fields: Uint8Array
  ends: Uint32Array
  slots: Uint32Array
  tfs: Uint32Array
}

/** A checked pack: its docs as an index stores them, each doc's time, lengths and postings. */
export interface UnpackedMemory {
  docs: StoredDoc[]
  /** Each doc's createdAt as epoch milliseconds. */
  times: Float64Array
  lengths: number[][]
  postings: Posting[]
}

type MemoryKind = NonNullable<StoredDoc['memoryKind']>
type Status = NonNullable<StoredDoc['status']>

const KIND_LETTERS: Record<MemoryKind, string> = {
  fact: 'f',
  preference: 'p',
  task: 't',
  issue: 'i',
}
const STATUS_LETTERS: Record<Status, string> = { active: 'a', superseded: 's', retracted: 'r' }

const inverse = <T extends string>(letters: Record<T, string>): Map<string, T> =>
  new Map(Object.entries(letters).map(([value, letter]) => [letter as string, value as T]))
const KIND_OF = inverse(KIND_LETTERS)
const STATUS_OF = inverse(STATUS_LETTERS)

/** An index's memory docs (all of its docs), lengths and postings as a pack. Throws on a message doc: a bug. */
export function packMemory(parts: {
  docs: readonly StoredDoc[]
  lengths: readonly number[][]
  postings: readonly Posting[]
}): MemoryPack {
  const { docs, postings } = parts
  const n = docs.length
  let kinds = ''
  let statuses = ''
  for (const d of docs) {
    if (d.kind !== 'memory' || d.memoryKind === undefined || d.status === undefined)
      throw new Error(`memory pack: ${d.id} is not a memory doc`)
    kinds += KIND_LETTERS[d.memoryKind]
    statuses += STATUS_LETTERS[d.status]
  }
  const lengths = new Int32Array(parts.lengths.length * n)
  parts.lengths.forEach((byField, f) => lengths.set(byField, f * n))
  const total = postings.reduce((sum, p) => sum + p[2].length, 0)
  const ends = new Uint32Array(postings.length)
  const slots = new Uint32Array(total)
  const tfs = new Uint32Array(total)
  let at = 0
  postings.forEach(([, , s, t], p) => {
    slots.set(s, at)
    tfs.set(t, at)
    at += s.length
    ends[p] = at
  })
  return {
    version: SEARCH_INDEX_FORMAT_VERSION,
    ids: docs.map((d) => d.id),
    texts: docs.map((d) => d.text),
    conversationIds: docs.map((d) => d.conversationId),
    createdAt: docs.map((d) => d.createdAt),
    times: Float64Array.from(docs, (d) => Date.parse(d.createdAt)),
    kinds,
    statuses,
    lengths,
    terms: postings.map((p) => p[0]),
    fields: Uint8Array.from(postings, (p) => p[1]),
    ends,
    slots,
    tfs,
  }
}

const problem = (text: string, path: string): Result<never> =>
  err('validation', `the stored memory index ${text}`, path)

/**
 * Reads a pack as stored, checked with loops rather than zod (10,000 docs' dates took zod 4–10
 * ms, twice what `Date.parse` takes). Errors: `unsupported-version` for a pack whose terms another
 * analyzer made, `validation` for anything malformed, naming the column and doc.
 */
export function unpackMemory(value: unknown, fields: number): Result<UnpackedMemory> {
  if (typeof value !== 'object' || value === null) return problem('is not an object', 'search')
  const pack = value as Partial<Record<keyof MemoryPack, unknown>>
  if (pack.version !== SEARCH_INDEX_FORMAT_VERSION)
    return err(
      'unsupported-version',
      `the stored memory index has format version ${String(pack.version)}; this build reads ${SEARCH_INDEX_FORMAT_VERSION}`,
    )
  const { ids, texts, conversationIds, createdAt, kinds, statuses } = pack
  if (!Array.isArray(ids)) return problem('has no list of ids', 'search.ids')
  const n = ids.length
  const columns = { texts, conversationIds, createdAt, kinds, statuses }
  for (const [name, column] of Object.entries(columns))
    if (!(Array.isArray(column) || typeof column === 'string') || column.length !== n)
      return problem(`has not one ${name} entry per id`, `search.${name}`)
  const { times } = pack
  if (!(times instanceof Float64Array) || times.length !== n)
    return problem('has not one time per id', 'search.times')
  // A repeated id is found by the caller, which maps ids to docs anyway.
  const docs: StoredDoc[] = new Array<StoredDoc>(n)
  for (let i = 0; i < n; i++) {
    const id: unknown = ids[i]
    const text: unknown = (texts as unknown[])[i]
    const conversationId: unknown = (conversationIds as unknown[])[i]
    const at: unknown = (createdAt as unknown[])[i]
    const memoryKind = KIND_OF.get((kinds as string)[i] ?? '')
    const status = STATUS_OF.get((statuses as string)[i] ?? '')
    if (typeof id !== 'string' || id === '')
      return problem(`has a missing id at ${i}`, `search.ids[${i}]`)
    if (typeof text !== 'string') return problem(`has no text for ${id}`, `search.texts[${i}]`)
    if (conversationId !== null && typeof conversationId !== 'string')
      return problem(`has a bad conversation id for ${id}`, `search.conversationIds[${i}]`)
    if (typeof at !== 'string' || !Number.isFinite(times[i]))
      return problem(`has no date for ${id}`, `search.createdAt[${i}]`)
    if (memoryKind === undefined)
      return problem(`has an unknown kind for ${id}`, `search.kinds[${i}]`)
    if (status === undefined)
      return problem(`has an unknown status for ${id}`, `search.statuses[${i}]`)
    docs[i] = { id, kind: 'memory', text, conversationId, createdAt: at, memoryKind, status }
  }
  const lengths = readLengths(pack.lengths, n, fields)
  if (!lengths.ok) return lengths
  const postings = readPostings(pack, n, fields)
  if (!postings.ok) return postings
  return ok({ docs, times, lengths: lengths.value, postings: postings.value })
}

/** Per field, one length per doc (-1 where the doc lacks the field). */
function readLengths(value: unknown, n: number, fields: number): Result<number[][]> {
  if (!(value instanceof Int32Array) || value.length !== fields * n)
    return problem('has not one length per field and doc', 'search.lengths')
  for (let i = 0; i < value.length; i++)
    if ((value[i] as number) < -1) return problem(`has a length below -1`, `search.lengths[${i}]`)
  return ok(Array.from({ length: fields }, (_, f) => Array.from(value.subarray(f * n, f * n + n))))
}

/** The postings lists: known fields, each term once per field, slots increasing and inside the docs. */
function readPostings(
  pack: Partial<Record<keyof MemoryPack, unknown>>,
  n: number,
  fields: number,
): Result<Posting[]> {
  const { terms, fields: fieldOf, ends, slots, tfs } = pack
  if (
    !Array.isArray(terms) ||
    !(fieldOf instanceof Uint8Array) ||
    !(ends instanceof Uint32Array) ||
    !(slots instanceof Uint32Array) ||
    !(tfs instanceof Uint32Array) ||
    fieldOf.length !== terms.length ||
    ends.length !== terms.length ||
    tfs.length !== slots.length ||
    (ends.length === 0 ? 0 : ends[ends.length - 1]) !== slots.length
  )
    return problem('has postings whose columns do not add up', 'search.postings')
  const postings: Posting[] = new Array<Posting>(terms.length)
  const seen = new Set<string>()
  let start = 0
  for (let p = 0; p < terms.length; p++) {
    const term: unknown = terms[p]
    const field = fieldOf[p] as number
    const end = ends[p] as number
    if (typeof term !== 'string' || term === '' || field >= fields || end <= start)
      return problem(
        `has a postings list ${p} without a term, a field or a doc`,
        `search.terms[${p}]`,
      )
    const key = `${field}:${term}`
    if (seen.has(key)) return problem(`has "${term}" twice in one field`, `search.terms[${p}]`)
    seen.add(key)
    let previous = -1
    for (let i = start; i < end; i++) {
      const slot = slots[i] as number
      if (slot <= previous || slot >= n || (tfs[i] as number) < 1)
        return problem(
          `has a posting of "${term}" out of order, past the docs or never seen`,
          `search.slots[${i}]`,
        )
      previous = slot
    }
    postings[p] = [
      term,
      field,
      Array.from(slots.subarray(start, end)),
      Array.from(tfs.subarray(start, end)),
    ]
    start = end
  }
  return ok(postings)
}
