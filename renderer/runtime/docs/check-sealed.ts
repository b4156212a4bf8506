import { Dexie } from 'dexie'
import { conversationDocId, segmentDocId } from '../../../shared/docs'
import { sameData } from '../../../shared/session/same-data'
import type { MessageRow, PagedMessage, SnapshotRow, SpaceDb, UpdateRow } from '../db/space-db'
import { sealedMarkKey, type SealedCheckMark } from './commit-sealed'
import { newConversationPages, pageMessages } from './message-pages'
import { messageTables } from './message-store'
import { projectParts } from './fold-sealed'
import { positionOf, readStoredRows, storedPosition, type StoredPosition } from './stored-rows'
import { storedSegments } from './stored-segments'

/** What checking a conversation's pages against its stored state found. */
export type SealedCheck =
  /** The pages hold what the state does (or the conversation is gone): the mark is removed. */
  | { type: 'agreed' }
  /**
   * They disagreed, and the pages were rebuilt from the state. `removed`: ids whose stored
   * message went (not in the state, or different there); `written`: messages written from the
   * state; `sent`: what the pages held of the messages that differed (at most `SENT_KEPT`).
   */
  | {
      type: 'repaired'
      difference: string
      removed: string[]
      written: MessageRow[]
      sent: PagedMessage[]
    }
  /** The state does not replay (quarantined when the document opens); the pages stay, the mark goes. */
  | { type: 'unreadable'; reason: string }
  /** The conversation changed while it was being checked: check again later. */
  | { type: 'moved' }

/** How many of the disagreeing messages the report keeps as they were sent. */
export const SENT_KEPT = 20

/**
 * Checks the pages of a conversation stored from sealed items (`commitSealed`) against the Yjs
 * states of its documents (its own and its segments'), which it decodes into scratch documents with
 * the same projection every stored change goes through: the messages the states hold, each with its
 * id, order key and record, are the ones the pages must hold. When they disagree, the pages are
 * rebuilt from the states in one strict transaction (only if nothing was stored for the conversation
 * meanwhile). The mark goes once the pages agree or are rebuilt. Heavy (a whole decode): run when
 * the device is idle.
 */
export async function checkSealed(db: SpaceDb, mark: SealedCheckMark): Promise<SealedCheck> {
  const { conversationId } = mark
  const docId = conversationDocId(conversationId)
  const read = await db.transaction(
    'r',
    [db.updates, db.snapshots, db.messagePages, db.pageDirs],
    async () => {
      const { snapshot, rows } = await readStoredRows(db, docId)
      const dir = await db.pageDirs.get(conversationId)
      const pages = dir
        ? await db.messagePages.bulkGet(dir.pages.map((p) => [conversationId, p.no]))
        : []
      // Every document of the conversation writes into the same pages: its own and its segments.
      const docs: { docId: string; parts: unknown[] }[] = [
        { docId, parts: partsOf(snapshot, rows) },
      ]
      let seq = positionOf(snapshot, rows).seq
      for (const n of await storedSegments(db, conversationId)) {
        const segment = segmentDocId(conversationId, n)
        const stored = await readStoredRows(db, segment)
        docs.push({ docId: segment, parts: partsOf(stored.snapshot, stored.rows) })
        seq = Math.max(seq, positionOf(stored.snapshot, stored.rows).seq)
      }
      return {
        docs: docs.filter((d) => d.parts.length > 0),
        seq,
        segmentsAt: await segmentPositions(db, conversationId),
        position: await storedPosition(db, docId),
        stored: pages.flatMap((page) => pageMessages(page)),
      }
    },
  )
  if (read.docs.length === 0) {
    await db.kv.delete(sealedMarkKey(conversationId))
    return { type: 'agreed' }
  }
  const expected = new Map<string, MessageRow>()
  for (const doc of read.docs) {
    const projected = projectParts(conversationId, doc.parts)
    if (!projected.ok) {
      // Opening the document quarantines what does not replay; checking again cannot help.
      await db.kv.delete(sealedMarkKey(conversationId))
      const which = doc.docId === docId ? '' : ` (${doc.docId})`
      return { type: 'unreadable', reason: `${projected.reason}${which}` }
    }
    for (const [id, row] of projected.messages) expected.set(id, row)
  }
  const removed: string[] = []
  const sent: PagedMessage[] = []
  const matched = new Set<string>()
  let difference: string | null = null
  for (const m of read.stored) {
    const e = expected.get(m.id)
    if (e && e.createdAt === m.createdAt && sameData(e.record, m.record)) {
      matched.add(m.id)
      continue
    }
    difference ??= e
      ? `the message "${m.id}" differs from the state's`
      : `the message "${m.id}" is not in the state`
    removed.push(m.id)
    if (sent.length < SENT_KEPT) sent.push(m)
  }
  const written = [...expected.values()].filter((row) => !matched.has(row.id))
  const missing = written.find((row) => !removed.includes(row.id))
  if (missing) difference ??= `the state's message "${missing.id}" is missing`
  if (difference === null) {
    await db.kv.delete(sealedMarkKey(conversationId))
    return { type: 'agreed' }
  }
  const rebuilt = await db.transaction(
    'rw',
    [db.updates, db.snapshots, ...messageTables(db)],
    async () => {
      if (!samePosition(await storedPosition(db, docId), read.position)) return false
      if ((await segmentPositions(db, conversationId)) !== read.segmentsAt) return false
      const rows = [...expected.values()].map((row) => ({ ...row, seq: read.seq }))
      const laid = newConversationPages(conversationId, rows)
      await db.messagePages
        .where('[conversationId+no]')
        .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
        .delete()
      if (laid.pages.length > 0) await db.messagePages.bulkPut(laid.pages)
      await db.pageDirs.put(laid.dir)
      await db.kv.delete(sealedMarkKey(conversationId))
      return true
    },
  )
  if (!rebuilt) return { type: 'moved' }
  return {
    type: 'repaired',
    difference,
    removed,
    written: written.map((row) => ({ ...row, seq: read.seq })),
    sent,
  }
}

const samePosition = (a: StoredPosition, b: StoredPosition): boolean =>
  a.seq === b.seq && a.snapshotAt === b.snapshotAt

/** A document's stored parts in replay order: its snapshot, then its update rows. */
const partsOf = (snapshot: SnapshotRow | undefined, rows: readonly UpdateRow[]): unknown[] => [
  ...(snapshot ? [snapshot.state] : []),
  ...rows.map((r) => r.update),
]

/** Where each stored segment of a conversation is, as one comparable string. */
async function segmentPositions(db: SpaceDb, conversationId: string): Promise<string> {
  const positions: string[] = []
  for (const n of await storedSegments(db, conversationId)) {
    const at = await storedPosition(db, segmentDocId(conversationId, n))
    positions.push(`${n}:${at.seq}:${at.snapshotAt ?? ''}`)
  }
  return positions.join(',')
}
