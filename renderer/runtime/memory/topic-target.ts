import type { MemoryItem } from '../../../shared/schema/current'
import { correctionTopic } from '../understanding/correction-topic'
import { contentLemmas } from '../understanding/similarity'

/**
 * "actually scratch that about IT support, i moved to the cyber team last month": the current item
 * the correction names by its topic, whatever words the new statement uses — the one holding most
 * of the topic's words (at least half), the latest of those that hold as many. Undefined when the
 * message names no topic or no item holds it.
 */
export function topicTarget(
  current: readonly MemoryItem[],
  message: string,
): MemoryItem | undefined {
  const topic = correctionTopic(message)
  if (topic === null) return undefined
  const words = new Set(contentLemmas(topic))
  if (words.size === 0) return undefined
  const scored = current
    .map((i) => {
      const held = new Set(contentLemmas(i.text))
      return { i, share: [...words].filter((w) => held.has(w)).length / words.size }
    })
    .filter((x) => x.share >= 0.5)
    .sort((a, b) => b.share - a.share || b.i.confirmedAt.localeCompare(a.i.confirmedAt))
  return scored[0]?.i
}
