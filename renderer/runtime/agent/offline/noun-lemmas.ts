import { parse } from '../../understanding/nlp'

const cache = new Map<string, string[]>()

/**
 * The lower-case lemmas of the nouns in a text, as tagged in its sentence ("My multimeter died on
 * site" → multimeter, site; not "die", which is a noun only elsewhere). Cached: item texts are read
 * again for every question.
 */
export function nounLemmas(text: string): string[] {
  const hit = cache.get(text)
  if (hit) return hit
  const doc = parse(text)
  doc.compute('root')
  const out: string[] = []
  for (const sentence of doc.json() as {
    terms: { normal?: string; root?: string; tags?: string[] }[]
  }[])
    for (const term of sentence.terms)
      if (
        term.tags?.includes('Noun') &&
        !term.tags.includes('Pronoun') &&
        !term.tags.includes('Possessive')
      ) {
        const word = (term.root ?? term.normal ?? '').toLowerCase()
        if (word) out.push(...word.split(/\s+/u))
      }
  if (cache.size > 5000) cache.clear()
  cache.set(text, out)
  return out
}
