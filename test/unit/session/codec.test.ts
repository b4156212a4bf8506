import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import { readSessionFile, writeSessionFile } from '../../../shared/session/session-file'
import { Packr } from 'msgpackr'
import { decodeSessionBytes, detectEncoding } from '../../../shared/session/codec'
import { scanMsgpack } from '../../../shared/session/msgpack-scan'
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

describe('decoding msgpack', () => {
  const pack = new Packr({ useRecords: false, moreTypes: false, structuredClone: false })
  const gzipped = (value: unknown): Promise<Uint8Array> => nodeGzip.compress(pack.pack(value))

  test('the scan says whether any map key, at any depth, is a forbidden one, comparing bytes only', () => {
    const scan = (value: unknown) =>
      scanMsgpack(pack.pack(value), 64, 1_000, new Set(['__proto__', 'constructor']))
    expect(scan({ a: [{ b: 1 }], constructo: 2, __proto_: 3, 'constructor!': 4 })).toEqual({
      ok: true,
      value: { forbiddenKey: false },
    })
    expect(scan({ a: [{ b: { constructor: 1 } }] })).toEqual({
      ok: true,
      value: { forbiddenKey: true },
    })
    expect(scan(new Map([['__proto__', 1]]))).toEqual({ ok: true, value: { forbiddenKey: true } })
    // A value equal to a forbidden key is not a key.
    expect(scan({ name: 'constructor' })).toEqual({ ok: true, value: { forbiddenKey: false } })
    // Long keys (str 8 and str 16 heads) are measured from their own head.
    expect(scan({ ['k'.repeat(40)]: 1, ['x'.repeat(300)]: { constructor: 1 } })).toEqual({
      ok: true,
      value: { forbiddenKey: true },
    })
  })

  test('a file with no forbidden key is decoded as plain objects, its bytes as plain Uint8Array views', async () => {
    const decoded = await decodeSessionBytes(
      await gzipped({ a: { b: [1, 'x', null, true] }, yjs: new Uint8Array([1, 2, 3]) }),
      nodeGzip,
    )
    if (!decoded.ok) throw new Error('did not decode')
    const value = decoded.value.value as { a: unknown; yjs: Uint8Array }
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(value.a).toEqual({ b: [1, 'x', null, true] })
    expect(Object.getPrototypeOf(value.yjs)).toBe(Uint8Array.prototype)
    expect([...value.yjs]).toEqual([1, 2, 3])
  })

  test('a forbidden key deep in a file is refused with its path, never renamed', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const decoded = await decodeSessionBytes(
        await gzipped(
          new Map<string, unknown>([
            ['memory', [new Map<string, unknown>([[key, new Map([['polluted', true]])]])]],
          ]),
        ),
        nodeGzip,
      )
      expect(decoded.ok).toBe(false)
      if (!decoded.ok)
        expect(decoded.problems[0]).toEqual({
          path: `memory[0].${key}`,
          message: `the key "${key}" is not allowed`,
        })
    }
  })
})
