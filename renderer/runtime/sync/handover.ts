import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { fromBase64Url, toBase64Url } from './base64url'
import { ownBytes, utf8 } from './bytes'
import { DevicePublicKey } from './device-key'
import { IV_BYTES, open, seal } from './item-crypto'
import { DeviceId, SyncSecret } from './sync-ids'

/**
 * A handover is what a device that changes the sync secret leaves in the old room for the devices
 * that stay, so they follow without anyone typing the new code:
 * - outside, AES-GCM under the old space's item key, bound to the space and the old room's name:
 *   only a holder of the old secret can write one, and one written for another room (an earlier
 *   change, replayed by the relay) or another space does not open;
 * - inside, the new secret once per staying device, sealed to that device's X25519 public key (an
 *   ephemeral key pair, ECDH, HKDF-SHA256, AES-GCM) and bound to its device id: only that device
 *   can read its copy, and a removed device, though it can open the outside, finds none for itself.
 * The relay keeps it with the retired room and hands it to holders of the old credential.
 */

/** At most this many devices are handed a new secret at once. */
export const MAX_HANDOVER_DEVICES = 64

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url text')

const Sealed = z.object({ deviceId: DeviceId, iv: Base64Url, ct: Base64Url })

/** The opened outside of a handover. */
const HandoverBody = z.object({
  v: z.literal(1),
  /** The device that changed the secret. */
  from: z.object({ deviceId: DeviceId, name: z.string().max(200) }),
  at: z.iso.datetime(),
  /** The ephemeral public key every sealed copy was made with. */
  epk: DevicePublicKey,
  to: z.array(Sealed).max(MAX_HANDOVER_DEVICES),
  /** The devices that were removed (they are told so, by the name of `from`). */
  removed: z.array(DeviceId).max(MAX_HANDOVER_DEVICES),
})
type HandoverBody = z.infer<typeof HandoverBody>

/** A device the new secret is sealed to. */
export interface HandoverRecipient {
  deviceId: string
  publicKey: string
}

/** Where a handover belongs: the space, and the relay document of the room it leaves. */
export interface HandoverPlace {
  /** The old secret's item key (see space-keys.ts). */
  itemKey: CryptoKey
  spaceId: string
  /** The old room's relay document name (shared/relay-room.ts). */
  documentName: string
}

/** What a device learns from a handover. */
export type HandoverOutcome =
  /** It was handed the new secret. */
  | { kind: 'moved'; secret: string; by: string; at: string }
  /** It was the device removed. */
  | { kind: 'removed'; by: string; at: string }
  /** It stays, but had announced no key to seal the secret to: it needs the new code by hand. */
  | { kind: 'left-out'; by: string; at: string }

const separatorFree = (fields: string[]): boolean =>
  fields.every((f) => !f.includes('\u0000') && !f.includes(','))

const outerAad = (place: HandoverPlace): Uint8Array =>
  utf8(['keepsake-sync/v1/handover', place.spaceId, place.documentName].join('\u0000'))

/** The context each sealed copy is bound to: HKDF info and AES-GCM associated data alike. */
const innerContext = (
  place: HandoverPlace,
  deviceId: string,
  epk: string,
  recipientKey: string,
): Uint8Array<ArrayBuffer> =>
  utf8(
    [
      'keepsake-sync/v1/handover-seal',
      place.spaceId,
      place.documentName,
      deviceId,
      epk,
      recipientKey,
    ].join('\u0000'),
  )

const importPublic = async (text: string): Promise<CryptoKey> => {
  const bytes = fromBase64Url(text)
  if (!bytes.ok || bytes.value.byteLength !== 32) throw new Error('not an X25519 public key')
  return globalThis.crypto.subtle.importKey(
    'raw',
    ownBytes(bytes.value),
    { name: 'X25519' },
    true,
    [],
  )
}

