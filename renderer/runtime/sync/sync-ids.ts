import { z } from 'zod'

/** A space id as the relay accepts it in `space:<spaceId>` (UUIDs qualify). */
export const SpaceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'expected letters, digits, - or _')

/** A pairing secret: 256 random bits as base64url (43 characters). */
export const SyncSecret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 43-character secret')

/** Relay address: a ws:// or wss:// URL. */
export const RelayUrl = z.url({ protocol: /^wss?$/, error: 'expected a ws:// or wss:// URL' })

/** Id of a synced document (the space doc, a conversation doc), as the runtime names it. */
export const DocId = z.string().min(1).max(200)

/** Id of a device, chosen once per installation. */
export const DeviceId = z.string().min(1).max(200)
