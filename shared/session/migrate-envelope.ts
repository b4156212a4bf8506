import { z } from 'zod'
import { formatPath } from '../validation'
import { CURRENT_FORMAT_VERSION, SESSION_FORMAT, SessionEnvelope } from './current'
import { ProblemList, failed, passed, type Checked } from './problems'

/** One format version's upgrade: checks a file of version `from` and returns it at `from + 1`. */
type FormatStep = { from: number; schema: z.ZodType; up: (envelope: never) => unknown }

/**
 * The format chain, oldest first. Version 1 is the first format, so there are no steps yet; a
 * format v2 adds `{ from: 1, schema: SessionEnvelopeV1, up: v1ToV2 }`.
 */
const STEPS: readonly FormatStep[] = []

const Head = z.looseObject({
  format: z.literal(SESSION_FORMAT, {
    message: `this is not a Keepsake session file (expected "${SESSION_FORMAT}")`,
  }),
  formatVersion: z.number().int().positive(),
})

/** Every zod issue of a failed parse as a problem with its path. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): ProblemList {
  const list = new ProblemList()
  for (const issue of error.issues) list.add(formatPath([...prefix, ...issue.path]), issue.message)
  return list
}

/**
 * Brings a decoded file of any released format version to the current one and validates its frame.
 * A file from a newer build is `unsupported-version`; anything else wrong is `file-invalid` with
 * every problem and its path.
 */
export function migrateEnvelope(
  raw: unknown,
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
  const parsed = SessionEnvelope.safeParse(value)
  if (!parsed.success)
    return { ok: false, code: 'file-invalid', problems: zodProblems(parsed.error).problems }
  return passed({ envelope: parsed.data, formatVersion: from })
}
