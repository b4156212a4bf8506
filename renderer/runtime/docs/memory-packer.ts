import type { MemoryItem } from '../../../shared/schema/current'
import { createSearchIndex, memoryDoc, type MemoryPack, type SearchDoc } from '../../../retrieval'
import { backgroundStep } from '../search/background-step'

/** Indexes memory for a stored view, tokenizing only what changed since its last pack. */
export interface MemoryPacker {
  /** The search index of exactly `items` (as `memoryDoc` makes them), packed for the view's row. */
  pack(items: readonly MemoryItem[]): Promise<MemoryPack>
}

/** Items tokenized per step: each step is one synchronous stretch of the runtime's thread. */
const STEP = 1000

/** Everything a memory doc is indexed and stored by: equal keys, equal index entries. */
const keyOf = (doc: SearchDoc): string =>
  JSON.stringify([
    doc.text,
    doc.status,
    doc.createdAt,
    doc.memoryKind,
    doc.conversationId,
    doc.tags ?? [],
  ])

/**
 * A packer for one space's views, kept for the space's lifetime. Its first pack indexes every item
 * (in steps, at background priority: 10,000 items take about 60–90 ms); later ones index the items
 * that changed and drop the ones that went. Packs run one at a time (the space saves its view so).
 */
export function memoryPacker(): MemoryPacker {
  const index = createSearchIndex()
  const keys = new Map<string, string>()
  return {
    async pack(items) {
      const docs = items.map(memoryDoc)
      const present = new Set(docs.map((d) => d.id))
      for (const id of [...keys.keys()])
        if (!present.has(id)) {
          keys.delete(id)
          index.remove(id)
        }
      const moved = docs.filter((d) => keys.get(d.id) !== keyOf(d))
      for (let start = 0; start < moved.length; start += STEP) {
        if (moved.length > STEP) await backgroundStep()
        const batch = moved.slice(start, start + STEP)
        index.add(batch)
        for (const d of batch) keys.set(d.id, keyOf(d))
      }
      return index.toMemoryPack()
    },
  }
}
