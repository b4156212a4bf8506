import nlp from 'compromise'

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

const lemmaCache = new Map<string, string[]>()

/**
 * Lower-case lemmas of every word ("I sent the slides" → i, send, the, slide). Cached: item texts
 * are compared against every new message.
 */
export function lemmas(text: string): string[] {
  const hit = lemmaCache.get(text)
  if (hit) return hit
  const doc = parse(text)
  doc.compute('root')
  const out: string[] = []
  for (const sentence of doc.json() as { terms: { normal?: string; root?: string }[] }[])
    for (const term of sentence.terms) {
      const word = (term.root ?? term.normal ?? '').toLowerCase()
      if (word) out.push(...word.split(/\s+/u))
    }
  if (lemmaCache.size > 5000) lemmaCache.clear()
  lemmaCache.set(text, out)
  return out
}

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
