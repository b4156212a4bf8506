import { deflateSync } from 'fflate'
import { expect, test } from 'vitest'
import { inflateChunks } from '../../../shared/session/inflate-chunks'

/** About `size` bytes of JSON-like text that compresses as exports do (repeated keys, varied values). */
function exportLike(size: number): Uint8Array {
  const parts: string[] = []
  let n = 0
  for (let i = 0; n < size; i++) {
    const part = `{"id":"m${i}","text":"message ${(i * 7919) % 104729} – café ${i % 13}"},`
    parts.push(part)
    n += part.length
  }
  return new TextEncoder().encode(`[${parts.join('')}]`)
}

/** Every chunk copied as it comes (each is good only until the next), then joined. */
function unpack(data: Uint8Array): { bytes: Uint8Array; buffers: Set<ArrayBufferLike>; failure?: string } {
  const copies: Uint8Array[] = []
  const buffers = new Set<ArrayBufferLike>()
  for (const chunk of inflateChunks(data)) {
    if (!chunk.ok) return { bytes: new Uint8Array(0), buffers, failure: chunk.reason }
    buffers.add(chunk.bytes.buffer)
    copies.push(chunk.bytes.slice())
  }
  const bytes = new Uint8Array(copies.reduce((n, c) => n + c.length, 0))
  copies.reduce((at, c) => (bytes.set(c, at), at + c.length), 0)
  return { bytes, buffers }
}

test('raw deflate unpacks to the same bytes, several chunks all written into one buffer', () => {
  const original = exportLike(3_500_000)
  const { bytes, buffers, failure } = unpack(deflateSync(original, { level: 6 }))
  expect(failure).toBeUndefined()
  expect(bytes.length).toBe(original.length)
  expect(Buffer.compare(bytes, original)).toBe(0)
  expect(buffers.size).toBe(1)
})

test('small and empty data unpack too', () => {
  for (const text of ['', 'x', '[{"a":1}]']) {
    const original = new TextEncoder().encode(text)
    expect(unpack(deflateSync(original)).bytes).toEqual(original)
  }
})

test('data cut short, or not deflate at all, ends with a failure after what it gave', () => {
  const whole = deflateSync(exportLike(300_000))
  const cut = unpack(whole.subarray(0, whole.length >> 1))
  expect(cut.failure).toBe('the data ends too early')
  const noise = unpack(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0x00, 0x13, 0x77]))
  expect(noise.failure).toBeTruthy()
})
