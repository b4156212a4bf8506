import { err, ok, type Result } from '../shared/errors'
import {
  lengthsProblem,
  postingsProblem,
  SEARCH_INDEX_FORMAT_VERSION,
  type Posting,
} from './snapshot'
import type { StoredDoc } from './stored-doc'

/**
 * An index of memory docs only, in columns: one list per stored field (a doc's place in each is
 * its slot), its lengths and postings as a snapshot keeps them, and the format version of what
 * decides its terms. A stored space view keeps one beside the memory it was built from, so a start
 * searches memory without reading or tokenizing any item: IndexedDB copies a list of 10,000
 * strings in well under a millisecond, where 10,000 doc objects took 10–20 ms.
 */
export interface MemoryPack {
  version: number
  ids: string[]
  texts: string[]
  conversationIds: Array<string | null>
  createdAt: string[]
  memoryKinds: string[]
  statuses: string[]
  lengths: number[][]
  postings: Posting[]
}

/** A checked pack: its docs as an index stores them, each doc's time, lengths and postings. */
export interface UnpackedMemory {
  docs: StoredDoc[]
  /** Each doc's createdAt as epoch milliseconds, read once while checking. */
  times: number[]
  lengths: number[][]
  postings: Posting[]
}

const MEMORY_KINDS: ReadonlySet<string> = new Set(['fact', 'preference', 'task', 'issue'])
const STATUSES: ReadonlySet<string> = new Set(['active', 'superseded', 'retracted'])

/** An index's memory docs (all of its docs), lengths and postings as a pack. Throws on a message doc: a bug. */
export function packMemory(parts: {
  docs: readonly StoredDoc[]
  lengths: number[][]
  postings: Posting[]
}): MemoryPack {
  const { docs } = parts
  const column = <T>(read: (doc: StoredDoc) => T): T[] => docs.map(read)
  return {
    version: SEARCH_INDEX_FORMAT_VERSION,
    ids: column((d) => d.id),
    texts: column((d) => d.text),
    conversationIds: column((d) => d.conversationId),
    createdAt: column((d) => d.createdAt),
    memoryKinds: column((d) => {
      if (d.kind !== 'memory' || d.memoryKind === undefined || d.status === undefined)
        throw new Error(`memory pack: ${d.id} is not a memory doc`)
      return d.memoryKind
    }),
    statuses: column((d) => d.status ?? 'active'),
    lengths: parts.lengths,
    postings: parts.postings,
  }
}

const problem = (text: string, path: string): Result<never> =>
  err('validation', `the stored memory index ${text}`, path)

const isList = (value: unknown, length: number): value is unknown[] =>
  Array.isArray(value) && value.length === length

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
  const { ids, texts, conversationIds, createdAt, memoryKinds, statuses } = pack
  if (!Array.isArray(ids)) return problem('has no list of ids', 'search.ids')
  const n = ids.length
  const columns = { texts, conversationIds, createdAt, memoryKinds, statuses }
  for (const [name, column] of Object.entries(columns))
    if (!isList(column, n)) return problem(`has not one ${name} entry per id`, `search.${name}`)
  const docs: StoredDoc[] = new Array<StoredDoc>(n)
  const times: number[] = new Array<number>(n)
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) {
    const id: unknown = ids[i]
    const text: unknown = (texts as unknown[])[i]
    const conversationId: unknown = (conversationIds as unknown[])[i]
    const at: unknown = (createdAt as unknown[])[i]
    const memoryKind: unknown = (memoryKinds as unknown[])[i]
    const status: unknown = (statuses as unknown[])[i]
    if (typeof id !== 'string' || id === '' || seen.has(id))
      return problem(`has a missing or repeated id at ${i}`, `search.ids[${i}]`)
    seen.add(id)
    if (typeof text !== 'string') return problem(`has no text for ${id}`, `search.texts[${i}]`)
    if (conversationId !== null && typeof conversationId !== 'string')
      return problem(`has a bad conversation id for ${id}`, `search.conversationIds[${i}]`)
    const time = typeof at === 'string' ? Date.parse(at) : Number.NaN
    if (Number.isNaN(time)) return problem(`has no date for ${id}`, `search.createdAt[${i}]`)
    if (typeof memoryKind !== 'string' || !MEMORY_KINDS.has(memoryKind))
      return problem(`has an unknown kind for ${id}`, `search.memoryKinds[${i}]`)
    if (typeof status !== 'string' || !STATUSES.has(status))
      return problem(`has an unknown status for ${id}`, `search.statuses[${i}]`)
    times[i] = time
    docs[i] = {
      id,
      kind: 'memory',
      text,
      conversationId,
      createdAt: at as string,
      memoryKind: memoryKind as NonNullable<StoredDoc['memoryKind']>,
      status: status as NonNullable<StoredDoc['status']>,
    }
  }
  const broken =
    lengthsProblem(pack.lengths, n, fields) ??
    postingsProblem(pack.postings, n, fields) ??
    repeatedPostings(pack.postings as Posting[])
  if (broken !== null) return problem(`is damaged: ${broken}`, 'search')
  return ok({
    docs,
    times,
    lengths: pack.lengths as number[][],
    postings: pack.postings as Posting[],
  })
}

/** A term with two postings lists in one field (an index keeps one), or null. */
function repeatedPostings(postings: readonly Posting[]): string | null {
  const seen = new Set<string>()
  for (const [term, field] of postings) {
    const key = `${field}:${term}`
    if (seen.has(key)) return `"${term}" has postings twice in one field`
    seen.add(key)
  }
  return null
}
