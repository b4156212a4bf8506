import { countTokens } from 'gpt-tokenizer'

/** Per-message overhead of chat formats (role markers, separators), as OpenAI documents it. */
const MESSAGE_OVERHEAD = 4

/** Tokens of a text, counted with a maintained BPE tokenizer (o200k). */
export const tokensOf = (text: string): number => countTokens(text)

/** Tokens of one chat message including its framing. */
export const messageTokens = (text: string): number => tokensOf(text) + MESSAGE_OVERHEAD

/**
 * The leading `items` whose costs add up to at most `room`, and their total cost: what every part
 * of a prompt does to fit its share of the budget. Stops at the first item that does not fit.
 */
export function takeWhileFits<T>(
  items: Iterable<T>,
  room: number,
  cost: (item: T) => number,
): { kept: T[]; used: number } {
  const kept: T[] = []
  let used = 0
  for (const item of items) {
    const c = cost(item)
    if (used + c > room) break
    kept.push(item)
    used += c
  }
  return { kept, used }
}
