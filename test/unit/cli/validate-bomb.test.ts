import { execFile } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Packr } from 'msgpackr'
import { beforeAll, describe, expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { DEFAULT_LIMITS, MAX_RECORDS, MAX_REPORTED_PROBLEMS } from '../../../shared/session/limits'
import { describeProblem } from '../../../shared/session/problems'
import { readSessionFile } from '../../../shared/session/session-file'
import { BIN, requireBuiltCli } from './run-cli'

// Small files that decode to millions of records, validated by the real CLI under a 256 MiB heap:
// before the limits, the first one took `keepsake validate` to 4.5 GB and a V8 abort.
const HEAP_MIB = 256
let dir = ''

beforeAll(() => {
  requireBuiltCli()
  dir = mkdtempSync(join(tmpdir(), 'keepsake-bomb-'))
})

/** A gzip-compressed msgpack session whose quarantine holds `count` empty records. */
function bomb(name: string, count: number): string {
  const envelope = {
    format: 'keepsake-session',
    formatVersion: 1,
    schemaVersion: 2,
    exportedAt: '2026-03-11T12:00:00.000Z',
    app: { name: 'keepsake', version: '0.1.0' },
    scope: 'space',
    space: { id: 's', name: 'Bomb', createdAt: '2026-03-11T12:00:00.000Z' },
    memory: [],
    quarantine: new Array<Record<string, never>>(count).fill({}),
    conversations: [],
  }
  const path = join(dir, name)
  writeFileSync(path, gzipSync(new Packr({ useRecords: false }).pack(envelope), { level: 9 }))
  return path
}

/** `keepsake validate <path>` in a Node limited to HEAP_MIB of heap. */
function validateWithin(path: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${HEAP_MIB}`, BIN, 'validate', path],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
        done({ code, stderr })
      },
    )
  })
}

describe('keepsake validate against decompression bombs', () => {
  test('4 million empty quarantine entries in a few KB are refused before they are built', async () => {
    const path = bomb('four-million.keepsake', 4_000_000)
    expect(statSync(path).size).toBeLessThan(64 * 1024)
    const run = await validateWithin(path)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('more than 4,000,000 maps and arrays, the limit')
  })

  test('more records than the limit is file-too-large, named, without validating each', async () => {
    const run = await validateWithin(bomb('too-many.keepsake', MAX_RECORDS + 1))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `the file holds ${(MAX_RECORDS + 1).toLocaleString('en-US')} records`,
    )
  })

  test('a file just under the record limit, every record broken, stops collecting at the cap', async () => {
    const run = await validateWithin(bomb('all-broken.keepsake', MAX_RECORDS - 1))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('quarantine[0].origin')
    const listed = run.stderr.split('\n').filter((line) => /^quarantine\[\d+\]/.test(line))
    expect(listed).toHaveLength(MAX_REPORTED_PROBLEMS)
  })
})

test('JSON text is counted the same way, before JSON.parse builds anything', async () => {
  const text = JSON.stringify({ format: 'keepsake-session', quarantine: new Array(2000).fill({}) })
  const read = await readSessionFile(new TextEncoder().encode(text), nodeGzip, {
    ...DEFAULT_LIMITS,
    maxContainers: 1000,
  })
  expect(read.ok).toBe(false)
  if (!read.ok)
    expect(describeProblem(read.problems[0] ?? { path: '', message: '' })).toMatch(
      /^the file holds more than 1,000 objects and arrays, the limit \(at character \d+\)$/,
    )
})
