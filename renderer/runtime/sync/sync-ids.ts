import { z } from 'zod'

/** A space id (UUIDs qualify); spaces paired before rooms sync as `space:<spaceId>` on the relay. */
export const SpaceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'expected letters, digits, - or _')

/** A pairing secret: 256 random bits as base64url (43 characters). */
export const SyncSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 43-character secret')

/** Relay address: a ws:// or wss:// URL. */
export const RelayUrl = z.url({ protocol: /^wss?$/, error: 'expected a ws:// or wss:// URL' })

/**
 * No id may hold the separators of the encryption's associated data (NUL between fields, comma
 * between covered ids), so no two different sets of fields can join to the same bytes.
 */
export const hasNoSeparator = (text: string): boolean =>
  !text.includes('\u0000') && !text.includes(',')
const separatorFree = (max: number) =>
  z.string().min(1).max(max).refine(hasNoSeparator, 'must not contain a NUL or a comma')

/** Id of a synced document (the space doc, a conversation doc), as the runtime names it. */
export const DocId = separatorFree(200)

/** Id of a device, chosen once per installation. */
export const DeviceId = separatorFree(200)

/** Id of an envelope item (and of each item a snapshot covers). */
export const ItemId = separatorFree(100)
