import type { RetrievedMemory } from '../../../shared/contract/models'
import type { MemoryItem } from '../../../shared/schema/current'

/**
 * What a prompt may show of `found`: messages as found, and memory only where the item, read now
 * (`read` gives the current items among the ids asked for), is active, worded as it now reads.
 * Superseded and retracted items are history: retrieval may find them, the prompt never shows them
 * as current. Neither does an index that disagrees with memory (a stored index from before a
 * change, a damaged one): only the items found are read to tell.
 */
export async function currentHits(
  found: readonly RetrievedMemory[],
  read: (ids: readonly string[]) => Promise<MemoryItem[]>,
): Promise<RetrievedMemory[]> {
  const ids = found.filter((h) => h.kind === 'memory').map((h) => h.id)
  const active = new Map(
    (await read(ids)).filter((i) => i.status === 'active').map((i) => [i.id, i]),
  )
  return found.flatMap((h) => {
    if (h.kind !== 'memory') return [h]
    const item = active.get(h.id)
    return item ? [{ ...h, text: item.text }] : []
  })
}
