import { err, type Result } from '../../../shared/errors'
import { describeProblem, type Checked } from '../../../shared/session/problems'

/** How many problems an import error lists before it says how many more there are. */
export const SHOWN_PROBLEMS = 5

/**
 * A refused file as one error a person reads: that nothing changed, then each problem on its own
 * line as `path: reason` (never a stack). `path` is the first problem's.
 */
export function fileError(
  fileName: string,
  refused: Extract<Checked<unknown>, { ok: false }>,
): Result<never> {
  const shown = refused.problems.slice(0, SHOWN_PROBLEMS).map(describeProblem)
  const more = refused.problems.length - shown.length
  const lines = [`${fileName || 'The file'} was not imported; nothing was changed.`, ...shown]
  if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}`)
  return err(refused.code, lines.join('\n'), refused.problems[0]?.path)
}
