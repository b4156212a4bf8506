/** Where a command writes. The CLI passes the process streams; tests pass buffers. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** Exit codes: 0 success, 1 invalid input (one message per problem on stderr), 2 usage error. */
export const EXIT_OK = 0
export const EXIT_INVALID = 1
export const EXIT_USAGE = 2

/** A usage error: what was wrong with the command line, and where to read how to use it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
