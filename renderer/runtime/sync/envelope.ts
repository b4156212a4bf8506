import * as Y from 'yjs'
import { z } from 'zod'
import { type Result } from '../../../shared/errors'
import { newId } from '../../../shared/ids'
import { check } from '../../../shared/validation'
import { utf8 } from './bytes'
import { DevicePublicKey } from './device-key'
import { IV_BYTES, open, seal } from './item-crypto'
import { DeviceId, DocId, ItemId, hasNoSeparator } from './sync-ids'

/**
 * The envelope is the only document the relay sees (its room, see shared/relay-room.ts). It holds
 * ciphertext and the little metadata needed to route it:
 * - `items`: Y.Map itemId → EnvelopeItem, one encrypted Yjs update (or a snapshot of several) of one
 *   document. Items are never edited; compaction adds a snapshot and deletes the items it covers.
 * - `devices`: Y.Map deviceId → DeviceEntry, the encrypted name and last-seen time of each device.
 * In clear the relay sees: item ids, document ids, device ids, item kinds, creation times and sizes.
 */
export const ENVELOPE_ITEMS = 'items'
export const ENVELOPE_DEVICES = 'devices'

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')
const Iv = Bytes.refine((b) => b.byteLength === IV_BYTES, `expected a ${IV_BYTES}-byte IV`)
const Ciphertext = Bytes.refine((b) => b.byteLength >= 16, 'ciphertext shorter than its tag')

/**
 * What an item holds: `update` one Yjs update; `snapshot` the fold of the items it `covers`;
 * `sealed` a document's whole state with its read-model pages (sealed-item.ts), written only while
 * every device announced in the envelope reads it (`DeviceInfo.reads`): builds before it refuse
 * the item as unreadable.
 */
export const ItemKind = z.enum(['update', 'snapshot', 'sealed'])
export type ItemKind = z.infer<typeof ItemKind>

/** The item kinds this build reads, announced in its device entry. */
export const READS: readonly ItemKind[] = ['update', 'snapshot', 'sealed']

/**
 * What this build reads beyond item kinds, announced beside them in `reads`: `segments`, a
 * conversation's messages in segment documents of their own (`segmentDocId`) as well as in its own
 * document. A device writes segments only while every device announced reads them; a build
 * before them does not know those documents (README, Architecture, "Segments").
 */
export const READS_DOCS = ['segments'] as const
export type ReadsDoc = (typeof READS_DOCS)[number]

/** One encrypted item as stored in `items`. */
export const EnvelopeItem = z.object({
  v: z.literal(1),
  docId: DocId,
  deviceId: DeviceId,
  kind: ItemKind,
  iv: Iv,
  ct: Ciphertext,
  createdAt: z.iso.datetime(),
  /** For a snapshot: the ids of the items it replaces. */
  covers: z.array(ItemId).optional(),
})
export type EnvelopeItem = z.infer<typeof EnvelopeItem>

/** One device's encrypted announcement as stored in `devices`. */
export const DeviceEntry = z.object({ v: z.literal(1), iv: Iv, ct: Ciphertext })

/** What a device announces about itself (encrypted in its DeviceEntry). */
export const DeviceInfo = z.object({
  name: z.string().max(200),
  lastSeenAt: z.iso.datetime(),
  /** Its X25519 public key, so a device that changes the secret can hand it the new one (absent from older builds). */
  publicKey: DevicePublicKey.optional(),
  /**
   * The item kinds it reads (absent from builds before `sealed`, which read `update` and
   * `snapshot` only). Names this build does not know are kept: a newer build reads more.
   */
  reads: z.array(z.string().max(40)).max(40).optional(),
})
export type DeviceInfo = z.infer<typeof DeviceInfo>

/** Item ids are short random strings; anything else in `items` is not ours. */

