import type { z } from 'zod'
import { err, ok, type Result } from './errors'

/**
 * Formats a zod issue path the way a person reads it: `conversations[3].messages[17].createdAt`.
 * @example formatPath(['a', 0, 'b']) === 'a[0].b'
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(root)' : out
}

type Issue = z.core.$ZodIssue

const ARTICLE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  date: 'a date',
}

/**
 * Why a value failed, in words a person reads: a missing field says "the field 'name' is missing"
 * and a wrong type "expected text, got a number", instead of zod's "Invalid input: expected string,
 * received undefined". A message a schema wrote itself is kept as it is.
 * @example issueText({ code: 'invalid_type', expected: 'string', path: ['name'], message: '…received undefined' })
 * // => "the field 'name' is missing"
 */
export function issueText(issue: Issue): string {
  if (issue.code !== 'invalid_type' || !issue.message.startsWith('Invalid input'))
    return issue.message
  const last = issue.path.at(-1)
  if (/received undefined$/.test(issue.message)) {
    return typeof last === 'string'
      ? `the field '${last}' is missing`
      : typeof last === 'number'
        ? `item ${last} is missing`
        : 'nothing was given'
  }
  const got = /received (\w+)$/.exec(issue.message)?.[1]
  const expected = ARTICLE[issue.expected] ?? issue.expected
  return got ? `expected ${expected}, got ${ARTICLE[got] ?? got}` : `expected ${expected}`
}

/** Validates `value` against `schema`; the error names the first bad path and why. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where = '',
): Result<z.output<S>> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return ok(parsed.data as z.output<S>)
  const issue = parsed.error.issues[0]
  const path = formatPath([...(where ? [where] : []), ...(issue?.path ?? [])])
  return err('validation', `${path}: ${issue ? issueText(issue) : 'invalid value'}`, path)
}

/** Every problem in `value`, one line each, as `path: reason`. */
export function listProblems(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value)
  if (parsed.success) return []
  return parsed.error.issues.map((i) => `${formatPath(i.path)}: ${issueText(i)}`)
}
