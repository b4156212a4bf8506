import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { readSessionFile } from '../../../shared/session/session-file'
import { describeProblem } from '../../../shared/session/problems'
import { DEFAULT_LIMITS } from '../../../shared/session/limits'
import type { Gzip } from '../../../shared/session/gzip'
import { brokenFiles } from './broken-corpus'
import { exportBytes, importBytes, observe, openSpace, profile } from './runtime-harness'
import { gzipSync } from 'node:zlib'

describe('every broken file is refused with its message', () => {
  for (const file of brokenFiles()) {
    test(file.name, async () => {
      const read = await readSessionFile(file.bytes(), nodeGzip)
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.problems.map(describeProblem).join('\n')).toMatch(file.message)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }
})

test('a broken file changes nothing, whatever the import mode', async () => {
  const p = await profile()
  const seed = await openSpace()
  await seed.createConversation('Kept', new Date())
  await importBytes(p.target(), 's.keepsake', await exportBytes(seed, 'msgpack'), 'merge')
  const before = await observe(p.space())
  const spaces = await p.registry.spaces.count()
  for (const file of brokenFiles()) {
    for (const mode of ['merge', 'new-space', 'replace'] as const) {
      const r = await importBytes(p.target(), file.name, file.bytes(), mode)
      expect(r.ok, `${file.name} (${mode})`).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(file.message)
    }
  }
  expect(await observe(p.space())).toBe(before)
  expect(await p.registry.spaces.count()).toBe(spaces)
}, 120_000)

test('a zip bomb is refused while it is inflating, not after', async () => {
  let inflated = 0
  const counting: Gzip = {
    compress: nodeGzip.compress,
    async *decompress(bytes) {
      for await (const chunk of nodeGzip.decompress(bytes)) {
        inflated += chunk.length
        yield chunk
      }
    },
  }
  const limit = 1024 * 1024
  const bomb = new Uint8Array(gzipSync(Buffer.alloc(64 * 1024 * 1024)))
  const read = await readSessionFile(bomb, counting, {
    ...DEFAULT_LIMITS,
    maxDecompressedBytes: limit,
  })
  expect(read.ok).toBe(false)
  if (!read.ok) expect(read.problems[0]?.message).toMatch(/larger than the limit of 1\.0 MiB/)
  // Stopped within a chunk or two of the limit, far short of the 64 MiB it would have made.
  expect(inflated).toBeLessThan(limit + 256 * 1024)
})

test('strings longer than the limit are refused with their path', async () => {
  const text = JSON.stringify({ format: 'keepsake-session', note: 'x'.repeat(2000) })
  const read = await readSessionFile(new TextEncoder().encode(text), nodeGzip, {
    ...DEFAULT_LIMITS,
    maxStringLength: 1000,
  })
  expect(read.ok).toBe(false)
  if (!read.ok)
    expect(describeProblem(read.problems[0] ?? { path: '', message: '' })).toBe(
      'note: a string of 2000 characters is longer than the limit of 1000',
    )
})
