import { TOPICS, canonical, topicWords } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'

/** Words that name where a person lives rather than a thing: "what's broken at home?". */
const HOME = /^(?:home|house|flat|apartment|place)$/u

const mentions = (text: string, lemmas: Set<string>, words: string[]): boolean =>
  words.some((w) => (w.includes(' ') ? text.includes(w) : lemmas.has(canonical(w))))

/**
 * Whether an item's text belongs to the part of life a list question names ("tech" in "any tech
 * issues left?", "home" in "what's broken at home?"): it names the word or one of its topic's
 * words ("Dropbox" is tech, "washing machine" is home). At home is also wherever else is not named:
 * "no hot water since Monday" is at home, "lost my keys between the gym and the bus stop" is not.
 * With no words, every item belongs.
 */
export function inPartOfLife(itemText: string, about: readonly string[]): boolean {
  if (about.length === 0) return true
  const text = itemText.toLowerCase()
  // Lemmas and the words as typed: "Teams" is the app, though its lemma is "team".
  const lemmas = new Set(
    [...contentLemmas(itemText), ...text.split(/[^\p{L}\p{N}-]+/u)].map(canonical),
  )
  if (about.some((w) => mentions(text, lemmas, [w, ...topicWords(w)]))) return true
  if (!about.some((w) => HOME.test(w.toLowerCase()))) return false
  return !Object.entries(TOPICS).some(
    ([name, t]) => name !== 'home' && mentions(text, lemmas, [...t.general, ...t.members]),
  )
}
