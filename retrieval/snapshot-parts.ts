import { z } from 'zod'
import { err, ok, type Result } from '../shared/errors'
import { check } from '../shared/validation'
import {
  lengthsProblem,
  postingsProblem,
  SEARCH_INDEX_FORMAT,
  SEARCH_INDEX_FORMAT_VERSION,
  type Posting,
} from './snapshot'
import { StoredDoc } from './stored-doc'

/*
 * A snapshot kept in parts: a header, then parts of docs (in slot order), then parts of postings.
 * Each part is small, so a caller can read and load one at a time and let other work run between
 * them (a 100k-message index in one string took seconds of one uninterrupted task). Same format
 * version as the one-string snapshot; the header says `layout: 'parts'`.
 */

/** How big parts get: docs per part, and about how many numbers (slots, frequencies) per postings part. */
export interface PartLimits {
  docs: number
  numbers: number
}

/** Each part takes a few milliseconds to load on a slow machine. */
export const PART_LIMITS: PartLimits = { docs: 2000, numbers: 60_000 }

/** The header: what the parts add up to. */
export interface PartsHeader {
  watermark: string | null
  /** How many docs the parts hold, and how many parts follow the header. */
  docs: number
  parts: number
}

const Header = z.object({
  format: z.literal(SEARCH_INDEX_FORMAT),
  version: z.literal(SEARCH_INDEX_FORMAT_VERSION),
  layout: z.literal('parts'),
  watermark: z.string().nullable(),
  docs: z.number().int().nonnegative(),
  parts: z.number().int().nonnegative(),
})

const VersionOnly = z.looseObject({ format: z.literal(SEARCH_INDEX_FORMAT), version: z.number() })

/** A part: docs with their lengths per field, or postings [term, field, slots, tfs]. */
export type SnapshotPart =
  | { type: 'docs'; docs: StoredDoc[]; lengths: number[][] }
  | { type: 'postings'; postings: Posting[] }

const DocsPart = z.object({
  type: z.literal('docs'),
  docs: z.array(StoredDoc),
  lengths: z.unknown(),
})
const PostingsPart = z.object({ type: z.literal('postings'), postings: z.unknown() })

/** Serializes an index's docs, lengths and postings as a header and its parts. */
export function encodeSnapshotParts(
  snapshot: {
    watermark: string | null
    docs: readonly StoredDoc[]
    lengths: readonly number[][]
    postings: readonly Posting[]
  },
  limits: PartLimits = PART_LIMITS,
): { header: string; parts: string[] } {
  const parts: string[] = []
  for (let start = 0; start < snapshot.docs.length; start += limits.docs) {
    const end = start + limits.docs
    parts.push(
      JSON.stringify({
        type: 'docs',
        docs: snapshot.docs.slice(start, end),
        lengths: snapshot.lengths.map((byField) => byField.slice(start, end)),
      }),
    )
  }
  let batch: Posting[] = []
  let numbers = 0
  const cut = (): void => {
    if (batch.length > 0) parts.push(JSON.stringify({ type: 'postings', postings: batch }))
    batch = []
    numbers = 0
  }
  for (const posting of snapshot.postings) {
    batch.push(posting)
    numbers += 2 * posting[2].length
    if (numbers >= limits.numbers) cut()
  }
  cut()
  const header = JSON.stringify({
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_FORMAT_VERSION,
    layout: 'parts',
    watermark: snapshot.watermark,
    docs: snapshot.docs.length,
    parts: parts.length,
  })
  return { header, parts }
}

const parse = (json: string, what: string): Result<unknown> => {
  try {
    return ok(JSON.parse(json) as unknown)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err('validation', `search index ${what} is not JSON: ${reason}`)
  }
}

/**
 * Reads a header. Errors: `validation` (not JSON, wrong shape), `unsupported-version` (another
 * format version: rebuild).
 */
export function decodePartsHeader(json: string): Result<PartsHeader> {
  const raw = parse(json, 'header')
  if (!raw.ok) return raw
  const named = check(VersionOnly, raw.value, 'snapshot')
  if (!named.ok) return named
  if (named.value.version !== SEARCH_INDEX_FORMAT_VERSION)
    return err(
      'unsupported-version',
      `search index snapshot has format version ${named.value.version}; this build reads ` +
        `${SEARCH_INDEX_FORMAT_VERSION}. Rebuild the index.`,
    )
  const header = check(Header, raw.value, 'snapshot')
  if (!header.ok) return header
  const { watermark, docs, parts } = header.value
  return ok({ watermark, docs, parts })
}

/**
 * Reads one part, checked against the header's doc count (`docs`) and the index's field count.
 * Docs parts must come before postings parts; the caller checks the order and the totals.
 */
export function decodeSnapshotPart(
  json: string,
  docs: number,
  fields: number,
  where: string,
): Result<SnapshotPart> {
  const raw = parse(json, where)
  if (!raw.ok) return raw
  const type = (raw.value as { type?: unknown } | null)?.type
  if (type === 'docs') {
    const part = check(DocsPart, raw.value, where)
    if (!part.ok) return part
    const problem = lengthsProblem(part.value.lengths, part.value.docs.length, fields)
    if (problem !== null) return err('validation', `search index ${where}: ${problem}`, where)
    return ok({
      type: 'docs',
      docs: part.value.docs,
      lengths: part.value.lengths as number[][],
    })
  }
  const part = check(PostingsPart, raw.value, where)
  if (!part.ok) return part
  const problem = postingsProblem(part.value.postings, docs, fields)
  if (problem !== null) return err('validation', `search index ${where}: ${problem}`, where)
  return ok({ type: 'postings', postings: part.value.postings as Posting[] })
}
