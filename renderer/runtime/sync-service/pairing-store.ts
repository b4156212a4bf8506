import { z } from 'zod'
import { ok, type Result } from '../../../shared/errors'
import { IsoDate } from '../../../shared/schema/iso-date'
import { check } from '../../../shared/validation'
import type { KvTable } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { DeviceKey, Pairing, type SpaceKeys } from '../sync'

import { PAIRING_KEY } from '../docs/segment-writes'

/** The kv row of a space's DB that holds its pairing. */
export { PAIRING_KEY }

const Keys = z.object({
  itemKey: z.custom<CryptoKey>(
    (v) => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey,
    'expected a CryptoKey',
  ),
  credential: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
})

/**
 * A space's pairing as stored: the pairing code's content, this device's name, and the keys derived
 * from the secret (a non-extractable CryptoKey, stored by structured clone), so a restart skips the
 * key derivation. The secret and keys are stored unencrypted inside the browser profile.
 * v2 names the pairing's relay room; a v1 row (written before rooms) reads as room `space-id`.
 * `deviceKey` (this device's X25519 key pair, added when a pairing lacks one) lets the other devices
 * hand it a changed secret; `movedBy` says which device did, when this pairing came from a handover.
 */
export const StoredPairing = Pairing.extend({
  v: z.literal(2),
  deviceName: z.string().trim().min(1).max(200),
  pairedAt: IsoDate,
  keys: Keys,
  deviceKey: DeviceKey.optional(),
  movedBy: z.object({ deviceName: z.string().max(200), at: IsoDate }).optional(),
})
export type StoredPairing = z.infer<typeof StoredPairing>

const StoredPairingV1 = StoredPairing.omit({ room: true }).extend({ v: z.literal(1) })

const StoredRow = z
  .discriminatedUnion('v', [StoredPairing, StoredPairingV1])
  .transform((row): StoredPairing => (row.v === 2 ? row : { ...row, v: 2, room: 'space-id' }))

/** Rebuilds the stored form from a pairing and its derived keys. */
export function toStored(
  pairing: Pairing,
  deviceName: string,
  keys: SpaceKeys,
  pairedAt: Date,
  deviceKey?: DeviceKey,
): StoredPairing {
  return {
    v: 2,
    ...pairing,
    deviceName,
    pairedAt: pairedAt.toISOString(),
    keys: { itemKey: keys.itemKey, credential: keys.credential },
    ...(deviceKey === undefined ? {} : { deviceKey }),
  }
}

/** The space's pairing, null when unpaired; a damaged row is a validation error naming the field. */
export async function readPairing(db: { kv: KvTable }): Promise<Result<StoredPairing | null>> {
  let row
  try {
    row = await db.kv.get(PAIRING_KEY)
  } catch (e) {
    return storageError(e, 'read the sync pairing')
  }
  if (row === undefined) return ok(null)
  return check(StoredRow, row.value, PAIRING_KEY)
}

/** Stores the pairing (strict durability, like every write to the space DB). */
export async function writePairing(
  db: { kv: KvTable },
  pairing: StoredPairing,
): Promise<Result<void>> {
  try {
    await db.kv.put({ key: PAIRING_KEY, value: pairing })
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'save the sync pairing')
  }
}

/** Forgets the pairing and its secret. */
export async function deletePairing(db: { kv: KvTable }): Promise<Result<void>> {
  try {
    await db.kv.delete(PAIRING_KEY)
    return ok(undefined)
  } catch (e) {
    return storageError(e, 'forget the sync pairing')
  }
}
