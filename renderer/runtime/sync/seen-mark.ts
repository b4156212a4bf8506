import * as Y from 'yjs'
import { z } from 'zod'
import type { Result } from '../../../shared/errors'
import { ENVELOPE_DEVICES, ENVELOPE_ITEMS } from './envelope'

/** Problem key of the report that the relay served less than this device had already seen. */
export const ROLLBACK_PROBLEM = 'envelope:rolled-back'

/**
 * The most this device has seen stored on the relay: for each writer of the envelope (a Yjs client),
 * how many of its changes, and the device whose items that writer carried. Yjs never lowers a
 * writer's count (deletions and compaction keep it), so a relay that later serves fewer has rolled
 * the space back or is withholding. Kept per relay and room, so pairing elsewhere starts afresh.
 */
export const SeenMark = z.object({
  v: z.literal(1),
  relayUrl: z.string(),
  documentName: z.string(),
  at: z.iso.datetime(),
  writers: z.record(
    z.string().regex(/^\d+$/),
    z.object({ count: z.number().int().nonnegative(), deviceId: z.string().nullable() }),
  ),
})
export type SeenMark = z.infer<typeof SeenMark>

/** Where a device keeps its mark between runs (the runtime: a kv row of the space). */
export interface SeenStore {
  load(): Promise<Result<SeenMark | null>>
  save(mark: SeenMark): Promise<Result<void>>
}

/** The device each envelope writer's live entries name (items carry `deviceId`, entries their key). */
const devicesByWriter = (envelope: Y.Doc): Map<number, string> => {
  const found = new Map<number, string>()
  for (const [key, item] of envelope.getMap(ENVELOPE_DEVICES)._map) found.set(item.id.client, key)
  for (const item of envelope.getMap(ENVELOPE_ITEMS)._map.values()) {
    const value: unknown = item.deleted ? undefined : item.content.getContent()[0]
    if (typeof value === 'object' && value !== null && 'deviceId' in value) {
      if (typeof value.deviceId === 'string') found.set(item.id.client, value.deviceId)
    }
  }
  return found
}

/**
 * The mark after seeing `envelope` as the relay stores it: per writer the larger of the earlier count
 * and the one seen now, so a relay cannot lower the mark by serving less.
 */
export function raiseMark(
  envelope: Y.Doc,
  where: { relayUrl: string; documentName: string },
  earlier: SeenMark | null,
  now: Date,
): SeenMark {
  const writers: SeenMark['writers'] = { ...(earlier?.writers ?? {}) }
  const devices = devicesByWriter(envelope)
  for (const [client, count] of Y.decodeStateVector(Y.encodeStateVector(envelope))) {
    const before = writers[String(client)]
    writers[String(client)] = {
      count: Math.max(count, before?.count ?? 0),
      deviceId: devices.get(client) ?? before?.deviceId ?? null,
    }
  }
  return { v: 1, ...where, at: now.toISOString(), writers }
}

/**
 * The devices whose changes this device saw and the relay now serves fewer of (`null` for a writer
 * whose device is not known); empty when the relay holds at least everything in `mark`.
 * @example rolledBack(envelope, mark) // ['device-A']
 */
export function rolledBack(envelope: Y.Doc, mark: SeenMark): (string | null)[] {
  const now = Y.decodeStateVector(Y.encodeStateVector(envelope))
  const behind = new Set<string | null>()
  for (const [client, seen] of Object.entries(mark.writers)) {
    if ((now.get(Number(client)) ?? 0) < seen.count) behind.add(seen.deviceId)
  }
  return [...behind]
}
