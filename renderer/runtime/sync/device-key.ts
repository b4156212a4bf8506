import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { toBase64Url } from './base64url'

/** An X25519 public key as base64url (32 bytes, 43 characters). */
export const DevicePublicKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 43-character X25519 public key')

/**
 * This device's key pair for one space's sync: others seal a changed sync secret to its public key
 * (see handover.ts). The private key is a non-extractable CryptoKey, stored by structured clone
 * beside the pairing; the public key travels in this device's encrypted entry in the envelope.
 */
export const DeviceKey = z.object({
  privateKey: z.custom<CryptoKey>(
    (v) =>
      typeof CryptoKey !== 'undefined' && v instanceof CryptoKey && v.algorithm.name === 'X25519',
    'expected an X25519 CryptoKey',
  ),
  publicKey: DevicePublicKey,
})
export type DeviceKey = z.infer<typeof DeviceKey>

/**
 * Makes a new X25519 key pair whose private half cannot be exported. X25519 is in WebCrypto in
 * Chromium (since 133) and Node (since 18.4), where the runtime and its tests run.
 * @example const key = await createDeviceKey(); if (key.ok) announce(key.value.publicKey)
 */
export async function createDeviceKey(): Promise<Result<DeviceKey>> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return err('internal', 'WebCrypto (crypto.subtle) is not available in this context')
  try {
    const pair = await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])
    if (!('privateKey' in pair)) return err('internal', 'X25519 gave no key pair')
    const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey))
    return ok({ privateKey: pair.privateKey, publicKey: toBase64Url(raw) })
  } catch (e) {
    return err(
      'internal',
      `This browser cannot make an X25519 key (${e instanceof Error ? e.message : String(e)}).`,
    )
  }
}
