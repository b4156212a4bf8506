/**
 * Which words are about the same thing across parts of speech and by definition ("allergic" and
 * "allergy", "driver" and "drive", "haircut" and "hair"), so a question can be answered by an item
 * that says it in other words. The table is derived from WordNet's derivational links and the
 * words of its definitions (`npm run build:word-links`) and loaded on the first question, so
 * start-up does not pay for it.
 */

/** The table as stored: each word maps to the words it links to, space-separated. */
export interface WordLinksData {
  source: string
  links: Record<string, string>
}

/** Answers "are `a` and `b` linked?" over a loaded table, in either direction. */
export interface WordLinks {
  linked(a: string, b: string): boolean
}

/** Reads the stored table into a lookup. */
export function wordLinksFrom(data: WordLinksData): WordLinks {
  const memo = new Map<string, Set<string>>()
  const of = (word: string): Set<string> => {
    let out = memo.get(word)
    if (out === undefined) {
      out = new Set((data.links[word] ?? '').split(' ').filter((w) => w !== ''))
      memo.set(word, out)
    }
    return out
  }
  return {
    linked: (a, b) => {
      const x = a.toLowerCase()
      const y = b.toLowerCase()
      return x !== y && (of(x).has(y) || of(y).has(x))
    },
  }
}

let loading: Promise<WordLinks> | null = null

/** The table, loaded once on first use. */
export function loadWordLinks(): Promise<WordLinks> {
  loading ??= import('./word-links.json').then((m) => wordLinksFrom(m.default as WordLinksData))
  return loading
}
