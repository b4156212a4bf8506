import { z } from 'zod'
import { err, ok, type Result } from '../shared/errors'
import { check } from '../shared/validation'
import { StoredDoc } from './stored-doc'

/** Names the snapshot kind, so a JSON file of something else is rejected by name. */
export const SEARCH_INDEX_FORMAT = 'keepsake.search-index'

/**
 * Version of the snapshot layout and of everything that decides its terms (fields, analyzer).
 * Bump it when any of them changes: an old snapshot then fails to load and the caller rebuilds.
 */
export const SEARCH_INDEX_FORMAT_VERSION = 2

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** [term, fieldId, slots, tfs] */
export type Posting = [string, number, number[], number[]]

/**
 * The postings: [term, fieldId, slots, tfs], slots strictly increasing and inside the doc list,
 * term frequencies at least 1. Checked with a plain loop, not zod: a 100k-message index has
 * millions of numbers, which zod takes seconds to walk.
 */
export function postingsProblem(value: unknown, docs: number, fields: number): string | null {
  if (!Array.isArray(value)) return 'postings is not a list'
  const entries: readonly unknown[] = value
  for (const [i, entry] of entries.entries()) {
    if (!Array.isArray(entry) || entry.length !== 4)
      return `postings[${i}] is not [term, field, slots, tfs]`
    const [term, field, slots, tfs]: readonly unknown[] = entry
    if (typeof term !== 'string' || term === '') return `postings[${i}] has no term`
    if (!isCount(field) || field >= fields) return `postings[${i}] names no field`
    if (!Array.isArray(slots) || !Array.isArray(tfs) || slots.length !== tfs.length)
      return `postings[${i}] has slots and frequencies that do not pair up`
    let previous = -1
    for (let j = 0; j < slots.length; j++) {
      const slot: unknown = slots[j]
      const tf: unknown = tfs[j]
      if (!isCount(slot) || slot <= previous || slot >= docs)
        return `postings[${i}] has a slot out of order or past the docs`
      if (!isCount(tf) || tf < 1) return `postings[${i}] has a frequency below 1`
      previous = slot
    }
  }
  return null
}

/** Per field, one length per doc: a count, or -1 where the doc lacks the field. */
export function lengthsProblem(value: unknown, docs: number, fields: number): string | null {
  if (!Array.isArray(value) || value.length !== fields) return 'lengths has not one list per field'
  for (const byField of value as unknown[]) {
    if (!Array.isArray(byField) || byField.length !== docs) return 'lengths has not one per doc'
    for (const length of byField as unknown[])
      if (typeof length !== 'number' || !Number.isInteger(length) || length < -1)
        return 'lengths holds something other than a count'
  }
  return null
}

const Header = z.looseObject({ format: z.literal(SEARCH_INDEX_FORMAT), version: z.number().int() })

const Snapshot = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  version: z.literal(SEARCH_INDEX_FORMAT_VERSION),
  /** The caller's position in its own change log up to which this index is complete. */
  watermark: z.string().nullable(),
  docs: z.array(StoredDoc),
  lengths: z.unknown(),
  postings: z.unknown(),
})

/** A validated snapshot, ready to restore. */
export type SearchIndexSnapshot = {
  watermark: string | null
  docs: StoredDoc[]
  /** Per field (in the index's field order), per doc: its length in distinct tokens, or -1. */
  lengths: number[][]
  /** [term, fieldId, doc positions, term frequencies] */
  postings: Posting[]
}

/** Serializes an index's parts as the versioned snapshot string. */
export function encodeSnapshot(snapshot: SearchIndexSnapshot): string {
  return JSON.stringify({
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_FORMAT_VERSION,
    watermark: snapshot.watermark,
    docs: snapshot.docs,
    lengths: snapshot.lengths,
    postings: snapshot.postings,
  })
}

/**
 * Parses and validates a snapshot string. Errors: `validation` (not JSON, wrong shape, parts that
 * disagree), `unsupported-version` (another format version: rebuild).
 */
export function decodeSnapshot(json: string, fields: number): Result<SearchIndexSnapshot> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err('validation', `search index snapshot is not JSON: ${reason}`)
  }
  const header = check(Header, raw, 'snapshot')
  if (!header.ok) return header
  if (header.value.version !== SEARCH_INDEX_FORMAT_VERSION) {
    return err(
      'unsupported-version',
      `search index snapshot has format version ${header.value.version}; this build reads ` +
        `${SEARCH_INDEX_FORMAT_VERSION}. Rebuild the index.`,
    )
  }
  const parsed = check(Snapshot, raw, 'snapshot')
  if (!parsed.ok) return parsed
  const { watermark, docs, lengths, postings } = parsed.value
  const problem =
    (new Set(docs.map((doc) => doc.id)).size !== docs.length ? 'duplicate document ids' : null) ??
    lengthsProblem(lengths, docs.length, fields) ??
    postingsProblem(postings, docs.length, fields)
  if (problem !== null) return err('validation', `search index snapshot: ${problem}`, 'snapshot')
  return ok({ watermark, docs, lengths: lengths as number[][], postings: postings as Posting[] })
}
