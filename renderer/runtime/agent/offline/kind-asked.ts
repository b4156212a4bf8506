import { canonical } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'

/** Question words and words for what is wanted about a thing, which name no kind of thing. */
const NOT_A_KIND =
  /^(?:what|which|who|kind|sort|type|day|days|date|time|times|name|names|way|ways|thing|things|one|ones|else|much|many|long|often|number|bit|part|point|stuff|lot)$/u

/**
 * The kind of thing a question asks which one of — "what food do I dislike?" → food, "which
 * messaging app do I prefer?" → app, "in which city I live" → city, "how many cows have I?" → cow
 * — so that an item naming one of its kind (cilantro, Signal, Lisbon, "120 Friesians") can answer.
 * Null when the question names no kind.
 */
export function kindAsked(question: string): string | null {
  const m =
    /^(?:(?:in|at|on|for|from|with|to|by)\s+)?(?:what|which|how many)\s+(?:kind of\s+|sort of\s+|type of\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:do|does|did|am|are|is|was|were|have|has|had|should|can|could|will|would|I|we|my|our)\b/iu.exec(
      question,
    )
  if (!m) return null
  const word = m[1]!.toLowerCase().split(/\s+/u).at(-1)!
  if (NOT_A_KIND.test(word)) return null
  const lemma = contentLemmas(word)[0] ?? word
  return NOT_A_KIND.test(lemma) ? null : canonical(lemma)
}
