import { isStopWord } from './text'
import { lemmas } from './nlp'
import { stemmer } from 'stemmer'
import { oneSpelling } from './one-spelling'

const GENERIC = new Set([
  'do',
  'be',
  'have',
  'get',
  'make',
  'go',
  'need',
  'want',
  'thing',
  'stuff',
  'new',
  'one',
  'again',
  'now',
  'today',
  'tomorrow',
  'yesterday',
])

/**
 * The content lemmas of a text ("I sent the slides to Maria" → send, slide, maria), each in one
 * spelling ("licence" and "license" are one word).
 */
export function contentLemmas(text: string): string[] {
  // "the MOT's due" names the MOT: a possessive or "is" after a word is not part of it.
  const plain = text.replace(/(?<=\p{L})['’]s\b/gu, '').replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
  return lemmas(plain)
    .filter((w) => w.length > 1 && !isStopWord(w) && !GENERIC.has(w) && /\p{L}/u.test(w))
    .map(oneSpelling)
}

/**
 * How well `query` names `text`: the share of the query's content lemmas the text has, or of the
 * text's that the query has, whichever is larger (0–1). Lemmas make "sent the slides" name "send
 * the slides".
 */
export function overlap(query: string, text: string): number {
  const q = new Set(contentLemmas(query))
  const t = new Set(contentLemmas(text))
  if (q.size === 0 || t.size === 0) return 0
  let hits = 0
  for (const w of q) if (t.has(w)) hits++
  return Math.max(hits / q.size, hits / t.size) * (hits > 0 ? 1 : 0)
}

/**
 * A word's Porter stem, for telling one thing said two ways apart from two things: "freezing" and
 * "freeze", "grinding" and "grind", "leaking" and "leak", "dropped" and "drop" have one stem;
 * "pain" and "paint" do not. The tagger lemmatises a symptom as a verb in one sentence and keeps
 * it as a noun in the next ("my laptop keeps freezing" … "the freezing stopped").
 */
export const stemOf = (word: string): string => stemmer(word.toLowerCase())
