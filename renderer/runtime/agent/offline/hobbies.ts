import type { MemoryItemView } from '../../../../shared/contract/models'
import { holds } from '../../memory/freshness'

/**
 * "what are my hobbies?", "what do I do for fun?", "what do I do in my spare time?" — their own,
 * not someone else's ("does my son have any hobbies?").
 */
export const asksHobbies = (question: string): boolean =>
  /\bmy\s+(?:main\s+)?(?:hobby|hobbies|pastimes?|interests)\b|\b(?:I|we)\s+(?:do|like to do|like doing|get up to)\s+(?:for fun|in (?:my|our) (?:free|spare) time)\b/iu.test(
    question,
  )

/** Said as something they like, are into or a fan of; not a dislike, not "I'd like you to…". */
const LIKING =
  /^(?:I|we)\s+(?:(?:really|absolutely|just|also|still)\s+)?(?:love|adore|enjoy|like|am (?:(?:really|big|huge|a big|a huge|quite)\s+)?(?:into|a fan of|fan of|keen on|mad about|obsessed with))\b(?!\s+(?:it when you|you to|when you|that you))/iu

/** Played or done for its own sake: "I play the fiddle in a trad session", "I play 5-a-side". */
const PLAYS = /^(?:I|we)\s+(?:(?:also|still)\s+)?play\s+\S/iu

/**
 * What they like doing, from current memory: likes ("I love hiking and photography", "I'm really
 * into sourdough baking"), and what they play. Empty when memory holds none, so the question is
 * answered as any other.
 */
export function hobbiesHeld(views: readonly MemoryItemView[]): MemoryItemView[] {
  return views.filter(
    (v) =>
      holds(v.item) &&
      (v.item.kind === 'preference' || v.item.kind === 'fact') &&
      !(v.item.kind === 'preference' && /^(?:dislikes|answer style)\b/u.test(v.item.key)) &&
      (LIKING.test(v.item.text) || PLAYS.test(v.item.text)),
  )
}
