import { describeProblem } from '../../shared/session/problems'
import { readSessionFile, type ReadSession } from '../../shared/session/session-file'
import { readInput } from './files'
import { EXIT_INVALID, type CliIo } from './io'
import { nodeGzip } from './node-gzip'

/**
 * Reads and validates a session file, printing every problem (one per line, `path: reason`) to
 * stderr when it does not pass. Returns the session or the exit code to end with.
 */
export async function loadSessionFile(path: string, io: CliIo): Promise<ReadSession | number> {
  const input = await readInput(path)
  if (!input.ok) {
    io.err(`${input.problem.path}: ${input.problem.message}`)
    return EXIT_INVALID
  }
  const read = await readSessionFile(input.bytes, nodeGzip)
  if (read.ok) return read.value
  for (const problem of read.problems) io.err(describeProblem(problem))
  return EXIT_INVALID
}
