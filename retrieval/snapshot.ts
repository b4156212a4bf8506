import { z } from 'zod'
import type MiniSearch from 'minisearch'
import { err, ok, type Result } from '../shared/errors'
import { check } from '../shared/validation'
import { StoredDoc } from './stored-doc'

/** Names the snapshot kind, so a JSON file of something else is rejected by name. */
export const SEARCH_INDEX_FORMAT = 'keepsake.search-index'

/**
 * Version of the snapshot layout and of everything that decides its terms (fields, analyzer).
 * Bump it when any of them changes: an old snapshot then fails to load and the caller rebuilds.
 */
export const SEARCH_INDEX_FORMAT_VERSION = 1

/** MiniSearch's own serialized form, as `MiniSearch.loadJS` takes it. */
export type MiniSearchJs = Parameters<typeof MiniSearch.loadJS>[0]

const ShortId = z.string().regex(/^\d+$/, 'expected a numeric short id')
// MiniSearch leaves holes for absent fields, which JSON writes as null. A hole is only read for a
// field that holds the term, which it never does, so 0 is an exact stand-in.
const Lengths = z.array(z.number().nonnegative().nullable()).transform((a) => a.map((v) => v ?? 0))

type Postings = Array<[string, Record<string, Record<string, number>>]>

const isShortId = (key: string): boolean => /^\d+$/.test(key)
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * MiniSearch's postings: [term, { fieldId: { shortId: termFrequency } }]. Checked with a plain loop,
 * not zod: a 100k-message index has millions of postings, which zod takes seconds to walk. A doc
 * key that is not a short id is harmless (MiniSearch skips ids it does not know), so only the
 * frequencies are checked inside.
 */
function isPostings(value: unknown): value is Postings {
  if (!Array.isArray(value)) return false
  const entries: readonly unknown[] = value
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2) return false
    const [term, fields]: readonly unknown[] = entry
    if (typeof term !== 'string' || !isRecord(fields)) return false
    for (const fieldId in fields) {
      const docs = fields[fieldId]
      if (!isShortId(fieldId) || !isRecord(docs)) return false
      for (const shortId in docs) {
        const frequency = docs[shortId]
        if (typeof frequency !== 'number' || !(frequency >= 1)) return false
      }
    }
  }
  return true
}

const MiniSearchSnapshot = z.object({
  documentCount: z.number().int().nonnegative(),
  nextId: z.number().int().nonnegative(),
  documentIds: z.record(ShortId, z.string().min(1)),
  fieldIds: z.record(z.string(), z.number().int().nonnegative()),
  fieldLength: z.record(ShortId, Lengths),
  averageFieldLength: Lengths,
  storedFields: z.record(ShortId, z.looseObject({})),
  dirtCount: z.number().int().nonnegative().optional(),
  index: z.custom<Postings>(isPostings, 'expected MiniSearch postings'),
  serializationVersion: z.literal(2),
})

const Header = z.looseObject({ format: z.literal(SEARCH_INDEX_FORMAT), version: z.number().int() })

const Snapshot = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  version: z.literal(SEARCH_INDEX_FORMAT_VERSION),
  /** The caller's position in its own change log up to which this index is complete. */
  watermark: z.string().nullable(),
  docs: z.array(StoredDoc),
  miniSearch: MiniSearchSnapshot,
})

/** A validated snapshot, ready to restore. */
export type SearchIndexSnapshot = {
  watermark: string | null
  docs: StoredDoc[]
  miniSearch: MiniSearchJs
}

/** Serializes an index's parts as the versioned snapshot string. */
export function encodeSnapshot(snapshot: SearchIndexSnapshot): string {
  return JSON.stringify({
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_FORMAT_VERSION,
    watermark: snapshot.watermark,
    docs: snapshot.docs,
    miniSearch: snapshot.miniSearch,
  })
}

/**
 * Parses and validates a snapshot string. Errors: `validation` (not JSON, wrong shape, parts that
 * disagree), `unsupported-version` (another format version: rebuild).
 */
export function decodeSnapshot(
  json: string,
  fieldIds: Readonly<Record<string, number>>,
): Result<SearchIndexSnapshot> {
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
  const { watermark, docs, miniSearch } = parsed.value
  const problem = inconsistency(docs, miniSearch, fieldIds)
  if (problem !== null) return err('validation', `search index snapshot: ${problem}`, 'snapshot')
  return ok({ watermark, docs, miniSearch })
}

/** Why the parts of a snapshot disagree, or null when they agree. */
function inconsistency(
  docs: readonly StoredDoc[],
  mini: z.infer<typeof MiniSearchSnapshot>,
  fieldIds: Readonly<Record<string, number>>,
): string | null {
  const fieldNames = Object.keys(fieldIds)
  const sameFields =
    Object.keys(mini.fieldIds).length === fieldNames.length &&
    fieldNames.every((name) => mini.fieldIds[name] === fieldIds[name])
  if (!sameFields) return 'its fields differ from this build'
  const shortIds = Object.keys(mini.documentIds)
  if (shortIds.length !== mini.documentCount) return 'documentCount does not match documentIds'
  if (shortIds.some((shortId) => Number(shortId) >= mini.nextId)) return 'a short id is past nextId'
  if (shortIds.some((shortId) => mini.fieldLength[shortId] === undefined)) {
    return 'a document has no field lengths'
  }
  const indexed = new Set(Object.values(mini.documentIds))
  const stored = new Set(docs.map((doc) => doc.id))
  if (indexed.size !== shortIds.length || stored.size !== docs.length)
    return 'duplicate document ids'
  if (indexed.size !== stored.size || docs.some((doc) => !indexed.has(doc.id))) {
    return 'stored documents do not match indexed documents'
  }
  return null
}
