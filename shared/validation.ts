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
  return err('validation', `${path}: ${issue?.message ?? 'invalid value'}`, path)
}

/** Every problem in `value`, one line each, as `path: reason`. */
export function listProblems(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value)
  if (parsed.success) return []
  return parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)
}
