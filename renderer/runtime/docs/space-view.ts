import * as Y from 'yjs'
import { z } from 'zod'
import { SPACE_DOC_ID, conversationsMap, memoryMap, metaMap } from '../../../shared/docs'
import type { MemoryItem } from '../../../shared/schema/current'
import { err, ok, type Result } from '../../../shared/errors'
import type { SpaceDb } from '../db/space-db'
import { holds } from '../memory/freshness'
import { readMemoryEntries } from '../memory/memory-doc'
import { stateOrder } from '../memory/state-source'
import type { PersistedDoc } from './persisted-doc'
import type { MemoryPacker } from './memory-packer'
import { storedPosition, type StoredPosition } from './stored-rows'

/** Where the space document's read model is kept in `caches` (derived data: it can always be rebuilt). */
export const SPACE_VIEW_KEY = 'space-view'
/** Where the memory of that view is kept in `caches`, written in the same transaction (see `StoredViewMemory`). */
export const SPACE_VIEW_MEMORY_KEY = 'space-view-memory'
/** Both rows of a stored view, for a caller that deletes it. */
export const SPACE_VIEW_KEYS = [SPACE_VIEW_KEY, SPACE_VIEW_MEMORY_KEY]
/**
 * The layout of a stored space view; another layout is not read (the document is, and a new view
 * written). Format 3 kept each memory record as a JSON string, parsed only when it is read:
 * IndexedDB copies strings in a moment, where 10,000 records as objects took most of a start. It
 * also kept the open items in the state section's order, so a first prompt reads only the items
 * its state section lists. Format 4 keeps that order in columns (ids, one letter per kind, times
 * as numbers): parsing it as JSON and reading 10,000 dates twice took 15–25 ms of a first prompt.
 * Format 5 keeps memory (its records, order and search index) in a row of its own beside the view,
 * read when something first asks for memory: with 10,000 items it is about 5.5 MB, and reading it
 * was most of state ready (23 ms of 47 at load 6, against 3 ms with 100 items), where a start
 * needs only the name and the conversation list.
 */
export const SPACE_VIEW_FORMAT = 5

/**
 * Whether `value` is a list of strings, checked with a loop: zod's array of strings took 10–15 ms of
 * a fresh page's start for a view of 10,000 items (two such lists).
 */
function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false
  for (const x of value as unknown[]) if (typeof x !== 'string') return false
  return true
}

/** A view's layout and where it was taken: the space document's stored position (see `readSpaceView`). */
const Stamp = {
  format: z.literal(SPACE_VIEW_FORMAT),
  seq: z.number().int().nonnegative(),
  snapshotAt: z.string().nullable(),
}

/**
 * What the space document held at one stored position, for a start that does not decode it: its
 * meta and its conversation records as stored (any schema version; each is read with `readRecord`
 * like the document's own). `stateVector` is the document's at that position, to check against
 * the document once it is loaded. Its memory is in a row of its own (`StoredViewMemory`).
 */
export const StoredSpaceView = z.object({
  ...Stamp,
  stateVector: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "a state vector's bytes"),
  meta: z.record(z.string(), z.unknown()),
  conversationIds: z.array(z.string()),
  conversations: z.array(z.unknown()),
})
export type StoredSpaceView = z.infer<typeof StoredSpaceView>

/**
 * The memory of a stored view, taken at the same position and written in the same transaction:
 * each record as its JSON (see `ViewMemory`) under `memoryIds`; `order`, the open items (current,
 * not a finished task or a resolved issue) newest confirmed first (`stateOrder`), as columns (see
 * `ViewOrder`; checked when read); and `search`, when present, the search index of that memory
 * (every readable item, as `memoryDoc` makes it), a `MemoryPack` checked by retrieval when it is
 * loaded: a start searches memory from it without reading or tokenizing the items.
 */
export const StoredViewMemory = z.object({
  ...Stamp,
  memoryIds: z.custom<string[]>(isStringList, 'a list of strings'),
  memory: z.custom<string[]>(isStringList, 'a list of strings'),
  order: z.unknown(),
  search: z.unknown().optional(),
})
export type StoredViewMemory = z.infer<typeof StoredViewMemory>

/**
 * The open items in the state section's order, in columns: `ids[i]`, its kind as one letter of
 * `kinds` (`KIND_LETTERS`), its confirmedAt as epoch milliseconds in `times[i]`.
 */
export interface ViewOrder {
  ids: string[]
  kinds: string
  times: Float64Array
}

/** Each kind's letter in `ViewOrder.kinds`. */
export const KIND_LETTERS: Record<MemoryItem['kind'], string> = {
  preference: 'p',
  fact: 'f',
  task: 't',
  issue: 'i',
}

/** A stored view that was taken at the space document's current stored position. */
export type SpaceView = StoredSpaceView

/** What `captureSpaceView` gives: both rows, all but the memory's search index (see `saveSpaceView`). */
export interface CapturedView {
  view: StoredSpaceView
  memory: StoredViewMemory
  /** The memory items as every reader reads them. */
  items: MemoryItem[]
}

