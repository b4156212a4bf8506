import nlp from 'compromise'
import { appendAll } from '../../../shared/append-all'

/**
 * The one door to compromise, the sentence analysis library: sentence splitting that knows
 * abbreviations ("Dr. Lee", "e.g.", "3.5"), part-of-speech tags, named places, people and
 * organisations, and lemmas ("sent" → "send"). Pure JavaScript, offline and deterministic.
 */
export type Doc = ReturnType<typeof nlp>

/** Parses text into a tagged document. */
export const parse = (text: string): Doc => nlp(text)

/** The sentences of one line of text, as typed. */
export function sentencesOf(line: string): string[] {
  return parse(line).sentences().out('array') as string[]
}

interface Term {
  normal?: string
  root?: string
  tags?: string[]
}

/** Lower-case lemmas of the terms `keep` accepts, remembered per text in `cache`. */
function lemmasOf(
  text: string,
  cache: Map<string, string[]>,
  keep: (term: Term) => boolean,
): string[] {
  const hit = cache.get(text)
  if (hit) return hit
  const doc = parse(text)
  doc.compute('root')
  const out: string[] = []
  for (const sentence of doc.json() as { terms: Term[] }[])
    for (const term of sentence.terms) {
      if (!keep(term)) continue
      const word = (term.root ?? term.normal ?? '').toLowerCase()
      if (word) appendAll(out, word.split(/\s+/u))
    }
  if (cache.size > 5000) cache.clear()
  cache.set(text, out)
  return out
}

const lemmaCache = new Map<string, string[]>()
const nounLemmaCache = new Map<string, string[]>()

/**
 * Lower-case lemmas of every word ("I sent the slides" → i, send, the, slide). Cached: item texts
 * are compared against every new message.
 */
export const lemmas = (text: string): string[] => lemmasOf(text, lemmaCache, () => true)

/**
 * The lower-case lemmas of the nouns in a text, as tagged in its sentence ("My multimeter died on
 * site" → multimeter, site; not "die", which is a noun only elsewhere). Cached likewise.
 */
export const nounLemmas = (text: string): string[] =>
  lemmasOf(
    text,
    nounLemmaCache,
    (t) =>
      (t.tags?.includes('Noun') ?? false) &&
      !t.tags!.includes('Pronoun') &&
      !t.tags!.includes('Possessive'),
  )

/** Whether `phrase` names a place (a city, country, region) rather than an organisation or thing. */
export function isPlace(phrase: string): boolean {
  const doc = parse(phrase)
  return doc.places().found && !doc.organizations().found
}

/** Whether `phrase` names an organisation. */
export const isOrganization = (phrase: string): boolean => parse(phrase).organizations().found

/** Whether the text's main verb is in the past tense ("I sent", "I've finished"). */
export function isPastStatement(text: string): boolean {
  const doc = parse(text)
  return doc.has('#PastTense') || doc.has('(have|has) #Verb')
}

/** Whether `phrase` is (mostly) a verb phrase in the base form ("call mom", "renew my passport"). */
export const startsWithVerb = (phrase: string): boolean => parse(phrase).has('^#Verb')

/** Whether `phrase` starts with a person's name. */
export const startsWithPerson = (phrase: string): boolean => parse(phrase).has('^#Person')
