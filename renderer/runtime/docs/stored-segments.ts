import { Dexie } from 'dexie'
import { SEGMENT_IDS, parseDocId, segmentPrefix } from '../../../shared/docs'
import type { SpaceDb } from '../db/space-db'

/** After every character a conversation id can hold: the end of one conversation's key range. */
const END = '\uffff'

/**
 * The segment numbers of a conversation that this device stores anything of (a snapshot or an
 * update row), in order. Every segment id of a conversation starts with the same prefix, so this is
 * one key range read per table; nothing is decoded.
 */
export async function storedSegments(db: SpaceDb, conversationId: string): Promise<number[]> {
  return (await segmentsUnder(db, segmentPrefix(conversationId))).get(conversationId) ?? []
}

/**
 * `storedSegments` of every conversation, by conversation id: one key range read per table for
 * the whole space (a sync start lists every document), not one per conversation.
 */
export function allStoredSegments(db: SpaceDb): Promise<Map<string, number[]>> {
  return segmentsUnder(db, SEGMENT_IDS)
}

/** The segments stored under document ids that start with `prefix`, by conversation, in order. */
async function segmentsUnder(db: SpaceDb, prefix: string): Promise<Map<string, number[]>> {
  const [snapshots, updates] = await db.transaction('r', db.snapshots, db.updates, () =>
    Promise.all([
      db.snapshots
        .where(':id')
        .between(prefix, prefix + END)
        .primaryKeys(),
      db.updates
        .where('[docId+seq]')
        .between([prefix, Dexie.minKey], [prefix + END, Dexie.maxKey])
        .keys(),
    ]),
  )
  const found = new Map<string, Set<number>>()
  const add = (docId: unknown): void => {
    if (typeof docId !== 'string') return
    const parsed = parseDocId(docId)
    if (parsed?.kind !== 'segment' || !docId.startsWith(prefix)) return
    const numbers = found.get(parsed.conversationId) ?? new Set<number>()
    numbers.add(parsed.n)
    found.set(parsed.conversationId, numbers)
  }
  for (const docId of snapshots) add(docId)
  for (const key of updates) add(Array.isArray(key) ? key[0] : undefined)
  return new Map([...found].map(([id, ns]) => [id, [...ns].sort((a, b) => a - b)]))
}
