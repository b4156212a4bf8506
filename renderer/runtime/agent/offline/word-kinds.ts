import { appendAll } from '../../../../shared/append-all'

/**
 * Which things are kinds of which ("cilantro" is a food, "jazz" is music, "Lisbon" is a city), so a
 * question that names a kind ("what food do I dislike?", "what music do I like?") is answered by an
 * item that names one of its members. The table is derived from WordNet's noun hierarchy
 * (`npm run build:word-kinds`) and loaded on the first question that needs it, so start-up does
 * not pay for it.
 */

/** The table as stored: nodes are `[kind words, ...parent nodes]`, words map to their kinds' nodes. */
export interface WordKindsData {
  source: string
  /** How many steps up the hierarchy a kind may be. */
  steps: number
  nodes: (string | number)[][]
  words: Record<string, number[]>
}

/** Answers "is `word` a kind of `kind`?" over a loaded table. */
export interface WordKinds {
  /** Whether `word` is `kind` or one of its kinds, at most `steps` up the hierarchy (the table's own by default). */
  isKindOf(word: string, kind: string, steps?: number): boolean
}

/** Reads the stored table into a lookup; throws only on a table that is not the built one. */
export function wordKindsFrom(data: WordKindsData): WordKinds {
  const kinds = data.nodes.map((n) => new Set(String(n[0]).split(' ')))
  const parents = data.nodes.map((n) => n.slice(1) as number[])
  const memo = new Map<string, Set<string>>()
  const above = (word: string, steps: number): Set<string> => {
    const key = `${steps} ${word}`
    const known = memo.get(key)
    if (known) return known
    const out = new Set<string>()
    let level = data.words[word] ?? []
    const seen = new Set<number>()
    for (let step = 1; step <= steps && level.length > 0; step++) {
      const next: number[] = []
      for (const n of level) {
        if (seen.has(n)) continue
        seen.add(n)
        for (const k of kinds[n] ?? []) out.add(k)
        appendAll(next, parents[n] ?? [])
      }
      level = next
    }
    out.delete(word)
    memo.set(key, out)
    return out
  }
  // A closed compound is a kind of its last word ("fingerstyle" is a style, "sailboat" a boat) when
  // what comes before is a word too ("offering" is no ring).
  const compoundOf = (word: string, kind: string): boolean =>
    kind.length >= 4 &&
    word.length >= kind.length + 3 &&
    word.endsWith(kind) &&
    data.words[word.slice(0, -kind.length)] !== undefined
  // A plural the sentence reader left as typed ("120 Friesians", a name it does not lemmatise) is
  // looked up by its singular when only that is in the table.
  const inTable = (word: string): string =>
    data.words[word] !== undefined
      ? word
      : ([word.replace(/ies$/u, 'y'), word.replace(/es$/u, ''), word.replace(/s$/u, '')].find(
          (w) => w !== word && data.words[w] !== undefined,
        ) ?? word)
  return {
    isKindOf: (word, kind, steps = data.steps) => {
      const w = inTable(word.toLowerCase())
      const k = kind.toLowerCase()
      return w !== k && (above(w, Math.min(steps, data.steps)).has(k) || compoundOf(w, k))
    },
  }
}

let loading: Promise<WordKinds> | null = null

/** The table, loaded once on first use. */
export function loadWordKinds(): Promise<WordKinds> {
  loading ??= import('./word-kinds.json').then((m) => wordKindsFrom(m.default as WordKindsData))
  return loading
}
