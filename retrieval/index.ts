/**
 * Retrieval: full-text search over memory items and the conversation log. Runs unchanged in the
 * runtime (a browser worker) and in the Node CLI: no DOM, no Dexie, no Node modules.
 */
export {
  createSearchIndex,
  loadSearchIndex,
  loadMemoryPack,
  loadSearchIndexParts,
  type SearchIndex,
  type SearchIndexLoader,
} from './search-index'
export { SearchDoc, SearchHit, type SearchOptions } from './search-doc'
export { parseTimePhrase, type TimePhrase } from './time-phrase'
export { DEFAULT_RANKING, type Ranking } from './ranking'
export { SEARCH_INDEX_FORMAT_VERSION } from './snapshot'
export type { MemoryPack } from './memory-pack'
export { SNIPPET_MAX_CHARS } from './snippet'
export { CONTEXT_CHARS, CONTEXT_TURNS, contextText, memoryDoc, messageDoc } from './search-docs'
export { RecentTurns } from './recent-turns'
