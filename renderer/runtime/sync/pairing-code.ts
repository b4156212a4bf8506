import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { fromBase64Url, toBase64Url } from './base64url'
import { RelayUrl, SpaceId, SyncSecret } from './sync-ids'
import type { RelayRoom } from '../../../shared/relay-room'

/** Every pairing code starts with this, so a pasted code is recognisable. */
export const PAIRING_PREFIX = 'keepsake-sync:'

/**
 * What a second device needs to join a space: where the relay is, which space, the secret, and how
 * the relay names the space's room (`secret` for every pairing made now; `space-id` for spaces paired
 * by builds before rooms, see shared/relay-room.ts).
 */
export const Pairing = z.object({
  relayUrl: RelayUrl,
  spaceId: SpaceId,
  secret: SyncSecret,
  room: z.enum(['secret', 'space-id']),
})
export type Pairing = z.infer<typeof Pairing>

const Fields = Pairing.omit({ room: true })
/** v1 codes predate rooms (their space lives under its id); v2 codes name a secret-derived room. */
const PairingPayload = z.discriminatedUnion('v', [
  Fields.extend({ v: z.literal(1) }),
  Fields.extend({ v: z.literal(2) }),
])

const ROOM_OF_VERSION: Record<1 | 2, RelayRoom> = { 1: 'space-id', 2: 'secret' }

/** A fresh pairing for `spaceId` with a new random 256-bit secret and a room derived from it. */
export function createPairing(relayUrl: string, spaceId: string): Result<Pairing> {
  const secret = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  return check(Pairing, { relayUrl, spaceId, secret, room: 'secret' })
}

/**
 * The copyable text form of a pairing: `keepsake-sync:` + base64url(JSON). It contains the secret, so
 * it is shown only to the person pairing their own devices. A pairing in an older `space-id` room keeps
 * the v1 form, which builds before rooms read too.
 */
export function encodePairingCode(pairing: Pairing): string {
  const { room, ...fields } = pairing
  const json = JSON.stringify({ v: room === 'secret' ? 2 : 1, ...fields })
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
  const { relayUrl, spaceId, secret, v } = parsed.value
  return ok({ relayUrl, spaceId, secret, room: ROOM_OF_VERSION[v] })
}
