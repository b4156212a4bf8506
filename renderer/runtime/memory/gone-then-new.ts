import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { contentLemmas } from '../understanding/similarity'
import { normalize } from '../understanding/text'
import { otherOwner } from './whose'

/** A thing given up, said before it: "sold the Civic", "left Brightwave", "quit smoking". */
const GONE_BEFORE =
  /\b(?:sold|got rid of|gave up|given up|quit|left|ditched|cancel(?:l)?ed|stopped using|stopped|rehomed|gave away|traded in|returned)\s+((?:(?:the|my|our|that|this)\s+)?[\p{L}\p{N}'’.-]+(?:\s+[\p{L}\p{N}'’.-]+){0,2}?)(?=\s*(?:$|[,.;:!?—–-]|\s(?:last|this|in|on|at|after|because|since|for good|yesterday|today|recently|and|but|so|finally|already|now)\b))/iu

/** A person or place gone, said after it: "Dr. Fischer retired", "the Thai place closed". */
const GONE_AFTER =
  /((?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?|(?:the|my|our)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)\s+(?:has\s+|have\s+|just\s+)?(?:and\s+I\s+)?(?:retired|left|quit|closed(?: down)?|shut(?: down)?|moved away|broke up|split up|separated)\b/u

/** A value said to hold no longer: "not Swindon any more", "not with Brightwave now". */
const NOT_ANY_MORE =
  /\bnot\s+(?:in\s+|at\s+|with\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?:any ?more|now|these days)\b/u

/** A thing given in for another: "traded the Yamaha in for a Triumph", "swapped my Fiesta for …". */
const TRADED =
  /\b(?:traded|swapped|exchanged|part-exchanged|replaced)\s+(?:in\s+)?(?:the|my|our)\s+([\p{L}\d'’ -]{2,30}?)\s+(?:in\s+)?(?:for|with)\b/u

/** Words of a gone thing that say nothing about which one it was. */
const NOT_NAMING = /^(?:the|my|our|that|this|old|job|place|one|dr|mr|mrs|ms|miss|using)$/u

/** The words of the thing a statement says the speaker no longer has, uses or sees. */
export function goneThing(text: string): string[] {
  // "Gareth left so now I report to Nina": "left so" gives up nothing; who left is said before.
  for (const re of [GONE_BEFORE, GONE_AFTER]) {
    const m = re.exec(text)
    const words = m ? contentLemmas(m[1]!).filter((w) => !NOT_NAMING.test(w)) : []
    if (words.length > 0) return words
  }
  return []
}

const isFactLike = (i: MemoryItem): boolean => i.kind === 'fact' || i.kind === 'preference'

/** The old value as named in a message that says it went: "Swindon", "Yamaha"; '' when none. */
function namedAsGone(message: string): string {
  const m = NOT_ANY_MORE.exec(message) ?? TRADED.exec(message)
  return m ? m[1]!.trim() : ''
}

const wordIn = (needle: string, hay: string): boolean => {
  const n = normalize(needle)
  return n !== '' && ` ${normalize(hay)} `.includes(` ${n} `)
}

/** What says a thing stands in for one gone: "got a Model 3 instead", "new one is Dr. Yilmaz". */
const STANDS_IN = /\b(?:instead|new one|new|now|replacement|replaced|switched to|moved to)\b/iu

/**
 * "Marco left the club, my coach is Lena now", "Tom and I broke up. I'm seeing Alex now": another
 * clause of the message says a person or thing went, and this statement gives what stands in for
 * it. The one current fact or preference that holds the gone one's name (and not the new value) is
 * what it replaces; undefined when none or several do.
 */
function goneBefore(
  current: readonly MemoryItem[],
  c: Capture,
  message: string,
): MemoryItem | undefined {
  if ((c.kind !== 'fact' && c.kind !== 'preference') || !STANDS_IN.test(c.text)) return undefined
  const at = message.toLowerCase().indexOf(c.text.toLowerCase())
  const rest = at < 0 ? message : `${message.slice(0, at)} ${message.slice(at + c.text.length)}`
  const own = new Set(contentLemmas(c.text))
  // "Marco left the club": who left, and failing that what was left.
  for (const re of [GONE_AFTER, GONE_BEFORE]) {
    const m = re.exec(rest)
    const words = m ? contentLemmas(m[1]!).filter((w) => !NOT_NAMING.test(w) && !own.has(w)) : []
    if (words.length === 0) continue
    const holding = current.filter((i) => {
      if (!isFactLike(i) || otherOwner(c.text, i.text)) return false
      const held = new Set(contentLemmas(i.text))
      return words.some((w) => held.has(w))
    })
    if (holding.length === 1) return holding[0]
  }
  return undefined
}

/**
 * The current fact or preference a statement says is gone. "sold the Civic" after "I drive a 2014
 * Honda Civic", "quit smoking" after "I smoke ten a day": the one that holds a word of the thing
 * the statement (a fact or preference) gives up; undefined when several do (then it is not clear
 * which is meant). Failing that, "not Swindon anymore, they moved us to Chippenham", "traded the
 * Yamaha in for a Triumph": the latest that holds the old value the message names, when the new
 * value is not that.
 */
export function goneNamed(
  current: readonly MemoryItem[],
  c: Capture,
  message: string,
): MemoryItem | undefined {
  const words = c.kind === 'fact' || c.kind === 'preference' ? goneThing(c.text) : []
  if (words.length > 0) {
    const holding = current.filter((i) => {
      if (!isFactLike(i) || otherOwner(c.text, i.text)) return false
      const held = new Set(contentLemmas(i.text))
      return words.some((w) => held.has(w))
    })
    if (holding.length === 1) return holding[0]
  }
  const before = goneBefore(current, c, message)
  if (before) return before
  const was = namedAsGone(message)
  if (was === '' || wordIn(was, c.value ?? '')) return undefined
  return current
    .filter((i) => isFactLike(i) && wordIn(was, i.text))
    .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
}

/** A named thing got right after the loss: "got a Skoda Octavia". */
const GOT_NAMED = /\b(?:[Gg]ot|[Bb]ought|[Pp]icked up)\s+an?\s+(?:[\p{L}\d-]+\s+)?\p{Lu}/u
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
  return STANDS_IN.test(c.text) || GOT_NAMED.test(c.text) || NO_LONGER.test(gone.text)
    ? gone
    : undefined
}
