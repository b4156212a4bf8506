import { err, type AppErrorCode, type Result } from '../errors'
import { MAX_REPORTED_PROBLEMS } from './limits'

/** One thing wrong with a file: where (`conversations[3].messages[17].createdAt`) and why. */
export interface SessionProblem {
  path: string
  message: string
}

/**
 * The outcome of reading or validating a file: the value, or every problem found (up to
 * MAX_REPORTED_PROBLEMS) with the error code that classifies them.
 */
export type Checked<T> =
  { ok: true; value: T } | { ok: false; code: AppErrorCode; problems: SessionProblem[] }

export const passed = <T>(value: T): Checked<T> => ({ ok: true, value })

/** A failed check with one problem. */
export const failed = (code: AppErrorCode, path: string, message: string): Checked<never> => ({
  ok: false,
  code,
  problems: [{ path, message }],
})

/** `path: message`, the one line a person reads (and the CLI prints). */
export const describeProblem = (p: SessionProblem): string =>
  p.path === '(root)' ? p.message : `${p.path}: ${p.message}`

/** Folds problems into one AppError: the first problem, and how many more there are. */
export function toResult<T>(checked: Checked<T>): Result<T> {
  if (checked.ok) return { ok: true, value: checked.value }
  const [first, ...rest] = checked.problems
  if (!first) return err(checked.code, 'The file could not be read.')
  const more =
    rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : ''
  return err(checked.code, `${describeProblem(first)}${more}`, first.path)
}

/**
 * Collects problems, listing at most MAX_REPORTED_PROBLEMS so a huge broken file stays readable, and
 * counting the rest: `list` ends with "and N more problems" when some were not listed.
 */
export class ProblemList {
  readonly problems: SessionProblem[] = []
  private unlisted = 0

  add(path: string, message: string): void {
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push({ path, message })
    else this.unlisted++
  }

  get full(): boolean {
    return this.problems.length >= MAX_REPORTED_PROBLEMS
  }

  get empty(): boolean {
    return this.problems.length === 0
  }

  /** The listed problems, then one line saying how many more there are, if any. */
  get list(): SessionProblem[] {
    if (this.unlisted === 0) return this.problems
    const n = this.unlisted
    const more = `and ${n} more problem${n === 1 ? '' : 's'} not listed`
    return [...this.problems, { path: '(root)', message: more }]
  }
}