// Everything a relay could swap or edit is authenticated with the ciphertext.
/**
 * The associated data of an item: its fields joined by NUL, covered ids by commas. Every field is
 * separator-free (`hasNoSeparator`, checked on open by the schemas and here on seal), so the relay
 * cannot shift bytes from one field to the next and keep the same associated data.
 */
const itemAad = (
  spaceId: string,
  itemId: string,
  item: Omit<EnvelopeItem, 'iv' | 'ct'>,
): Uint8Array => {
  const covers = item.covers ?? []
  for (const field of [itemId, item.docId, item.deviceId, ...covers]) {
    // Ids come from newId() and the runtime's document names; a separator here is a bug.
    if (!hasNoSeparator(field)) throw new Error(`id ${JSON.stringify(field)} holds a separator`)
  }
  return utf8(
    [
      'keepsake-sync/v1/item',
      spaceId,
      itemId,
      item.docId,
      item.deviceId,
      item.kind,
      item.createdAt,
      covers.join(','),
    ].join('\u0000'),
  )
}

const deviceAad = (spaceId: string, deviceId: string): Uint8Array =>
  utf8(['keepsake-sync/v1/device', spaceId, deviceId].join('\u0000'))

/** What to encrypt into a new item. */
export interface NewItem {
  docId: string
  deviceId: string
  kind: ItemKind
  plaintext: Uint8Array
  covers?: string[]
}

/** Encrypts a new item under a fresh id. */
export async function sealItem(
  key: CryptoKey,
  spaceId: string,
  input: NewItem,
): Promise<{ itemId: string; item: EnvelopeItem }> {
  const itemId = newId()
  const meta = {
    v: 1 as const,
    docId: input.docId,
    deviceId: input.deviceId,
    kind: input.kind,
    createdAt: new Date().toISOString(),
    ...(input.covers ? { covers: input.covers } : {}),
  }
  const sealed = await seal(key, input.plaintext, itemAad(spaceId, itemId, meta))
  return { itemId, item: { ...meta, ...sealed } }
}

/** Validates an item read from the envelope and decrypts it. */
export async function openItem(
  key: CryptoKey,
  spaceId: string,
  itemId: string,
  raw: unknown,
): Promise<Result<{ item: EnvelopeItem; plaintext: Uint8Array }>> {
  const id = check(ItemId, itemId, 'itemId')
  if (!id.ok) return id
  const item = check(EnvelopeItem, raw, `items.${itemId}`)
  if (!item.ok) return item
  const plaintext = await open(key, item.value, itemAad(spaceId, itemId, item.value))
  if (!plaintext.ok) return { ok: false, error: { ...plaintext.error, path: `items.${itemId}` } }
  return { ok: true, value: { item: item.value, plaintext: plaintext.value } }
}

/** Encrypts this device's announcement. */
export async function sealDevice(
  key: CryptoKey,
  spaceId: string,
  deviceId: string,
  info: DeviceInfo,
): Promise<z.infer<typeof DeviceEntry>> {
  const sealed = await seal(key, utf8(JSON.stringify(info)), deviceAad(spaceId, deviceId))
  return { v: 1, ...sealed }
}

/** Validates and decrypts a device's announcement. */
export async function openDevice(
  key: CryptoKey,
  spaceId: string,
  deviceId: string,
  raw: unknown,
): Promise<Result<DeviceInfo>> {
  const where = `devices.${deviceId}`
  const entry = check(DeviceEntry, raw, where)
  if (!entry.ok) return entry
  const plain = await open(key, entry.value, deviceAad(spaceId, deviceId))
  if (!plain.ok) return { ok: false, error: { ...plain.error, path: where } }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(plain.value))
  } catch {
    return check(DeviceInfo, undefined, where)
  }
  return check(DeviceInfo, json, where)
}

/** The two maps of an envelope document. */
export function envelopeMaps(envelope: Y.Doc): { items: Y.Map<unknown>; devices: Y.Map<unknown> } {
  return { items: envelope.getMap(ENVELOPE_ITEMS), devices: envelope.getMap(ENVELOPE_DEVICES) }
}
