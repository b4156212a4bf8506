import type { Checked } from '../../../shared/session/problems'

/**
 * A source that could not be read again while its conversations were being written (it changed,
 * or its file went away). Thrown out of the write so `storeNewSpace` deletes what was written; the
 * import turns it back into a refused file (`fileError`) at once.
 */
export class SourceReadError extends Error {
  constructor(readonly refused: Extract<Checked<unknown>, { ok: false }>) {
    super(refused.problems[0]?.message ?? 'the file could not be read again')
    this.name = 'SourceReadError'
  }
}
