import MiniSearch from 'minisearch'
import { stopwords } from '@orama/stopwords/english'
import { stemmer } from 'stemmer'

/**
 * How text becomes index terms, shared by indexing, querying and snippets. Changing anything here
 * changes the terms in a saved index: bump SEARCH_INDEX_FORMAT_VERSION with it.
 *
 * - Tokens: MiniSearch's default tokenizer (splits on Unicode spaces and punctuation).
 * - Stop words: the Snowball English list from `@orama/stopwords`.
 * - Stemming: Porter, from `stemmer`.
 *   On LoCoMo dev, recall@10 of BM25 over turns goes from 49.5 (neither) to 60.7 (both); stop
 *   words alone give about +7.5, stemming about +3 on top. Porter2 (wink-porter2-stemmer) and
 *   Orama's stemmer measured the same as Porter; `stemmer` is the one with ESM and types.
 * - Single Latin letters are dropped: they are contraction leftovers ("s" of "Caroline's"),
 *   worth +0.2–0.6 on LoCoMo.
 */

const STOP_WORDS: ReadonlySet<string> = new Set(stopwords)

/**
 * Words that frame a question about the past but say nothing about its topic ("what did I *say*
 * about Pinecone"). Dropped from queries only, so a message that says "say" is still indexed.
 */
const QUERY_BOILERPLATE: ReadonlySet<string> = new Set([
  'say',
  'said',
  'tell',
  'told',
  'talk',
  'talked',
  'mention',
  'mentioned',
  'discuss',
  'discussed',
  'remember',
])

const defaultTokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[]

/** Splits text into raw tokens (MiniSearch's default tokenizer). */
export function tokenize(text: string): string[] {
  return defaultTokenize(text).filter((token) => token !== '')
}

/**
 * Maps one raw token to its index term, or null when it carries no meaning for search.
 * @example processTerm('Painting') === 'paint'; processTerm('the') === null
 */
export function processTerm(token: string): string | null {
  const lower = token.toLowerCase()
  if (STOP_WORDS.has(lower)) return null
  if (/^[a-z]$/.test(lower)) return null
  return stem(lower)
}

// Stemming is most of the cost of indexing, and a vocabulary repeats: remember recent stems.
const STEM_CACHE_LIMIT = 50_000
const stemCache = new Map<string, string>()

function stem(word: string): string {
  const known = stemCache.get(word)
  if (known !== undefined) return known
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear()
  const stemmed = stemmer(word)
  stemCache.set(word, stemmed)
  return stemmed
}

/** Like processTerm, and also drops question boilerplate ("say", "told", "mention"). */
export function processQueryTerm(token: string): string | null {
  const lower = token.toLowerCase()
  if (QUERY_BOILERPLATE.has(lower)) return null
  return processTerm(lower)
}

/** The distinct query terms `query` would search for; empty when nothing searchable is left. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>()
  for (const token of tokenize(query)) {
    const term = processQueryTerm(token)
    if (term !== null) terms.add(term)
  }
  return [...terms]
}
