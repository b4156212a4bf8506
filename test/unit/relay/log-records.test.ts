import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeRecords, encodeRecord } from '../../../electron/relay/log-records'

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

describe('log records', () => {
  it('round-trip any sequence of updates', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (updates) => {
        const data = concat(updates.map(encodeRecord))
        const decoded = decodeRecords(data)
        expect(decoded.goodBytes).toBe(data.byteLength)
        expect(decoded.records.map((r) => Array.from(r))).toEqual(updates.map((u) => Array.from(u)))
      }),
    )
  })

  it('stop at a torn tail and report where the good data ends', () => {
    const first = encodeRecord(new Uint8Array([1, 2, 3]))
    const second = encodeRecord(new Uint8Array([4, 5, 6, 7]))
    for (let cut = 1; cut < second.byteLength; cut++) {
      const decoded = decodeRecords(concat([first, second.subarray(0, cut)]))
      expect(decoded.records.length).toBe(1)
      expect(decoded.goodBytes).toBe(first.byteLength)
    }
  })

  it('stop at a record whose checksum does not match', () => {
    const first = encodeRecord(new Uint8Array([1, 2, 3]))
    const second = encodeRecord(new Uint8Array([4, 5, 6, 7]))
    second[second.byteLength - 1] = 99
    const decoded = decodeRecords(concat([first, second, encodeRecord(new Uint8Array([8]))]))
    expect(decoded.records.map((r) => Array.from(r))).toEqual([[1, 2, 3]])
    expect(decoded.goodBytes).toBe(first.byteLength)
  })
})
