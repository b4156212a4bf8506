import { describe, expect, it } from 'vitest'
import { open, seal } from '../../../renderer/runtime/sync/item-crypto'
import { KDF_ITERATIONS, deriveSpaceKeys } from '../../../renderer/runtime/sync/space-keys'

const SECRET = 'q0vWw3mJ4pL2bX8yZ1aC6dE9fG5hJ7kN0rT3uV6wY8z'
const OTHER_SECRET = 'Z9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6z'

const derive = async (secret: string, spaceId: string) => {
  const keys = await deriveSpaceKeys(secret, spaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  return keys.value
}

describe('deriveSpaceKeys', () => {
  it('uses 600,000 PBKDF2 iterations', () => {
    expect(KDF_ITERATIONS).toBe(600_000)
  })

  it('derives the same keys on every device, and different ones per secret and per space', async () => {
    const [a, again, otherSecret, otherSpace] = await Promise.all([
      derive(SECRET, 'space-1'),
      derive(SECRET, 'space-1'),
      derive(OTHER_SECRET, 'space-1'),
      derive(SECRET, 'space-2'),
    ])
    expect(a.credential).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(again.credential).toBe(a.credential)
    expect(otherSecret.credential).not.toBe(a.credential)
    expect(otherSpace.credential).not.toBe(a.credential)

    const aad = new TextEncoder().encode('context')
    const sealed = await seal(a.itemKey, new TextEncoder().encode('fact'), aad)
    const reopened = await open(again.itemKey, sealed, aad)
    expect(reopened.ok && new TextDecoder().decode(reopened.value)).toBe('fact')
    expect((await open(otherSecret.itemKey, sealed, aad)).ok).toBe(false)
    expect((await open(otherSpace.itemKey, sealed, aad)).ok).toBe(false)
  })

  it('keeps the item key out of reach and the credential unrelated to it', async () => {
    const keys = await derive(SECRET, 'space-1')
    expect(keys.itemKey.extractable).toBe(false)
    expect(keys.itemKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    // The credential is an HKDF output under its own label; it does not decrypt anything.
    const credentialKey = await globalThis.crypto.subtle.importKey(
      'raw',
      Uint8Array.from(atob(keys.credential.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
        c.charCodeAt(0),
      ),
      'AES-GCM',
      false,
      ['decrypt'],
    )
    const aad = new Uint8Array(0)
    const sealed = await seal(keys.itemKey, new TextEncoder().encode('memory'), aad)
    expect((await open(credentialKey, sealed, aad)).ok).toBe(false)
  })

  it('refuses an empty secret as a value', async () => {
    const keys = await deriveSpaceKeys('', 'space-1')
    expect(keys.ok).toBe(false)
    if (!keys.ok) expect(keys.error.code).toBe('validation')
  })
})
