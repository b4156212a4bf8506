import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'

const DIR = join(import.meta.dirname, '../../fixtures/schema')

/** A frozen fixture, parsed. */
export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as unknown
}

/** A hash of the fixture's content (not its formatting), to notice an edit to a frozen version. */
export function contentHash(name: string): string {
  return createHash('sha256')
    .update(JSON.stringify(readFixture(name)))
    .digest('hex')
}
