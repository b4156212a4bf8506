import { Dexie } from 'dexie'
import { parseDocId, segmentPrefix } from '../../../shared/docs'
import type { SpaceDb } from '../db/space-db'

/** After every character a conversation id can hold: the end of one conversation's key range. */
const END = '\uffff'

/**
 * The segment numbers of a conversation that this device stores anything of (a snapshot or an
 * update row), in order. Every segment id of a conversation starts with the same prefix, so this is
 * one key range read per table; nothing is decoded.
 */
export async function storedSegments(db: SpaceDb, conversationId: string): Promise<number[]> {
  const prefix = segmentPrefix(conversationId)
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
  const found = new Set<number>()
  const add = (docId: unknown): void => {
    if (typeof docId !== 'string') return
    const parsed = parseDocId(docId)
    if (parsed?.kind === 'segment' && parsed.conversationId === conversationId) found.add(parsed.n)
  }
  for (const docId of snapshots) add(docId)
  for (const key of updates) add(Array.isArray(key) ? key[0] : undefined)
  return [...found].sort((a, b) => a - b)
}