/** The live space document as a view at `position` (the document must hold exactly that). */
export function captureSpaceView(doc: Y.Doc, position: StoredPosition): CapturedView {
  const memory = [...memoryMap(doc).entries()]
  const conversations = conversationsMap(doc)
  // Read as every reader reads them: an unreadable or newer record is in no order and no index.
  const items = readMemoryEntries(memory).items
  const open = items.filter(holds).sort(stateOrder)
  const order: ViewOrder = {
    ids: open.map((i) => i.id),
    kinds: open.map((i) => KIND_LETTERS[i.kind]).join(''),
    times: Float64Array.from(open, (i) => Date.parse(i.confirmedAt)),
  }
  const stamp: Pick<StoredSpaceView, 'format' | 'seq' | 'snapshotAt'> = {
    format: SPACE_VIEW_FORMAT,
    seq: position.seq,
    snapshotAt: position.snapshotAt,
  }
  const view: StoredSpaceView = {
    ...stamp,
    stateVector: Y.encodeStateVector(doc),
    meta: metaMap(doc).toJSON(),
    conversationIds: [...conversations.keys()],
    conversations: [...conversations.values()],
  }
  const stored: StoredViewMemory = {
    ...stamp,
    memoryIds: memory.map(([id]) => id),
    memory: memory.map(([, record]) => JSON.stringify(record)),
    order,
  }
  return { view, memory: stored, items }
}

/**
 * Stores the view of the space document `state` as it is once its pending changes are written,
 * with the search index of its memory (`packer` indexes what changed since its last pack). Resolves
 * false when nothing was stored (a change was still pending, or the write failed): the next start
 * then reads the document itself. A view is only ever used at the exact stored position it was
 * taken at (`readSpaceView`), so one that a later change outdated is never read as current, and
 * neither is its index, which is in the same row.
 */
export async function saveSpaceView(
  db: SpaceDb,
  state: PersistedDoc,
  packer: MemoryPacker,
): Promise<boolean> {
  const captured = await state.whenStored(captureSpaceView)
  if (captured === null) return false
  // Indexed outside the document's queue (the first pack of a session tokenizes every item): the
  // items were read at the view's position, so the index is of exactly the memory it holds.
  const search = await packer.pack(captured.items)
  // One transaction: a start never reads a view beside the memory of another position.
  await db.caches.bulkPut([
    { key: SPACE_VIEW_KEY, value: captured.view },
    { key: SPACE_VIEW_MEMORY_KEY, value: { ...captured.memory, search } },
  ])
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
 * The memory row of `view`, read when first asked for: an error when it is missing, cannot be
 * read, or was not written with this view (another position); the caller then reads the document.
 */
export async function readViewMemory(
  db: SpaceDb,
  view: SpaceView,
): Promise<Result<StoredViewMemory>> {
  const row = await db.caches.get(SPACE_VIEW_MEMORY_KEY)
  const problem = (why: string): Result<never> =>
    err('validation', `the stored space view's memory ${why}`, SPACE_VIEW_MEMORY_KEY)
  if (!row) return problem('is missing')
  const parsed = StoredViewMemory.safeParse(row.value)
  if (!parsed.success) return problem('cannot be read')
  const memory = parsed.data
  if (memory.memoryIds.length !== memory.memory.length)
    return problem('lists ids and records apart')
  if (memory.seq !== view.seq || memory.snapshotAt !== view.snapshotAt)
    return problem('was taken at another position')
  return ok(memory)
}

/**
 * Whether the loaded document holds what the view described: the same state vector (every set of
 * a map key moves it), the same keys (a deleted key leaves it unchanged) and the same meta. Memory
 * keys are compared when the view's memory was read (`memory`); when it was not, nothing was shown
 * from it.
 */
export function sameView(view: SpaceView, memory: StoredViewMemory | null, doc: Y.Doc): boolean {
  return (
    sameBytes(view.stateVector, Y.encodeStateVector(doc)) &&
    (memory === null || sameList(memory.memoryIds, [...memoryMap(doc).keys()])) &&
    sameList(view.conversationIds, [...conversationsMap(doc).keys()]) &&
    JSON.stringify(view.meta) === JSON.stringify(metaMap(doc).toJSON())
  )
}

/**
 * What a view and the loaded document disagree on: memory ids whose record differs (when the view's
 * memory was read), and whether the list does.
 */
export function viewDifferences(
  view: SpaceView,
  stored: StoredViewMemory | null,
  doc: Y.Doc,
): { memory: string[]; conversations: boolean } {
  // Compared as stored: a record whose JSON differs (or cannot be read) differs.
  const before = new Map(stored?.memoryIds.map((id, i) => [id, stored.memory[i]]))
  const after = new Map(
    [...memoryMap(doc).entries()].map(([id, record]) => [id, JSON.stringify(record)]),
  )
  const memory = stored
    ? [...new Set([...before.keys(), ...after.keys()])].filter(
        (id) => before.get(id) !== after.get(id),
      )
    : []
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
