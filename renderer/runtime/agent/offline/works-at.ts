import { isJob, isRelation } from '../../understanding/lexicon'
import type { WordKinds } from './word-kinds'

/**
 * "I am nature guide at the Vallée de Mai", "im security guard at Westgate mall", "Im Bikash, tandem
 * pilot in Pokhara": the person says who they are at a place, with or without "a", and with or
 * without their name before it. The word before the place is what they are.
 */
const WHO_AT =
  /^(?:I\s+am|I['’]?m|am)\s+(?:\p{Lu}[\p{L}'’-]*,?\s+){0,3}(?:(?:an?|the)\s+)?(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)\s+(?:at|for|with|in)\s+(?:the\s+)?[\p{L}\d]/u

/**
 * Whether an item says where the person works by saying who they are there: the word before the
 * place is a job or names a kind of person ("guard", "warden", "guide" are people; "happy", "home"
 * and "away" are not), and not one of their relations ("I'm a mum at the school gate").
 *
 * @example
 * saysWorkAt('I am nature guide at the Vallée de Mai on Praslin', kinds) // → true
 * saysWorkAt('I am away at the coast this week', kinds) // → false
 */
export function saysWorkAt(text: string, kinds: WordKinds): boolean {
  const who = WHO_AT.exec(text)?.[1]
  return who !== undefined && !isRelation(who) && (isJob(who) || kinds.isKindOf(who, 'person'))
}
