import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import { readSessionFile, writeSessionFile } from '../../../shared/session/session-file'
import { detectEncoding } from '../../../shared/session/codec'
import { arbSession, comparable } from './session-builders'

describe.each([
  ['zlib (Node)', nodeGzip],
  ['CompressionStream (web)', webGzip],
])('session files with %s gzip', (_name, gzip) => {
  test.each(['json', 'msgpack'] as const)(
    'property: write then read gives the same session (%s)',
    async (encoding) => {
      await fc.assert(
        fc.asyncProperty(arbSession, async (data) => {
          const bytes = await writeSessionFile(data, encoding, gzip)
          const read = await readSessionFile(bytes, gzip)
          if (!read.ok)
            throw new Error(read.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
          expect(read.value.encoding).toBe(encoding)
          expect(comparable(read.value.data)).toBe(comparable(data))
        }),
        { numRuns: 60 },
      )
    },
  )
})

test('property: converting between encodings loses nothing', async () => {
  await fc.assert(
    fc.asyncProperty(arbSession, async (data) => {
      const json = await writeSessionFile(data, 'json', nodeGzip)
      const viaJson = await readSessionFile(json, nodeGzip)
      if (!viaJson.ok) throw new Error('json did not read')
      const packed = await writeSessionFile(viaJson.value.data, 'msgpack', nodeGzip)
      const back = await readSessionFile(packed, nodeGzip)
      if (!back.ok) throw new Error('msgpack did not read')
      expect(comparable(back.value.data)).toBe(comparable(data))
    }),
    { numRuns: 40 },
  )
})

test('the encoding is told by the first bytes', () => {
  expect(detectEncoding(new TextEncoder().encode('\ufeff  {"a":1}'))).toEqual({
    ok: true,
    value: 'json',
  })
  expect(detectEncoding(new Uint8Array([0x1f, 0x8b, 8, 0]))).toEqual({ ok: true, value: 'msgpack' })
  const png = detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
  expect(png.ok).toBe(false)
  if (!png.ok) expect(png.problems[0]?.message).toContain('starts with bytes 89 50 4e 47')
})
