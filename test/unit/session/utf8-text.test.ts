import fc from 'fast-check'
import { expect, test } from 'vitest'
import { decodeUtf8 } from '../../../shared/session/utf8-text'

/** What the platform's strict decoder makes of `bytes`, or null where it throws. */
function platform(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

test('edge sequences decode as the platform decoder does, or are refused where it throws', () => {
  const cases = [
    [],
    [0xef, 0xbb, 0xbf, 0x5b, 0x5d], // a byte order mark is kept
    [0xc2, 0x80],
    [0xc1, 0xbf], // overlong
    [0xc0, 0x80],
    [0xe0, 0x9f, 0xbf], // overlong
    [0xe0, 0xa0, 0x80],
    [0xed, 0x9f, 0xbf],
    [0xed, 0xa0, 0x80], // an encoded surrogate
    [0xef, 0xbf, 0xbf],
    [0xf0, 0x8f, 0xbf, 0xbf], // overlong
    [0xf0, 0x90, 0x80, 0x80],
    [0xf4, 0x8f, 0xbf, 0xbf],
    [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
    [0xf5, 0x80, 0x80, 0x80],
    [0xe2, 0x82], // cut short
    [0x80],
    [0x61, 0xff, 0x62],
  ]
  for (const c of cases) {
    const bytes = new Uint8Array(c)
    expect([c, decodeUtf8(bytes)]).toEqual([c, platform(bytes)])
  }
})

test('property: any text, and any bytes, decode as the platform decoder does', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 20_000 }), (s) => {
      const bytes = new TextEncoder().encode(s)
      expect(decodeUtf8(bytes)).toBe(platform(bytes))
    }),
  )
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(decodeUtf8(bytes)).toBe(platform(bytes))
    }),
    { numRuns: 2000 },
  )
})

test('decoding one conversation after another makes no new buffer per call', () => {
  const made: number[] = []
  const Original = globalThis.Uint16Array
  // Counts every code-unit buffer made while the stub is in place (a view of an old one is not).
  class Counted extends Original {
    constructor(first: number | ArrayBuffer, offset?: number, length?: number) {
      if (typeof first === 'number') {
        super(first)
        made.push(first)
      } else super(first, offset, length)
    }
  }
  globalThis.Uint16Array = Counted as unknown as Uint16ArrayConstructor
  const texts: (string | null)[] = []
  try {
    const bytes = new TextEncoder().encode(`{"title":"Café ${'é🙂'.repeat(5000)}"}`)
    for (let i = 0; i < 100; i++) texts.push(decodeUtf8(bytes))
  } finally {
    globalThis.Uint16Array = Original
  }
  expect(made).toEqual([])
  expect(new Set(texts).size).toBe(1)
  expect(texts[0]).toBe(`{"title":"Café ${'é🙂'.repeat(5000)}"}`)
})
