import { createSearchService } from '../../../renderer/runtime/search/search-service'
import type { SearchLatencyInput, SearchLatencyResult } from './bench-api'
import { must, openSpace } from './open-space'

/** Query latency of the runtime's search service once its full index is loaded. */
export async function searchLatency(input: SearchLatencyInput): Promise<SearchLatencyResult> {
  const space = must(await openSpace(input.spaceId), 'open the space')
  try {
    const search = await createSearchService(space)
    await search.whenFull()
    const now = new Date(input.nowMs)
    const latenciesMs: number[] = []
    let hits = 0
    for (const query of input.queries) {
      const t = performance.now()
      const found = await search.search(query, { k: input.k, now })
      latenciesMs.push(performance.now() - t)
      hits += found.length
    }
    return { latenciesMs, hits }
  } finally {
    space.db.close()
  }
}