/** The AES-GCM key of one sealed copy, from an X25519 agreement and its context. */
const sealKey = async (
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  context: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> => {
  const c = globalThis.crypto.subtle
  const shared = await c.deriveBits({ name: 'X25519', public: publicKey }, privateKey, 256)
  const hkdf = await c.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  return c.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: ownBytes(new Uint8Array(32)), info: context },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/**
 * Seals `secret` (the new one) for each of `to`, lists `removed`, and encrypts it all for the old
 * room `place`. Returns the base64url text the relay keeps with the retired room.
 * @example await sealHandover(place, { from, secret, to: [{ deviceId, publicKey }], removed: [lost] })
 */
export async function sealHandover(
  place: HandoverPlace,
  input: {
    from: { deviceId: string; name: string }
    secret: string
    to: HandoverRecipient[]
    removed: string[]
    now?: Date
  },
): Promise<Result<string>> {
  const ids = [input.from.deviceId, ...input.to.map((t) => t.deviceId), ...input.removed]
  if (!separatorFree([place.spaceId, place.documentName, ...ids])) {
    return err('validation', 'a device id holds a separator', 'deviceId')
  }
  if (input.to.length > MAX_HANDOVER_DEVICES || input.removed.length > MAX_HANDOVER_DEVICES) {
    return err('validation', `at most ${MAX_HANDOVER_DEVICES} devices can be handed a new secret`)
  }
  const secret = check(SyncSecret, input.secret, 'secret')
  if (!secret.ok) return secret
  const c = globalThis.crypto.subtle
  const ephemeral = await c.generateKey({ name: 'X25519' }, false, ['deriveBits'])
  if (!('privateKey' in ephemeral)) return err('internal', 'X25519 gave no key pair')
  const epk = toBase64Url(new Uint8Array(await c.exportKey('raw', ephemeral.publicKey)))
  const to: HandoverBody['to'] = []
  for (const recipient of input.to) {
    let key: CryptoKey
    try {
      key = await importPublic(recipient.publicKey)
    } catch {
      return err(
        'validation',
        `the key device ${recipient.deviceId} announced is not an X25519 public key`,
        `devices.${recipient.deviceId}.publicKey`,
      )
    }
    const context = innerContext(place, recipient.deviceId, epk, recipient.publicKey)
    const sealed = await seal(
      await sealKey(ephemeral.privateKey, key, context),
      utf8(secret.value),
      context,
    )
    to.push({
      deviceId: recipient.deviceId,
      iv: toBase64Url(sealed.iv),
      ct: toBase64Url(sealed.ct),
    })
  }
  const body: HandoverBody = {
    v: 1,
    from: input.from,
    at: (input.now ?? new Date()).toISOString(),
    epk,
    to,
    removed: input.removed,
  }
  const outer = await seal(place.itemKey, utf8(JSON.stringify(body)), outerAad(place))
  const bytes = new Uint8Array(outer.iv.byteLength + outer.ct.byteLength)
  bytes.set(outer.iv)
  bytes.set(outer.ct, outer.iv.byteLength)
  return ok(toBase64Url(bytes))
}

const refused = (why: string): Result<never> =>
  err('validation', `The handover to a new sync secret cannot be used: ${why}.`, 'handover')

/**
 * Opens a handover found in the room `place` for this device (`deviceId`, holding `privateKey`
 * whose public half is `publicKey`). Refused, with the reason, when it was not written with this
 * room's secret (forged, from an earlier change or another space) or when the copy named for this
 * device is not sealed to its key.
 */
export async function openHandover(
  place: HandoverPlace,
  self: { deviceId: string; privateKey: CryptoKey; publicKey: string },
  text: string,
): Promise<Result<HandoverOutcome>> {
  const bytes = fromBase64Url(text)
  if (!bytes.ok || bytes.value.byteLength < IV_BYTES + 16) return refused('it is damaged')
  const opened = await open(
    place.itemKey,
    { iv: bytes.value.subarray(0, IV_BYTES), ct: bytes.value.subarray(IV_BYTES) },
    outerAad(place),
  )
  if (!opened.ok) {
    return refused(
      'it was not written with this room’s sync secret (forged, or left from an earlier change)',
    )
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(opened.value))
  } catch {
    return refused('it is not readable')
  }
  const body = check(HandoverBody, json, 'handover')
  if (!body.ok) return body
  const { from, at } = body.value
  const mine = body.value.to.find((t) => t.deviceId === self.deviceId)
  if (mine === undefined) {
    const kind = body.value.removed.includes(self.deviceId) ? 'removed' : 'left-out'
    return ok({ kind, by: from.name, at })
  }
  const [iv, ct] = [fromBase64Url(mine.iv), fromBase64Url(mine.ct)]
  if (!iv.ok || !ct.ok) return refused('the copy for this device is damaged')
  const context = innerContext(place, self.deviceId, body.value.epk, self.publicKey)
  let key: CryptoKey
  try {
    key = await sealKey(self.privateKey, await importPublic(body.value.epk), context)
  } catch {
    return refused('its key is not an X25519 public key')
  }
  const secret = await open(key, { iv: iv.value, ct: ct.value }, context)
  if (!secret.ok) return refused('the copy named for this device is not sealed to its key')
  const valid = check(SyncSecret, new TextDecoder().decode(secret.value), 'handover.secret')
  if (!valid.ok) return valid
  return ok({ kind: 'moved', secret: valid.value, by: from.name, at })
}
