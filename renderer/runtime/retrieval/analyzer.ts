import MiniSearch from 'minisearch'
import { stopwords } from '@orama/stopwords/english'
import { stemmer } from 'stemmer'

/**
 * How text becomes index terms, shared by indexing, querying and snippets. Changing anything here
 * changes the terms in a saved index: bump SEARCH_INDEX_FORMAT_VERSION with it.
 *
 * - Tokens: MiniSearch's default tokenizer (splits on Unicode spaces and punctuation).
 * - Stop words: the Snowball English list from `@orama/stopwords` (measured on LoCoMo dev: +7 recall@10).
 * - Stemming: Porter, from `stemmer` (another +3 on top of stop words).
 * - Single Latin letters are dropped: they are contraction leftovers ("s" of "Caroline's").
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
  return stemmer(lower)
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
