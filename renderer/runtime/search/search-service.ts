import { loadMessage } from '../../../shared/schema/migrate'
import type { MemoryItem, Message } from '../../../shared/schema/current'
import type { RetrievedMemory } from '../../../shared/contract/models'
import type { Retriever } from '../context'
import type { Space } from '../space/space'
import type { MessageRow } from '../db/space-db'
import { createSearchIndex, loadSearchIndex, type SearchDoc, type SearchIndex } from '../retrieval'

const SNAPSHOT_KEY = 'search-index'
/** Messages indexed at start before the full index is loaded, so the first turn can search recent history. */
export const WARM_MESSAGES = 2000
const PERSIST_AFTER_MS = 15_000
const CATCH_UP_CHUNK = 5000

export interface SearchService extends Retriever {
  onMessages(conversationId: string, messages: Message[]): void
  onMemory(items: MemoryItem[]): void
  /** Resolves when the full index (every message) is loaded and caught up. */
  whenFull(): Promise<void>
  persistNow(): Promise<void>
}

const messageDoc = (conversationId: string, m: Message): SearchDoc => ({
  id: m.id,
  kind: 'message',
  text: m.text,
  conversationId,
  createdAt: m.createdAt,
  role: m.role,
  speaker: m.speaker,
})

const memoryDoc = (i: MemoryItem): SearchDoc => ({
  id: i.id,
  kind: 'memory',
  text: i.text,
  conversationId: i.source?.conversationId ?? null,
  createdAt: i.confirmedAt,
  memoryKind: i.kind,
  status: i.status,
})

/**
 * Retrieval over memory and every message. Restore stays flat with history: a warm index of memory and
 * the most recent messages is built at start, while the persisted full index loads and catches up from
 * its watermark in the background. Until the full index is ready, searches use the warm one.
 */
export async function createSearchService(space: Space): Promise<SearchService> {
  const db = space.db
  const warm = createSearchIndex()
  let full: SearchIndex | null = null
  let watermark = 0
  let dirty = false
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  const early: SearchDoc[] = []

  const memory = (await space.memory()).items.map(memoryDoc)
  warm.add(memory)
  const recentRows = await db.messages.orderBy('seq').reverse().limit(WARM_MESSAGES).toArray()
  warm.add(rowsToDocs(recentRows))

  const schedulePersist = (): void => {
    dirty = true
    if (persistTimer === null) persistTimer = setTimeout(() => void persist(), PERSIST_AFTER_MS)
  }

  const catchUp = async (index: SearchIndex): Promise<void> => {
    for (;;) {
      const rows = await db.messages.where('seq').above(watermark).limit(CATCH_UP_CHUNK).toArray()
      if (rows.length === 0) return
      index.add(rowsToDocs(rows).filter((d) => !index.has(d.id)))
      watermark = Math.max(watermark, ...rows.map((r) => r.seq ?? 0))
      dirty = true
    }
  }

  const persist = async (): Promise<void> => {
    persistTimer = null
    if (!full || !dirty) return
    await catchUp(full)
    dirty = false
    await db.kv.put({ key: SNAPSHOT_KEY, value: { json: full.toJSON(), watermark } })
  }

  const loadFull = (async () => {
    const row = await db.kv.get(SNAPSHOT_KEY)
    const snap = row?.value as { json?: unknown; watermark?: unknown } | undefined
    let index = createSearchIndex()
    if (snap && typeof snap.json === 'string' && typeof snap.watermark === 'number') {
      const loaded = loadSearchIndex(snap.json)
      if (loaded.ok) {
        index = loaded.value
        watermark = snap.watermark
      }
      // A snapshot that fails validation is rebuilt from the read model; nothing is lost.
    }
    for (const d of memory) if (index.has(d.id)) index.replace(d)
    index.add(memory.filter((d) => !index.has(d.id)))
    await catchUp(index)
    for (const d of early) (index.has(d.id) ? index.replace(d) : index.add([d]))
    full = index
    if (dirty) schedulePersist()
  })().catch((e: unknown) => console.error('search index failed to load', e))

  const put = (index: SearchIndex, docs: SearchDoc[]): void => {
    for (const d of docs) (index.has(d.id) ? index.replace(d) : index.add([d]))
  }

  return {
    async search(query, opts): Promise<RetrievedMemory[]> {
      const index = full ?? warm
      return index
        .search(query, { k: opts.k, now: opts.now, conversationId: opts.conversationId })
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
      const docs = messages.map((m) => messageDoc(conversationId, m))
      put(warm, docs)
      if (full) put(full, docs)
      else early.push(...docs)
      schedulePersist()
    },
    onMemory(items) {
      const docs = items.map(memoryDoc)
      put(warm, docs)
      if (full) put(full, docs)
      else early.push(...docs)
      schedulePersist()
    },
    whenFull: () => loadFull.then(() => undefined),
    persistNow: persist,
  }
}

function rowsToDocs(rows: MessageRow[]): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (const row of rows) {
    const loaded = loadMessage(row.record)
    if (loaded.ok && loaded.value.type === 'current') docs.push(messageDoc(row.conversationId, loaded.value.value))
  }
  return docs
}
