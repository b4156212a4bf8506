import type { MemoryItem, Message } from '../../../shared/schema/current'
import type { RetrievedMemory } from '../../../shared/contract/models'
import type { Retriever } from '../context'
import type { Space } from '../space/space'
import type { MessageRow } from '../db/space-db'
import {
  createSearchIndex,
  loadMemoryPack,
  memoryDoc,
  messageDoc,
  RecentTurns,
  type SearchDoc,
  type SearchIndex,
} from '../../../retrieval'
import { rowsToDocs } from './rows-to-docs'
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint } from './checkpoint'
import { isToolStep } from '../../../shared/schema/message-extensions'
import { backgroundStep } from './background-step'
import { appendAll } from '../../../shared/append-all'

/**
 * The warm index's memory from the index stored with the space's view (`Space.viewMemoryIndex`),
 * loaded without reading or tokenizing an item; null when there is none or it cannot be read (said
 * on the console): memory is then read and indexed after start, as for a space without one.
 */
function packedMemory(stored: unknown): SearchIndex | null {
  if (stored === undefined) return null
  const loaded = loadMemoryPack(stored)
  if (loaded.ok) return loaded.value
  console.error(`${loaded.error.message}; memory is indexed again from the view`)
  return null
}

/**
 * Messages indexed at start before the full index is loaded, so the first turn can search recent
 * history. Indexing them is most of state ready: 2,000 took about 50 ms more of every start than
 * 1,000, which is what a 1k-message space indexes (restore profile, 100k messages, load 5-9).
 */
export const WARM_MESSAGES = 1000
/** The full index is saved once this many documents changed (a snapshot of 100k messages takes seconds). */
const PERSIST_EVERY_DOCS = 500
const PERSIST_IDLE_MS = 30_000
/** Rows indexed per step of a catch-up; each step is one synchronous stretch of the runtime's thread. */
const CATCH_UP_CHUNK = 1000

export interface SearchService extends Retriever {
  onMessages(conversationId: string, messages: Message[]): void
  onMemory(items: MemoryItem[]): void
  /**
   * Resolves when the full index accounts for every message row and memory item: loaded, caught
   * up and, when the saved one was incomplete, rebuilt.
   */
  whenFull(): Promise<void>
  /** Saves the full index now if anything changed (used on quit). */
  persistNow(): Promise<void>
  /**
   * Builds the index again from what is stored and saves it at once: after a deletion for good, so
   * no part of the index (a message's text, the next message's context, a term) keeps deleted words.
   */
  rebuild(): Promise<void>
}

/** An index kept in step with the read model, with how far it has read it. */
type Tracked = Checkpoint & { index: SearchIndex; busy: Promise<void> }

/**
 * Retrieval over memory and every message. Restore stays flat with history: a warm index of memory and
 * the most recent messages is built right after start (a first search hurries it), while the persisted full index loads and catches up from
 * its checkpoint in the background. Until then, searches use the warm one. A saved index that does not
 * account for every message row (a gap, a damaged snapshot, rows deleted behind it) keeps serving
 * what it has while a complete one is rebuilt beside it, which then takes its place.
 */
