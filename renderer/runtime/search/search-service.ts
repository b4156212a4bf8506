import type { MemoryItem, Message } from '../../../shared/schema/current'
import type { RetrievedMemory } from '../../../shared/contract/models'
import type { Retriever } from '../context'
import type { Space } from '../space/space'
import { SEARCH_INDEX_KEY } from '../db/space-db'
import {
  createSearchIndex,
  loadSearchIndex,
  memoryDoc,
  messageDoc,
  type SearchIndex,
} from '../../../retrieval'
import { rowsToDocs } from './rows-to-docs'
import { isToolStep } from '../../../shared/schema/message-extensions'

/** Messages indexed at start before the full index is loaded, so the first turn can search recent history. */
export const WARM_MESSAGES = 2000
/** The full index is saved once this many documents changed (a snapshot of 100k messages takes seconds). */
const PERSIST_EVERY_DOCS = 500
const PERSIST_IDLE_MS = 30_000
/** Rows indexed per step of a catch-up; each step is one synchronous stretch of the runtime's thread. */
const CATCH_UP_CHUNK = 1000

export interface SearchService extends Retriever {
  onMessages(conversationId: string, messages: Message[]): void
  onMemory(items: MemoryItem[]): void
  /** Resolves when the full index (every message) is loaded and caught up. */
  whenFull(): Promise<void>
  /** Saves the full index now if anything changed (used on quit). */
  persistNow(): Promise<void>
}

/**
 * Retrieval over memory and every message. Restore stays flat with history: a warm index of memory and
 * the most recent messages is built at start, while the persisted full index loads and catches up from
 * its watermark (the read model's update sequence) in the background. Until then, searches use the warm one.
 */
export async function createSearchService(space: Space): Promise<SearchService> {
  const db = space.db
  const warm = createSearchIndex()
  let full: SearchIndex | null = null
  let changed = 0
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  const lastText = new Map<string, string>()
  const early: Parameters<SearchIndex['add']>[0][number][] = []

  const items = (await space.memory()).items
  const seen = new Map(items.map((i) => [i.id, `${i.status}|${i.confirmedAt}|${i.text}`]))
  const memory = items.map(memoryDoc)
  warm.add(memory)
  const recentRows = await db.messages.orderBy('seq').reverse().limit(WARM_MESSAGES).toArray()
  warm.add(rowsToDocs(recentRows, new Map()))

  const watermarkOf = (index: SearchIndex): number => Number(index.watermark() ?? '0') || 0

  const catchUp = async (index: SearchIndex): Promise<void> => {
    for (;;) {
      const rows = await db.messages
        .where('seq')
        .above(watermarkOf(index))
        .limit(CATCH_UP_CHUNK)
        .toArray()
      if (rows.length === 0) return
      index.add(rowsToDocs(rows, lastText))
      index.setWatermark(String(Math.max(...rows.map((r) => r.seq ?? 0))))
      changed += rows.length
    }
  }

  const persist = async (): Promise<void> => {
    persistTimer = null
    if (!full || changed === 0) return
    await catchUp(full)
    changed = 0
    await db.caches.put({ key: SEARCH_INDEX_KEY, value: full.toJSON() })
  }

  const noteChanges = (n: number): void => {
    changed += n
    if (persistTimer !== null) clearTimeout(persistTimer)
    // Save when enough has changed, after a quiet moment, so typing never waits on a snapshot.
    if (changed >= PERSIST_EVERY_DOCS)
      persistTimer = setTimeout(() => void persist(), PERSIST_IDLE_MS)
  }

  const loadFull = (async () => {
    const row = await db.caches.get(SEARCH_INDEX_KEY)
    // A snapshot that is missing or fails validation is rebuilt from the read model; nothing is lost.
    const loaded = typeof row?.value === 'string' ? loadSearchIndex(row.value) : null
    const index = loaded?.ok ? loaded.value : createSearchIndex()
    index.add(memory)
    await catchUp(index)
    index.add(early)
    full = index
    if (changed >= PERSIST_EVERY_DOCS) noteChanges(0)
  })().catch((e: unknown) => console.error('search index failed to load', e))

  const put = (docs: Parameters<SearchIndex['add']>[0]): void => {
    warm.add(docs)
    if (full) full.add(docs)
    else early.push(...docs)
    noteChanges(docs.length)
  }

  return {
    async search(query, opts): Promise<RetrievedMemory[]> {
      return (full ?? warm)
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
          const doc = messageDoc(conversationId, m, lastText.get(conversationId) ?? null)
          lastText.set(conversationId, m.text)
          return doc
        })
      put(docs)
    },
    onMemory(items) {
      // Memory events carry every item; only the ones whose text or status moved need reindexing.
      const moved = items.filter((i) => {
        const signature = `${i.status}|${i.confirmedAt}|${i.text}`
        if (seen.get(i.id) === signature) return false
        seen.set(i.id, signature)
        return true
      })
      if (moved.length > 0) put(moved.map(memoryDoc))
    },
    whenFull: () => loadFull.then(() => undefined),
    persistNow: persist,
  }
}
