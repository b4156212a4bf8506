/**
 * What a correction says it is about, named before the new statement: "scratch that about IT
 * support, i moved to the cyber team", "forget what I said about the jab - it's the 16th", "I was
 * wrong about Tiana, she's 7".
 */
const TOPIC =
  /\b(?:(?:scratch|scrap|ignore|forget|disregard)\s+(?:that|this|what\s+I\s+(?:just\s+)?(?:said|told\s+you|wrote))|I\s+was\s+wrong|I\s+(?:got|had)\s+(?:that|it)\s+wrong|correction)\s+(?:about|re|regarding|on)\s+([\p{L}\p{N}'’ -]{1,40}?)\s*(?:[,:;.!—–]|\s-\s|$)/iu

/**
 * The topic a correction names, or null when it names none.
 *
 * @example
 * correctionTopic('actually scratch that about IT support, i moved to the cyber team') // → 'IT support'
 */
export function correctionTopic(message: string): string | null {
  return TOPIC.exec(message)?.[1]?.trim() || null
}
