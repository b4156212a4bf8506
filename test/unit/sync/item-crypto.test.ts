import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IV_BYTES, open, seal } from '../../../renderer/runtime/sync/item-crypto'

const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
  'encrypt',
  'decrypt',
])
const aad = new TextEncoder().encode('keepsake-sync/v1/item\u0000space-1\u0000item-1')

describe('seal / open', () => {
  it('round-trips any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (plain) => {
        const sealed = await seal(key, plain, aad)
        expect(sealed.iv.byteLength).toBe(IV_BYTES)
        const opened = await open(key, sealed, aad)
        expect(opened.ok && Array.from(opened.value)).toEqual(Array.from(plain))
      }),
      { numRuns: 50 },
    )
  })

  it('uses a fresh IV every time', async () => {
    const plain = new TextEncoder().encode('same text')
    const [one, two] = await Promise.all([seal(key, plain, aad), seal(key, plain, aad)])
    expect(Array.from(one.iv)).not.toEqual(Array.from(two.iv))
    expect(Array.from(one.ct)).not.toEqual(Array.from(two.ct))
  })

  it('detects a flipped byte anywhere as an error value', async () => {
    const sealed = await seal(key, new TextEncoder().encode('I prefer pgvector over Pinecone'), aad)
    for (let i = 0; i < sealed.ct.byteLength; i++) {
      const ct = sealed.ct.slice()
      ct[i] = (ct[i] ?? 0) ^ 0x01
      const opened = await open(key, { iv: sealed.iv, ct }, aad)
      expect(opened.ok).toBe(false)
      if (!opened.ok) {
        expect(opened.error.code).toBe('validation')
        expect(opened.error.message).toMatch(/altered|another sync secret/)
      }
    }
    const iv = sealed.iv.slice()
    iv[0] = (iv[0] ?? 0) ^ 0x80
    expect((await open(key, { iv, ct: sealed.ct }, aad)).ok).toBe(false)
  })

  it('binds the additional data: the same ciphertext under another id does not open', async () => {
    const sealed = await seal(key, new TextEncoder().encode('fact'), aad)
    const moved = new TextEncoder().encode('keepsake-sync/v1/item\u0000space-1\u0000item-2')
    expect((await open(key, sealed, moved)).ok).toBe(false)
  })
})
