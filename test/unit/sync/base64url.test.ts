import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../../../renderer/runtime/sync/base64url'

describe('base64url', () => {
  it('round-trips any bytes without padding or URL-unsafe characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes)
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
        const back = fromBase64Url(text)
        expect(back.ok && Array.from(back.value)).toEqual(Array.from(bytes))
      }),
    )
  })

  it('matches Node’s encoder', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1, 2, 62, 63])
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
  })

  it('refuses other text as a value', () => {
    expect(fromBase64Url('ab+/').ok).toBe(false)
    expect(fromBase64Url('abcde').ok).toBe(false)
  })
})
