import { err, ok, type Result } from '../../../shared/errors'
import { ownBytes } from './bytes'

/** AES-GCM output: a fresh 96-bit IV and the ciphertext with its 128-bit tag appended. */
export interface Sealed {
  iv: Uint8Array
  ct: Uint8Array
}

/** IV length for AES-GCM; random per item (2^-32 collision bound holds far beyond any space's item count). */
export const IV_BYTES = 12

/**
 * Encrypts `plaintext` with AES-GCM, binding `aad` (e.g. space, item and document ids) so a relay cannot
 * move a ciphertext to another place undetected.
 */
export async function seal(
  key: CryptoKey,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const ct = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: ownBytes(aad) },
    key,
    ownBytes(plaintext),
  )
  return { iv, ct: new Uint8Array(ct) }
}

/** Decrypts and authenticates; a wrong key, a changed byte or a different `aad` is a validation error. */
export async function open(
  key: CryptoKey,
  sealed: Sealed,
  aad: Uint8Array,
): Promise<Result<Uint8Array>> {
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: ownBytes(sealed.iv), additionalData: ownBytes(aad) },
      key,
      ownBytes(sealed.ct),
    )
    return ok(new Uint8Array(plain))
  } catch {
    // WebCrypto reports every authentication failure as the same OperationError, by design.
    return err(
      'validation',
      'could not decrypt: the data was altered or was encrypted with another sync secret',
    )
  }
}
