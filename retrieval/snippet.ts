import { processTerm, tokenize } from './analyzer'

/** The longest snippet, ellipses included. */
export const SNIPPET_MAX_CHARS = 160
/** How much text to keep before the first matched term, so the excerpt reads as a sentence. */
const LEAD_CHARS = 30
const ELLIPSIS = '…'

type Occurrence = { start: number; end: number; term: string }

/** Where the tokens of `text` whose index term is in `terms` occur, in order. */
function locate(text: string, terms: ReadonlySet<string>): Occurrence[] {
  const found: Occurrence[] = []
  let cursor = 0
  for (const token of tokenize(text)) {
    const start = text.indexOf(token, cursor)
    if (start < 0) continue
    cursor = start + token.length
    const term = processTerm(token)
    if (term !== null && terms.has(term)) found.push({ start, end: cursor, term })
  }
  return found
}

/**
 * The window that covers the most distinct matched terms, then the most occurrences: where it
 * starts (a little before its first occurrence) and where that first occurrence is.
 */
function bestWindow(
  found: readonly Occurrence[],
  width: number,
): { start: number; anchor: number } {
  let best = { start: 0, anchor: 0, distinct: -1, total: -1 }
  for (const [i, first] of found.entries()) {
    const start = Math.max(0, first.start - LEAD_CHARS)
    const terms = new Set<string>()
    let total = 0
    // Occurrences are in text order, so the window ends at the first one that does not fit.
    for (const o of found.slice(i)) {
      if (o.end > start + width) break
      terms.add(o.term)
      total += 1
    }
    if (terms.size > best.distinct || (terms.size === best.distinct && total > best.total)) {
      best = { start, anchor: first.start, distinct: terms.size, total }
    }
  }
  return best
}

/**
 * A one-line excerpt of `text` (≤ SNIPPET_MAX_CHARS) around the tokens whose index terms are in
 * `terms`, cut at word boundaries and marked with "…" where text was left out.
 * @example makeSnippet('long text … prefers pgvector over Pinecone …', new Set(['pgvector']))
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= SNIPPET_MAX_CHARS) return flat
  const found = locate(flat, terms)
  const window =
    found.length === 0 ? { start: 0, anchor: 0 } : bestWindow(found, SNIPPET_MAX_CHARS - 2)
  let start = window.start
  if (start > 0 && flat[start - 1] !== ' ') {
    // Begin at a whole word, never after the first matched term.
    const space = flat.indexOf(' ', start)
    start = space >= 0 && space < window.anchor ? space + 1 : window.anchor
  }
  const prefix = start > 0 ? ELLIPSIS : ''
  let end = start + SNIPPET_MAX_CHARS - prefix.length
  if (end >= flat.length) return prefix + flat.slice(start)
  end -= ELLIPSIS.length
  const lastSpace = flat.lastIndexOf(' ', end)
  if (lastSpace > start) end = lastSpace
  return prefix + flat.slice(start, end).trimEnd() + ELLIPSIS
}
