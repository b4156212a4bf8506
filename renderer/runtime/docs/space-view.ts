import * as Y from 'yjs'
import { z } from 'zod'
import { SPACE_DOC_ID, conversationsMap, memoryMap, metaMap } from '../../../shared/docs'
import type { MemoryItem } from '../../../shared/schema/current'
import type { SpaceDb } from '../db/space-db'
import { holds } from '../memory/freshness'
import { readMemoryEntries } from '../memory/memory-doc'
import { stateOrder } from '../memory/state-source'
import type { PersistedDoc } from './persisted-doc'
import { storedPosition, type StoredPosition } from './stored-rows'

/** Where the space document's read model is kept in `caches` (derived data: it can always be rebuilt). */
export const SPACE_VIEW_KEY = 'space-view'
/**
 * The layout of a stored space view; another layout is not read (the document is, and a new view
 * written). Format 3 keeps each memory record as a JSON string, parsed only when it is read:
 * IndexedDB copies strings in a moment, where 10,000 records as objects took most of a start. It
 * also keeps the open items in the state section's order (`order`), so a first prompt reads only
 * the items its state section lists.
 */
export const SPACE_VIEW_FORMAT = 3

/**
 * What the space document held at one stored position, for a start that does not decode it: its
 * meta, and its memory and conversation records as stored (any schema version; each is read with
 * `readRecord` like the document's own), each memory record as its JSON (see `ViewMemory`).
 * `order` is the JSON of `[id, kind, confirmedAt]` for each open item (current, not a finished
 * task or a resolved issue) at that position, newest confirmed first (`stateOrder`). `stateVector`
 * is the document's at that position, to check against the document once it is loaded.
 */
export const StoredSpaceView = z.object({
  format: z.literal(SPACE_VIEW_FORMAT),
  seq: z.number().int().nonnegative(),
  snapshotAt: z.string().nullable(),
  stateVector: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "a state vector's bytes"),
  meta: z.record(z.string(), z.unknown()),
  memoryIds: z.array(z.string()),
  memory: z.array(z.string()),
  order: z.string(),
  conversationIds: z.array(z.string()),
  conversations: z.array(z.unknown()),
})
export type StoredSpaceView = z.infer<typeof StoredSpaceView>

/** An open memory item's place in the state section's order: id, kind, confirmedAt. */
export type OrderEntry = [string, MemoryItem['kind'], string]

/** A stored view that was taken at the space document's current stored position. */
export type SpaceView = StoredSpaceView

/** The live space document as a view at `position` (the document must hold exactly that). */
export function captureSpaceView(doc: Y.Doc, position: StoredPosition): StoredSpaceView {
  const memory = [...memoryMap(doc).entries()]
  const conversations = conversationsMap(doc)
  // Read as every reader reads them: an unreadable or newer record is in no order.
  const open: OrderEntry[] = readMemoryEntries(memory)
    .items.filter(holds)
    .sort(stateOrder)
    .map((i) => [i.id, i.kind, i.confirmedAt])
  return {
    format: SPACE_VIEW_FORMAT,
    seq: position.seq,
    snapshotAt: position.snapshotAt,
    stateVector: Y.encodeStateVector(doc),
    meta: metaMap(doc).toJSON(),
    memoryIds: memory.map(([id]) => id),
    memory: memory.map(([, record]) => JSON.stringify(record)),
    order: JSON.stringify(open),
    conversationIds: [...conversations.keys()],
    conversations: [...conversations.values()],
  }
}

/**
 * Stores the view of the space document `state` as it is once its pending changes are written.
 * Resolves false when nothing was stored (a change was still pending, or the write failed): the
 * next start then reads the document itself. A view is only ever used at the exact stored position
 * it was taken at (`readSpaceView`), so one that a later change outdated is never read as current.
 */
export async function saveSpaceView(db: SpaceDb, state: PersistedDoc): Promise<boolean> {
  const view = await state.whenStored(captureSpaceView)
  if (view === null) return false
  await db.caches.put({ key: SPACE_VIEW_KEY, value: view })
  return true
}

/** Why a stored view was not used; `used` when it was. */
export type SpaceViewOutcome = 'used' | 'missing' | 'unreadable' | 'outdated'

/**
 * The stored view of the space document, if it was taken at the document's current stored
 * position (same last row, same snapshot) and reads as a view; otherwise null and why. Read in one
 * transaction with the position, so no write can fall between them.
 */
export async function readSpaceView(
  db: SpaceDb,
): Promise<{ view: SpaceView | null; outcome: SpaceViewOutcome }> {
  const { row, position } = await db.transaction(
    'r',
    [db.caches, db.snapshots, db.updates],
    async () => ({
      row: await db.caches.get(SPACE_VIEW_KEY),
      position: await storedPosition(db, SPACE_DOC_ID),
    }),
  )
  if (!row) return { view: null, outcome: 'missing' }
  const parsed = StoredSpaceView.safeParse(row.value)
  if (!parsed.success) return { view: null, outcome: 'unreadable' }
  const view = parsed.data
  if (
    view.memoryIds.length !== view.memory.length ||
    view.conversationIds.length !== view.conversations.length
  )
    return { view: null, outcome: 'unreadable' }
  if (view.seq !== position.seq || view.snapshotAt !== position.snapshotAt)
    return { view: null, outcome: 'outdated' }
  return { view, outcome: 'used' }
}

/**
 * Whether the loaded document holds what the view described: the same state vector (every set of
 * a map key moves it), the same keys (a deleted key leaves it unchanged) and the same meta.
 */
export function sameView(view: SpaceView, doc: Y.Doc): boolean {
  return (
    sameBytes(view.stateVector, Y.encodeStateVector(doc)) &&
    sameList(view.memoryIds, [...memoryMap(doc).keys()]) &&
    sameList(view.conversationIds, [...conversationsMap(doc).keys()]) &&
    JSON.stringify(view.meta) === JSON.stringify(metaMap(doc).toJSON())
  )
}

/** What a view and the loaded document disagree on: memory ids whose record differs, and whether the list does. */
export function viewDifferences(
  view: SpaceView,
  doc: Y.Doc,
): { memory: string[]; conversations: boolean } {
  // Compared as stored: a record whose JSON differs (or cannot be read) differs.
  const before = new Map(view.memoryIds.map((id, i) => [id, view.memory[i]]))
  const after = new Map(
    [...memoryMap(doc).entries()].map(([id, record]) => [id, JSON.stringify(record)]),
  )
  const memory = [...new Set([...before.keys(), ...after.keys()])].filter(
    (id) => before.get(id) !== after.get(id),
  )
  const list = JSON.stringify([
    [...conversationsMap(doc).keys()],
    [...conversationsMap(doc).values()],
    metaMap(doc).toJSON(),
  ])
  return {
    memory,
    conversations: JSON.stringify([view.conversationIds, view.conversations, view.meta]) !== list,
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])
