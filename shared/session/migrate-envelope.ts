import { z } from 'zod'
import { formatPath, issueText } from '../validation'
import {
  CURRENT_FORMAT_VERSION,
  SESSION_FORMAT,
  SessionConversationRecord,
  SessionEnvelope,
  SessionQuarantinedRecord,
} from './current'
import { MAX_RECORDS } from './limits'
import { FORMAT_V1 } from './envelope.v1'
import { FORMAT_V2 } from './envelope.v2'
import { ProblemList, failed, passed, type Checked } from './problems'

/** One format version's upgrade: checks a file of version `from` and returns it at `from + 1`. */
type FormatStep = { from: number; schema: z.ZodType; up: (envelope: never) => unknown }

/**
 * Version 1 as version 2: the same envelope (version 2 only adds a conversation's segments), so
 * the step checks nothing itself; the whole envelope is then checked as version 2, each problem
 * with its path.
 */
const v1ToV2 = (envelope: Record<string, unknown>): unknown => ({
  ...envelope,
  formatVersion: FORMAT_V2,
})

/** The format chain, oldest first. */
const STEPS: readonly FormatStep[] = [
  { from: FORMAT_V1, schema: z.looseObject({ formatVersion: z.literal(FORMAT_V1) }), up: v1ToV2 },
]

const Head = z.looseObject({
  format: z.literal(SESSION_FORMAT, {
    message: `this is not a Keepsake session file (expected "${SESSION_FORMAT}")`,
  }),
  formatVersion: z.number().int().positive(),
})

/** Every zod issue of a failed parse as a problem with its path. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): ProblemList {
  const list = new ProblemList()
  for (const issue of error.issues)
    list.add(formatPath([...prefix, ...issue.path]), issueText(issue))
  return list
}

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0)

/** How many records a decoded file holds: memory items, quarantined records, conversations, messages. */
function recordCount(file: Record<string, unknown>): number {
  let count = lengthOf(file.memory) + lengthOf(file.quarantine)
  if (Array.isArray(file.conversations)) {
    count += file.conversations.length
    for (const c of file.conversations as unknown[]) {
      if (typeof c === 'object' && c !== null && 'messages' in c) count += lengthOf(c.messages)
    }
  }
  return count
}

/**
 * Checks the records of the two framed lists one by one, stopping at MAX_REPORTED_PROBLEMS: a parse
 * of the whole envelope would first build an issue for every field of every bad record.
 */
function recordProblems(file: Record<string, unknown>): ProblemList {
  const list = new ProblemList()
  const each = (key: string, schema: z.ZodType): void => {
    const records = file[key]
    if (!Array.isArray(records)) return
    for (let i = 0; i < records.length && !list.full; i++) {
      const parsed = schema.safeParse(records[i])
      if (parsed.success) continue
      for (const issue of parsed.error.issues)
        list.add(formatPath([key, i, ...issue.path]), issueText(issue))
    }
  }
  each('quarantine', SessionQuarantinedRecord)
  each('conversations', SessionConversationRecord)
  return list
}

/**
 * Brings a decoded file of any released format version to the current one and validates its frame.
 * A file with more than `maxRecords` records is `file-too-large` before anything else is checked; a
 * file from a newer build is `unsupported-version`; anything else wrong is `file-invalid` with every
 * problem (up to the cap) and its path.
 */
export function migrateEnvelope(
  raw: unknown,
  maxRecords: number = MAX_RECORDS,
): Checked<{ envelope: SessionEnvelope; formatVersion: number }> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return failed(
      'file-invalid',
      '(root)',
      'this is not a Keepsake session file (expected a JSON object)',
    )
  }
  const head = Head.safeParse(raw)
  if (!head.success)
    return { ok: false, code: 'file-invalid', problems: zodProblems(head.error).problems }
  const from = head.data.formatVersion
  if (from > CURRENT_FORMAT_VERSION) {
    return failed(
      'unsupported-version',
      'formatVersion',
      `the file was written by a newer Keepsake (format v${from}); this build reads up to format v${CURRENT_FORMAT_VERSION}. Update Keepsake to open it.`,
    )
  }
  const records = recordCount(raw as Record<string, unknown>)
  if (records > maxRecords) {
    return failed(
      'file-too-large',
      '(root)',
      `the file holds ${records.toLocaleString('en-US')} records (memory items, quarantined records, conversations and messages), more than the limit of ${maxRecords.toLocaleString('en-US')}`,
    )
  }
  let value: unknown = raw
  for (const step of STEPS) {
    if (step.from < from) continue
    const parsed = step.schema.safeParse(value)
    if (!parsed.success) {
      const problems = zodProblems(parsed.error).problems.map((p) => ({
        ...p,
        message: `${p.message} (as format v${step.from})`,
      }))
      return { ok: false, code: 'file-invalid', problems }
    }
    value = step.up(parsed.data as never)
  }
  if (typeof value === 'object' && value !== null) {
    const early = recordProblems(value as Record<string, unknown>)
    if (!early.empty) return { ok: false, code: 'file-invalid', problems: early.problems }
  }
  const parsed = SessionEnvelope.safeParse(value)
  if (!parsed.success)
    return { ok: false, code: 'file-invalid', problems: zodProblems(parsed.error).problems }
  return passed({ envelope: parsed.data, formatVersion: from })
}
