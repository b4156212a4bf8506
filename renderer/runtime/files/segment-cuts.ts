import type { Message } from '../../../shared/schema/current'

/**
 * Where a conversation built from its records is cut into documents (README, Architecture,
 * "Segments"): the index of the first message of each, in order. The conversation's own document
 * holds the first `size` messages and each segment the next `size`, as appends lay them out, so the
 * first append after an import opens only the newest segment. A cut never separates an answer from
 * the question just before it: the read model orders an answer under its question only when both
 * are in one document. Always starts with 0; one document when there are at most `size` messages.
 */
export function segmentCuts(messages: readonly Message[], size: number): number[] {
  const cuts = [0]
  let at = size
  while (at < messages.length) {
    while (at < messages.length && messages[at]?.replyTo === messages[at - 1]?.id) at++
    if (at >= messages.length) break
    cuts.push(at)
    at += size
  }
  return cuts
}
