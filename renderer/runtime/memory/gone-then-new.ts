import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { contentLemmas } from '../understanding/similarity'
import { otherOwner } from './whose'

/** A thing given up, said before it: "sold the Civic", "left Brightwave", "quit smoking". */
const GONE_BEFORE =
  /\b(?:sold|got rid of|gave up|given up|quit|left|ditched|cancel(?:l)?ed|stopped using|stopped|rehomed|gave away|traded in|returned)\s+((?:(?:the|my|our|that|this)\s+)?[\p{L}\p{N}'’.-]+(?:\s+[\p{L}\p{N}'’.-]+){0,2}?)(?=\s*(?:$|[,.;:!?—–-]|\s(?:last|this|in|on|at|after|because|since|for good|yesterday|today|recently|and|but|so|finally|already|now)\b))/iu

/** A person or place gone, said after it: "Dr. Fischer retired", "the Thai place closed". */
const GONE_AFTER =
  /((?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?|(?:the|my|our)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s+(?:has\s+|have\s+|just\s+)?(?:retired|left|quit|closed(?: down)?|shut(?: down)?|moved away)\b/u

/** Words of a gone thing that say nothing about which one it was. */
const NOT_NAMING = /^(?:the|my|our|that|this|old|job|place|one|dr|mr|mrs|ms|miss|using)$/u

/** The words of the thing a statement says the speaker no longer has, uses or sees. */
export function goneThing(text: string): string[] {
  const m = GONE_BEFORE.exec(text) ?? GONE_AFTER.exec(text)
  if (!m) return []
  return contentLemmas(m[1]!).filter((w) => !NOT_NAMING.test(w))
}

const isFactLike = (i: MemoryItem): boolean => i.kind === 'fact' || i.kind === 'preference'

/**
 * "sold the Civic" after "I drive a 2014 Honda Civic", "quit smoking" after "I smoke ten a day": a
 * statement that something is gone closes the one current fact or preference that holds it.
 * Undefined when none, or more than one, does (then it is not clear which is meant).
 */
export function goneNamed(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  if (c.kind !== 'fact' && c.kind !== 'preference') return undefined
  const words = goneThing(c.text)
  if (words.length === 0) return undefined
  const holding = current.filter((i) => {
    if (!isFactLike(i) || otherOwner(c.text, i.text)) return false
    const held = new Set(contentLemmas(i.text))
    return words.some((w) => held.has(w))
  })
  return holding.length === 1 ? holding[0] : undefined
}

/** What says a thing stands in for one gone: "got a Model 3 instead", "new one is Dr. Yilmaz". */
const STANDS_IN = /\b(?:instead|new one|new|now|replacement|replaced|switched to|moved to)\b/iu
/** "not Fahrenheit anymore": a value said to hold no longer. */
const NO_LONGER =
  /\b(?:not|no longer|don't|do not|doesn't|does not)\b.*\b(?:anymore|any more|these days)\b|\bno longer\b/iu

/**
 * "sold the Civic! got a used Model 3 instead", "Dr. Fischer retired. new one is Dr. Yilmaz", "not
 * Fahrenheit anymore — Celsius": the same message first says a value went (and that statement
 * replaced the old item), then gives the new one. The new value replaces the statement of the loss,
 * so the thread runs old → gone → new and only the new value is current. Another person's thing or
 * another subject is never taken for it.
 */
export function goneThisMessage(
  current: readonly MemoryItem[],
  c: Capture,
  messageId: string | undefined,
): MemoryItem | undefined {
  if (messageId === undefined || (c.kind !== 'fact' && c.kind !== 'preference')) return undefined
  const gone = current
    .filter(
      (i) =>
        i.source?.messageId === messageId &&
        i.kind === c.kind &&
        i.supersedes !== null &&
        (goneThing(i.text).length > 0 || NO_LONGER.test(i.text)),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  if (!gone || otherOwner(c.text, gone.text)) return undefined
  const theirs = itemExtras(gone).extras.subject ?? null
  if (c.subject && theirs && c.subject !== theirs) return undefined
  return STANDS_IN.test(c.text) || NO_LONGER.test(gone.text) ? gone : undefined
}
