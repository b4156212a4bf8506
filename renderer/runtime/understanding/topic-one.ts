import { correctionTopic } from './correction-topic'
import { parse } from './nlp'

/**
 * "scratch that about the depot, I moved to the Avonmouth one": after a correction that names its
 * topic, "the … one" is that thing ("the Avonmouth depot"), so the new statement reads on its own.
 * The message is returned unchanged when it names no topic, or the topic's last word is not a
 * plain noun.
 */
export function namedOne(message: string): string {
  const topic = correctionTopic(message)
  if (topic === null) return message
  const noun = topic.split(/\s+/u).pop() ?? ''
  if (!/^\p{Ll}{3,}$/u.test(noun) || !parse(noun).has('#Noun') || parse(noun).has('#Pronoun'))
    return message
  const at = message.indexOf(topic) + topic.length
  return (
    message.slice(0, at) +
    message
      .slice(at)
      .replace(/\b(the|a|my|our)\s+((?:[\p{L}\p{N}'’-]+\s+){1,2})one\b/u, `$1 $2${noun}`)
  )
}
