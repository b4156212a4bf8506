import { err, ok, type Result } from '../../../shared/errors'
import { toBase64Url } from './base64url'
import { ownBytes, utf8 } from './bytes'

/** PBKDF2-SHA256 work factor (OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256). */
export const KDF_ITERATIONS = 600_000

/** What a device derives from the pairing secret of one space. */
export interface SpaceKeys {
  /** AES-GCM-256 key for envelope items and device entries; not extractable. */
  readonly itemKey: CryptoKey
  /** Token the relay checks (it stores only its hash). Learning it reveals nothing about `itemKey`. */
  readonly credential: string
}

const subtle = (): SubtleCrypto | undefined => globalThis.crypto?.subtle

/**
 * Derives the keys of a space: PBKDF2-SHA256 (600,000 iterations) over the secret with a salt derived
 * from the space id, then HKDF-SHA256 with distinct labels for the item key and the relay credential.
 * Deterministic: every device with the same secret and space id derives the same keys.
 */
export async function deriveSpaceKeys(secret: string, spaceId: string): Promise<Result<SpaceKeys>> {
  const c = subtle()
  if (!c) return err('internal', 'WebCrypto (crypto.subtle) is not available in this context')
  if (secret.length === 0) return err('validation', 'the sync secret is empty', 'secret')
  const salt = new Uint8Array(
    await c.digest('SHA-256', utf8(`keepsake-sync/v1/salt\u0000${spaceId}`)),
  )
  const password = await c.importKey('raw', utf8(secret), 'PBKDF2', false, ['deriveBits'])
  const master = await c.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: KDF_ITERATIONS },
    password,
    256,
  )
  const hkdf = await c.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits'])
  const info = (label: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: ownBytes(new Uint8Array(0)),
    info: utf8(label),
  })
  const itemKey = await c.deriveKey(
    info('keepsake-sync/v1/item-key'),
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
  const credential = await c.deriveBits(info('keepsake-sync/v1/relay-credential'), hkdf, 256)
  return ok({ itemKey, credential: toBase64Url(new Uint8Array(credential)) })
}