export async function createSearchService(space: Space): Promise<SearchService> {
  /** The warm index once built (see `warmBuild`); until then, docs that arrive wait in `early`. */
  let warm = null as SearchIndex | null
  const early: SearchDoc[] = []
  let full: Tracked | null = null
  let repairing = false
  let changed = 0
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  const recent = new RecentTurns()
  /** Docs that arrived while an index was being built, applied to it when it is ready. */
  let pending: SearchDoc[] | null = []

  const signature = (i: MemoryItem): string => `${i.status}|${i.confirmedAt}|${i.text}`
  /** What each memory item was when it was last indexed, so an unchanged one is not indexed again. */
  const seen = new Map<string, string>()
  const recentRows = await space.recentlyWrittenMessages(WARM_MESSAGES)
  /** Resolves once a search is waiting: the warm start then stops yielding to other work. */
  let hurry: () => void = () => undefined
  const hurried = new Promise<void>((resolve) => {
    hurry = resolve
  })
  const warmStep = (): Promise<void> => Promise.race([backgroundStep(), hurried])
  /** Memory as it is now, read after `step` (with 10k items, reading and checking them takes a while). */
  const readMemory = async (step: () => Promise<void>): Promise<MemoryItem[]> => {
    await step()
    return (await space.memory()).items
  }
  /**
   * The warm index, built after start (nothing needs it before a search, which hurries it): the
   * memory index stored with the view when there is one, the recent messages, then what arrived
   * meanwhile. True when memory came from the stored index.
   */
  const warmBuild = (async (): Promise<boolean> => {
    await warmStep()
    // Read now, behind the start (with 10,000 items, several MB); undefined once the document has
    // loaded, whose memory is then read and indexed instead.
    const packed = packedMemory(await space.viewMemoryIndex())
    const index = packed ?? createSearchIndex()
    index.add(rowsToDocs(recentRows, new RecentTurns()).docs)
    index.add(early.splice(0))
    warm = index
    return packed !== null
  })()
  /** Memory as it was at start, read for the warm index when it had no stored index of it. */
  let memoryAtStart: Promise<MemoryItem[]> | null = null
  /** Memory items indexed since start by a change; the warm start must not put an older version back. */
  const putSinceStart = new Set<string>()
  /**
   * Without a stored index of memory, memory goes into the warm index in background steps after
   * start (10k items take a while to tokenize); a search waits for it, so no search runs on part
   * of memory, and the steps that are left run at once.
   */
  const warmMemory = (async () => {
    if (await warmBuild) return
    memoryAtStart = readMemory(warmStep)
    const items = await memoryAtStart
    for (const i of items) if (!seen.has(i.id)) seen.set(i.id, signature(i))
    for (let start = 0; start < items.length; start += CATCH_UP_CHUNK) {
      await warmStep()
      warm?.add(
        items
          .slice(start, start + CATCH_UP_CHUNK)
          .filter((i) => !putSinceStart.has(i.id))
          .map(memoryDoc),
      )
    }
  })()

  const addDocs = (t: Tracked, docs: readonly SearchDoc[]): void => {
    t.index.add(docs)
    for (const doc of docs) t.skipped.delete(doc.id)
  }

  /** Indexes rows in steps, letting searches run between them (one update may hold 100k rows). */
  const indexRows = async (t: Tracked, rows: MessageRow[]): Promise<void> => {
    const ordered = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    for (let start = 0; start < ordered.length; start += CATCH_UP_CHUNK) {
      await backgroundStep()
      const { docs, skipped } = rowsToDocs(ordered.slice(start, start + CATCH_UP_CHUNK), recent)
      addDocs(t, docs)
      for (const id of skipped) {
        t.index.remove(id)
        t.skipped.add(id)
      }
    }
  }

  /** Reads and indexes every row written after the index's cursor; one catch-up at a time per index. */
  const catchUp = (t: Tracked): Promise<void> => {
    const run = async (): Promise<void> => {
      for (;;) {
        await backgroundStep()
        const { rows, cursor } = await space.messagesWrittenAfter(t.cursor, CATCH_UP_CHUNK)
        if (rows.length === 0) return
        await indexRows(t, rows)
        t.cursor = cursor
        changed += rows.length
      }
    }
    t.busy = t.busy.then(run)
    return t.busy
  }

  /** Whether the index accounts for every message row (indexed, or left out on purpose). */
  const isComplete = async (t: Tracked): Promise<boolean> => {
    await catchUp(t)
    const total = await space.messageRowCount()
    return t.index.idsOf('message').length + t.skipped.size === total
  }

  /**
   * Memory as it is now, in place of whatever memory docs the index holds. Only items that moved
   * since the index was saved are indexed again, in steps (10k unchanged items cost a lookup each).
   */
  const setMemory = async (t: Tracked, now: readonly MemoryItem[]): Promise<void> => {
    const current = new Set(now.map((i) => i.id))
    for (const id of t.index.idsOf('memory')) if (!current.has(id)) t.index.remove(id)
    const moved = now.map(memoryDoc).filter((doc) => {
      const had = t.index.stored(doc.id)
      return (
        had === undefined ||
        had.text !== doc.text ||
        had.status !== doc.status ||
        had.createdAt !== doc.createdAt ||
        had.memoryKind !== doc.memoryKind ||
        had.conversationId !== doc.conversationId
      )
    })
    for (let start = 0; start < moved.length; start += CATCH_UP_CHUNK) {
      await backgroundStep()
      t.index.add(moved.slice(start, start + CATCH_UP_CHUNK))
    }
  }

  const fresh = (): Tracked => ({
    index: createSearchIndex(),
    cursor: 0,
    skipped: new Set(),
    busy: Promise.resolve(),
  })

  /**
   * The saved index and its checkpoint, loaded a part at a time at background priority so that
   * requests meanwhile (the first reply's prompt) are not held up; a fresh one when it is missing
   * or cannot be read.
   */
  const loadSaved = async (): Promise<Tracked> => {
    const saved = await space.savedSearchIndex(backgroundStep)
    if (saved === null) return fresh()
    const checkpoint = decodeCheckpoint(saved.index.watermark())
    if (checkpoint === null) return fresh()
    // Saved in the layout before parts: saved again in parts soon, so the next start loads in steps.
    if (saved.oneString) changed = Math.max(changed, PERSIST_EVERY_DOCS)
    return { index: saved.index, ...checkpoint, busy: Promise.resolve() }
  }

  /**
   * Brings `t` up to date with memory and every row, then applies what arrived since `pending` was
   * started (before `memoryNow` was read).
   */
  const bringUp = async (t: Tracked, memoryNow: readonly MemoryItem[]): Promise<void> => {
    await setMemory(t, memoryNow)
    await catchUp(t)
    addDocs(t, pending ?? [])
    pending = null
  }

  const persist = async (): Promise<void> => {
    persistTimer = null
    // While a rebuild runs, the index in use is the incomplete one: saving it would keep its gaps.
    if (!full || repairing || changed === 0) return
    const t = full
    await catchUp(t)
    changed = 0
    t.index.setWatermark(encodeCheckpoint(t))
    await space.saveSearchIndex(t.index)
  }

  const noteChanges = (n: number): void => {
    changed += n
    if (persistTimer !== null) clearTimeout(persistTimer)
    // Save when enough has changed, after a quiet moment, so typing never waits on a snapshot.
    if (changed >= PERSIST_EVERY_DOCS)
      persistTimer = setTimeout(() => void persist(), PERSIST_IDLE_MS)
  }

  const loadFull = (async () => {
    const saved = await loadSaved()
    await bringUp(saved, await (memoryAtStart ?? readMemory(backgroundStep)))
    full = saved
    // Checked twice: rows committed between the catch-up and the count make the first check miss.
    if (!(await isComplete(saved)) && !(await isComplete(saved))) {
      repairing = true
      const rebuilt = fresh()
      pending = []
      const memoryNow = (await space.memory()).items
      await bringUp(rebuilt, memoryNow)
      full = rebuilt
      repairing = false
      changed = Math.max(changed, PERSIST_EVERY_DOCS)
    }
    if (changed >= PERSIST_EVERY_DOCS) noteChanges(0)
  })().catch((e: unknown) => console.error('search index failed to load', e))

  /** Rebuilds run one at a time; one asked for while another runs is folded into the next. */
  let rebuilding: Promise<void> | null = null
  let again = false
  const rebuildOnce = async (): Promise<void> => {
    await loadFull
    repairing = true
    const rebuilt = fresh()
    try {
      recent.clear()
      pending = []
      await bringUp(rebuilt, (await space.memory()).items)
      full = rebuilt
      // The warm index only serves before the full one exists; it must not keep deleted words either.
      await warmBuild
      warm = createSearchIndex()
    } finally {
      repairing = false
    }
    changed = 0
    rebuilt.index.setWatermark(encodeCheckpoint(rebuilt))
    await space.saveSearchIndex(rebuilt.index)
  }
  const rebuild = (): Promise<void> => {
    if (rebuilding) {
      again = true
      return rebuilding
    }
    rebuilding = (async () => {
      do {
        again = false
        await rebuildOnce()
      } while (again)
    })().finally(() => {
      rebuilding = null
    })
    return rebuilding
  }

  const put = (docs: SearchDoc[]): void => {
    for (const doc of docs) if (doc.kind === 'memory') putSinceStart.add(doc.id)
    if (warm) warm.add(docs)
    else appendAll(early, docs)
    if (full) addDocs(full, docs)
    if (pending) appendAll(pending, docs)
    noteChanges(docs.length)
  }

  return {
    async search(query, opts): Promise<RetrievedMemory[]> {
      if (!full) {
        hurry()
        await warmMemory
      }
      return (full?.index ?? warm ?? createSearchIndex())
        .search(query, {
          k: opts.k,
          now: opts.now,
          ...(opts.conversationId !== undefined ? { conversationId: opts.conversationId } : {}),
          ...(opts.roles !== undefined ? { roles: opts.roles } : {}),
        })
        .map((h) => ({
          id: h.id,
          kind: h.kind,
          score: Math.round(h.score * 1000) / 1000,
          text: h.kind === 'message' ? h.snippet : h.text,
          conversationId: h.conversationId,
          createdAt: h.createdAt,
        }))
    },
    onMessages(conversationId, messages) {
      const docs = messages
        .filter((m) => !isToolStep(m))
        .map((m) => {
          const doc = messageDoc(conversationId, m, recent.before(conversationId))
          recent.add(conversationId, m.text)
          return doc
        })
      put(docs)
    },
    onMemory(items) {
      // Memory events carry every item; only the ones whose text or status moved need reindexing.
      const moved = items.filter((i) => {
        const now = signature(i)
        if (seen.get(i.id) === now) return false
        seen.set(i.id, now)
        return true
      })
      if (moved.length > 0) put(moved.map(memoryDoc))
    },
    whenFull: () => loadFull.then(() => undefined),
    persistNow: persist,
    rebuild,
  }
}
