import { z } from 'zod'

/**
 * Where a space's envelope lives on the relay (its Hocuspocus document name). Two forms:
 * - `room:<64 hex>`: SHA-256 of the relay credential, which only holders of the pairing secret can
 *   derive. The relay checks that the credential presented for a room hashes to its name, so nobody
 *   can claim a room, or learn its name, without the secret; the name reveals nothing that helps guess
 *   the credential. Every pairing made since rooms exist uses this form.
 * - `space:<spaceId>`: the older form, named by the space's own id (which travels in session files and
 *   pairing codes). The relay registers its credential on first use; kept so spaces paired before
 *   rooms existed keep syncing.
 */
export type RelayRoom = 'secret' | 'space-id'

export const ROOM_DOCUMENT = /^room:([0-9a-f]{64})$/
export const SPACE_DOCUMENT = /^space:([A-Za-z0-9_-]{1,128})$/

const LABEL = 'keepsake-sync/v2/room\u0000'

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * The room id of a relay credential: hex SHA-256 of a label and the credential.
 * @example await roomIdOf(credential) // '3f1c…' (64 hex digits)
 */
export async function roomIdOf(credential: string): Promise<string> {
  return hex(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(LABEL + credential)),
  )
}

/** The relay document name of a space, by the form its pairing uses. */
export async function relayDocumentName(pairing: {
  room: RelayRoom
  spaceId: string
  credential: string
}): Promise<string> {
  return pairing.room === 'secret'
    ? `room:${await roomIdOf(pairing.credential)}`
    : `space:${pairing.spaceId}`
}

/**
 * Why the relay refuses a room whose secret was changed (and closes its open connections): part of
 * the relay protocol, shown to the person on a device that still holds the old secret.
 */
export const ROOM_RETIRED =
  'the sync secret of this space was changed on another device, so this device can no longer sync it; enter the new pairing code to sync again'

/** The stateless message a device sends to retire its room, and the relay's answer once it has. */
export const RETIRE_REQUEST = '{"type":"retire"}'
export const RETIRED_ANSWER = '{"type":"retired"}'

/**
 * The most a handover may hold (base64url characters): the new secret sealed to each device that
 * stays, at most 64 devices of about 300 characters each, with room to spare.
 */
export const MAX_HANDOVER_CHARS = 64 * 1024

const HandoverText = z
  .string()
  .min(1)
  .max(MAX_HANDOVER_CHARS)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected base64url text')

const RetireRequest = z.object({ type: z.literal('retire'), handover: HandoverText.optional() })

/**
 * The retire request carrying a handover: opaque to the relay (encrypted with the old room's key,
 * see renderer/runtime/sync/handover.ts), kept with the retired room for the devices that stay.
 * @example provider.sendStateless(retireRequest(bundle))
 */
export function retireRequest(handover: string | null): string {
  return handover === null ? RETIRE_REQUEST : JSON.stringify({ type: 'retire', handover })
}

/** Reads a stateless payload as a retire request; null when it is not one (or is malformed). */
export function readRetireRequest(payload: string): { handover: string | null } | null {
  if (payload.length > MAX_HANDOVER_CHARS + 100) return null
  let json: unknown
  try {
    json = JSON.parse(payload)
  } catch {
    return null
  }
  const parsed = RetireRequest.safeParse(json)
  return parsed.success ? { handover: parsed.data.handover ?? null } : null
}

/** What follows the retired reason when the refusal carries a handover. */
const HANDOVER_MARK = '\nhandover:'

/**
 * The relay's refusal of a retired room to a holder of its credential: ROOM_RETIRED, then the
 * handover the device that retired it left, if any.
 */
export function retiredRefusal(handover: string | null): string {
  return handover === null ? ROOM_RETIRED : `${ROOM_RETIRED}${HANDOVER_MARK}${handover}`
}

/** Splits a refusal into the words to show and the handover it carries (checked to be base64url). */
export function readRefusal(reason: string): { text: string; handover: string | null } {
  const at = reason.indexOf(HANDOVER_MARK)
  if (at < 0) return { text: reason, handover: null }
  const handover = HandoverText.safeParse(reason.slice(at + HANDOVER_MARK.length))
  return { text: reason.slice(0, at), handover: handover.success ? handover.data : null }
}
