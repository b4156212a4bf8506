import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { fromBase64Url, toBase64Url } from './base64url'
import { RelayUrl, SpaceId, SyncSecret } from './sync-ids'

/** Every pairing code starts with this, so a pasted code is recognisable. */
export const PAIRING_PREFIX = 'keepsake-sync:'

/** What a second device needs to join a space: where the relay is, which space, and the secret. */
export const Pairing = z.object({ relayUrl: RelayUrl, spaceId: SpaceId, secret: SyncSecret })
export type Pairing = z.infer<typeof Pairing>

const PairingPayload = Pairing.extend({ v: z.literal(1) })

/** A fresh pairing for `spaceId` with a new random 256-bit secret. */
export function createPairing(relayUrl: string, spaceId: string): Result<Pairing> {
  const secret = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  return check(Pairing, { relayUrl, spaceId, secret })
}

/**
 * The copyable text form of a pairing: `keepsake-sync:` + base64url(JSON). It contains the secret, so
 * it is shown only to the person pairing their own devices.
 */
export function encodePairingCode(pairing: Pairing): string {
  const json = JSON.stringify({ v: 1, ...pairing })
  return PAIRING_PREFIX + toBase64Url(new TextEncoder().encode(json))
}

/** Reads a pasted pairing code (surrounding whitespace is ignored); every defect is a clear error. */
export function decodePairingCode(text: string): Result<Pairing> {
  const trimmed = text.trim()
  if (!trimmed.startsWith(PAIRING_PREFIX)) {
    return err(
      'validation',
      `This is not a Keepsake pairing code: it should start with "${PAIRING_PREFIX}".`,
    )
  }
  const bytes = fromBase64Url(trimmed.slice(PAIRING_PREFIX.length))
  const damaged = err(
    'validation',
    'This pairing code is damaged; copy it again from the other device.',
  )
  if (!bytes.ok) return damaged
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.value))
  } catch {
    return damaged
  }
  const parsed = check(PairingPayload, json, 'pairing code')
  if (!parsed.ok)
    return err(
      'validation',
      `This pairing code is invalid (${parsed.error.message}).`,
      parsed.error.path,
    )
  const { relayUrl, spaceId, secret } = parsed.value
  return ok({ relayUrl, spaceId, secret })
}
