import * as Y from 'yjs'
import { z } from 'zod'
import { SPACE_DOC_ID, conversationsMap, memoryMap, metaMap } from '../../../shared/docs'
import { err, ok, type Result } from '../../../shared/errors'
import type { SpaceDb } from '../db/space-db'
import type { PersistedDoc } from './persisted-doc'
import { storedPosition, type StoredPosition } from './stored-rows'

/** Where the space document's read model is kept in `caches` (derived data: it can always be rebuilt). */
export const SPACE_VIEW_KEY = 'space-view'
/**
 * The layout of a stored space view; another layout is not read (the document is, and a new view
 * written). Format 2 keeps memory as one JSON string, read only when memory is first asked for:
 * IndexedDB copies one string in a moment, where 10,000 records as objects took most of a start.
 */
export const SPACE_VIEW_FORMAT = 2

/**
 * What the space document held at one stored position, for a start that does not decode it: its
 * meta, and its memory and conversation records as stored (any schema version; each is read with
 * `readRecord` like the document's own), memory as the JSON of its `[id, record]` entries (see
 * `viewMemoryEntries`). `stateVector` is the document's at that position, to check against the
 * document once it is loaded.
 */
export const StoredSpaceView = z.object({
  format: z.literal(SPACE_VIEW_FORMAT),
  seq: z.number().int().nonnegative(),
  snapshotAt: z.string().nullable(),
  stateVector: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "a state vector's bytes"),
  meta: z.record(z.string(), z.unknown()),
  memory: z.string(),
  conversationIds: z.array(z.string()),
  conversations: z.array(z.unknown()),
})
export type StoredSpaceView = z.infer<typeof StoredSpaceView>

/** A stored view that was taken at the space document's current stored position. */
export type SpaceView = StoredSpaceView

/** The live space document as a view at `position` (the document must hold exactly that). */
export function captureSpaceView(doc: Y.Doc, position: StoredPosition): StoredSpaceView {
  const memory = memoryMap(doc)
  const conversations = conversationsMap(doc)
  return {
    format: SPACE_VIEW_FORMAT,
    seq: position.seq,
    snapshotAt: position.snapshotAt,
    stateVector: Y.encodeStateVector(doc),
    meta: metaMap(doc).toJSON(),
    memory: JSON.stringify([...memory.entries()]),
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
  if (view.conversationIds.length !== view.conversations.length)
    return { view: null, outcome: 'unreadable' }
  if (view.seq !== position.seq || view.snapshotAt !== position.snapshotAt)
    return { view: null, outcome: 'outdated' }
  return { view, outcome: 'used' }
}

/**
 * The memory entries of a view, `[id, record]` as the document held them, parsed from its JSON; an
 * error (a `validation` naming what is wrong) when they cannot be read, and the document must be.
 * Checked with a plain loop, not zod: 10,000 entries are read on the way to the first prompt, and
 * each record is then checked by `readRecord` like the document's own.
 */
export function viewMemoryEntries(view: SpaceView): Result<[string, unknown][]> {
  let raw: unknown
  try {
    raw = JSON.parse(view.memory)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err('validation', `the stored space view's memory is not JSON: ${reason}`, 'memory')
  }
  if (!Array.isArray(raw))
    return err('validation', "the stored space view's memory is not a list", 'memory')
  const entries: unknown[] = raw
  const ids = new Set<string>()
  for (const [i, entry] of entries.entries()) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string')
      return err(
        'validation',
        `the stored space view's memory entry ${i} is not [id, record]`,
        `memory[${i}]`,
      )
    if (ids.has(entry[0]))
      return err(
        'validation',
        `the stored space view's memory holds ${entry[0]} twice`,
        `memory[${i}]`,
      )
    ids.add(entry[0])
  }
  return ok(entries as [string, unknown][])
}

/**
 * Whether the loaded document holds what the view described: the same state vector (every set of
 * a map key moves it), the same keys (a deleted key leaves it unchanged) and the same meta.
 */
export function sameView(view: SpaceView, doc: Y.Doc): boolean {
  const now = captureSpaceView(doc, { seq: view.seq, snapshotAt: view.snapshotAt })
  const memory = viewMemoryEntries(view)
  return (
    sameBytes(view.stateVector, now.stateVector) &&
    memory.ok &&
    sameList(
      memory.value.map(([id]) => id),
      [...memoryMap(doc).keys()],
    ) &&
    sameList(view.conversationIds, now.conversationIds) &&
    JSON.stringify(view.meta) === JSON.stringify(now.meta)
  )
}

/** What a view and the loaded document disagree on: memory ids whose record differs, and whether the list does. */
export function viewDifferences(
  view: SpaceView,
  doc: Y.Doc,
): { memory: string[]; conversations: boolean } {
  const now = captureSpaceView(doc, { seq: view.seq, snapshotAt: view.snapshotAt })
  // A view whose memory cannot be read differs from the document in every item.
  const read = viewMemoryEntries(view)
  const before = new Map(
    (read.ok ? read.value : []).map(([id, record]) => [id, JSON.stringify(record)]),
  )
  const after = new Map(
    [...memoryMap(doc).entries()].map(([id, record]) => [id, JSON.stringify(record)]),
  )
  const memory = [...new Set([...before.keys(), ...after.keys()])].filter(
    (id) => before.get(id) !== after.get(id),
  )
  const list = (v: StoredSpaceView): string =>
    JSON.stringify([v.conversationIds, v.conversations, v.meta])
  return { memory, conversations: list(view) !== list(now) }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])
