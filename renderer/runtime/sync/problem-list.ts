import type { AppError } from '../../../shared/errors'
import type { SyncProblem } from './sync-status'

/** How many problems the status keeps; the oldest go first. */
const MAX_PROBLEMS = 20

/**
 * The problems a sync shows, keyed so that a later report of the same thing replaces the earlier
 * one (an item id, `doc:<id>`, `device:<id>`, or a fixed key such as the rollback report).
 */
export interface ProblemList {
  /** Adds or refreshes a problem (it becomes the newest) and drops the oldest beyond the limit. */
  report(key: string, docId: string | null, error: AppError): void
  /** Removes a problem; true if there was one. */
  clear(key: string): boolean
  has(key: string): boolean
  list(): SyncProblem[]
}

/**
 * Creates an empty problem list; `onChange` runs after each report.
 * @example const problems = createProblemList(emit); problems.report('docs', null, error)
 */
export function createProblemList(onChange: () => void): ProblemList {
  const problems = new Map<string, SyncProblem>()
  return {
    report(key, docId, error) {
      problems.delete(key)
      problems.set(key, { key, docId, error })
      for (const oldest of problems.keys()) {
        if (problems.size <= MAX_PROBLEMS) break
        problems.delete(oldest)
      }
      onChange()
    },
    clear: (key) => problems.delete(key),
    has: (key) => problems.has(key),
    list: () => [...problems.values()],
  }
}
