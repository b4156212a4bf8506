import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { gzipSync } from 'node:zlib'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import { gunzipWithin } from '../../../shared/session/gzip'

const MiB = 1024 * 1024

/** `bytes` gzipped, with the trailer's size field (its last four bytes) set to `size`. */
const withClaimedSize = (bytes: Uint8Array, size: number): Uint8Array => {
  const out = new Uint8Array(gzipSync(bytes))
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(out.length - 4, size, true)
  return out
}

/** Text-like bytes that compress well and span many decompression chunks. */
const textBytes = (n: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => 97 + ((i * 7 + seed + Math.floor(i / 13)) % 26))

describe.each([
  ['zlib (Node)', nodeGzip],
  ['CompressionStream (web)', webGzip],
])('gunzipWithin with %s', (_name, gzip) => {
  test('property: gives back exactly the bytes that were compressed, from empty to many chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400_000 }), fc.nat(), async (n, seed) => {
        const bytes = textBytes(n, seed)
        const out = await gunzipWithin(gzip, await gzip.compress(bytes), 64 * MiB)
        if (!out.ok) throw new Error(out.problems[0]?.message)
        expect(out.value.length).toBe(n)
        expect(Buffer.from(out.value).equals(Buffer.from(bytes))).toBe(true)
      }),
      { numRuns: 25 },
    )
  })

  test('a trailer that claims a different size is not trusted: the file is refused as damaged', async () => {
    const bytes = textBytes(300_000, 1)
    for (const claimed of [1000, 299_999, 300_001, 5 * MiB]) {
      const out = await gunzipWithin(gzip, withClaimedSize(bytes, claimed), 64 * MiB)
      expect(out.ok).toBe(false)
      if (!out.ok) expect(out.code).toBe('file-invalid')
    }
  })

  test('the limit holds whatever the trailer claims', async () => {
    const bytes = textBytes(2 * MiB, 2)
    for (const claimed of [100, 2 * MiB]) {
      const out = await gunzipWithin(gzip, withClaimedSize(bytes, claimed), MiB)
      expect(out.ok).toBe(false)
      if (!out.ok) {
        expect(out.code).toBe('file-too-large')
        expect(out.problems[0]?.message).toMatch(/larger than the limit of 1.0 MiB/)
      }
    }
  })
})

test('several gzip members one after another (the trailer gives only the last one’s size) read whole', async () => {
  const first = textBytes(500_000, 3)
  const second = textBytes(20_000, 4)
  const joined = new Uint8Array([...gzipSync(first), ...gzipSync(second)])
  const out = await gunzipWithin(nodeGzip, joined, 64 * MiB)
  if (!out.ok) throw new Error(out.problems[0]?.message)
  expect(Buffer.from(out.value).equals(Buffer.concat([first, second]))).toBe(true)
})

describe('chunks a gzip owns are given back once copied', () => {
  /** zlib, with each chunk copied into an array of its own and kept to look at afterwards. */
  const recording = (chunksOwned: boolean) => {
    const seen: Uint8Array[] = []
    const gzip = {
      compress: nodeGzip.compress,
      chunksOwned,
      async *decompress(bytes: Uint8Array) {
        for await (const chunk of nodeGzip.decompress(bytes)) {
          const own = new Uint8Array(chunk)
          seen.push(own)
          yield own
        }
      },
    }
    return { gzip, seen }
  }

  test('owned chunks are detached after copying; the output is whole and is its own buffer', async () => {
    const bytes = textBytes(MiB, 3)
    const { gzip, seen } = recording(true)
    const out = await gunzipWithin(gzip, gzipSync(bytes), 64 * MiB)
    if (!out.ok) throw new Error(out.problems[0]?.message)
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.every((chunk) => chunk.buffer.byteLength === 0)).toBe(true)
    expect(Buffer.from(out.value).equals(Buffer.from(bytes))).toBe(true)
    expect(out.value.byteLength).toBe(out.value.buffer.byteLength)
  })

  test('when the trailer cannot be trusted, owned chunks are released only after they are joined', async () => {
    // Two members: the trailer gives only the second, short one's size, so the output outgrows it.
    const first = textBytes(MiB, 4)
    const second = textBytes(1000, 6)
    const { gzip, seen } = recording(true)
    const file = Buffer.concat([gzipSync(first), gzipSync(second)])
    const out = await gunzipWithin(gzip, file, 64 * MiB)
    if (!out.ok) throw new Error(out.problems[0]?.message)
    expect(Buffer.from(out.value).equals(Buffer.concat([first, second]))).toBe(true)
    expect(seen.every((chunk) => chunk.buffer.byteLength === 0)).toBe(true)
  })

  test('chunks not said to be owned are never touched', async () => {
    const { gzip, seen } = recording(false)
    const out = await gunzipWithin(gzip, gzipSync(textBytes(MiB, 5)), 64 * MiB)
    expect(out.ok).toBe(true)
    expect(seen.every((chunk) => chunk.length > 0)).toBe(true)
  })
})
