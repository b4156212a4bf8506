import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { otherOwner } from './whose'
import { canonical } from '../understanding/lexicon'
import { isOwner } from './same-form-target'

/** Subject words that name no role or thing of the speaker's ("landlord name" is about the landlord). */
const NOT_A_ROLE = /^(?:name|time|home|s|my|the|of)$/u

/** "GPs" and "GP", "dentists'" and "dentist" are one word. */
const singular = (w: string): string => w.toLowerCase().replace(/['’]?s?['’]?$/u, '')

/** "new one is Dr. Osei", "the new landlord is Gary", "new GP: Dr Osei". */
const NEW_ONE = /\bnew\s+(one|[\p{L}-]+)\b/iu

/** Words that say a value changed. */
const CHANGE = /\b(?:now|these days|anymore|any more|no longer|switched|changed|instead)\b/iu

/** "my contact at Lumora is Malte now": the speaker's role named, then who holds it. */
const OWN_ROLE_IS =
  /^(?:[Mm]y|[Oo]ur)\s+([\p{L}-]+)(?:\s+(?:at|for|in|with)\s+\p{Lu}[\p{L}'’-]*)?\s+is\s+\p{Lu}/u

/** A name or number the statement gives: what the role now holds. */
const GIVES_VALUE = /(?<=\S\s+)\p{Lu}[\p{L}'’-]+|\d/u

/**
 * "my GP is Dr Shah" … "we switched GPs, new one is Dr. Osei": someone or something new in a role
 * the speaker has (said with "new", "now", "these days", "switched", "instead"…, and a name or
 * number) replaces the current item filed under that role, when the statement itself was filed
 * under none. The role is the word after "new", else the words of the message; every word of it
 * must be there, and it must be the subject of exactly one current fact, not another person's.
 */
export function newInRole(
  current: readonly MemoryItem[],
  c: Capture,
  message: string,
): MemoryItem | undefined {
  if (c.kind !== 'fact' || c.subject !== null) return undefined
  const m = NEW_ONE.exec(c.text)
  const change = m ?? CHANGE.exec(c.text)
  if (!change || !GIVES_VALUE.test(c.text)) return undefined
  // "new boss" is a new manager: a role is named by its usual word too.
  const named = (w: string): string[] => [singular(w), singular(canonical(w))]
  const said =
    !m || m[1]!.toLowerCase() === 'one'
      ? new Set((message.match(/[\p{L}-]+/gu) ?? []).flatMap(named))
      : new Set(named(m[1]!))
  // "Our babysitter is Chloe", filed under no subject, is the role's holder too; so is "contact
  // person is Svenja" for "my contact at Lumora is Malte now".
  // Family and pets are whose a thing is, not a role held by one person at a time.
  const ownRole = m ? undefined : OWN_ROLE_IS.exec(c.text)?.[1]
  const roleWord =
    m && m[1]!.toLowerCase() !== 'one'
      ? singular(m[1]!)
      : ownRole && !isOwner(ownRole)
        ? singular(ownRole)
        : null
  const holder = roleWord
    ? new RegExp(`(?:\\b(?:my|our)\\s+(?:[\\p{L}-]+\\s+)?|^)${roleWord}s?(?:\\s+person)?\\b`, 'iu')
    : null
  const holding = current.filter((i) => {
    const subject = itemExtras(i).extras.subject
    if (i.kind !== 'fact' || otherOwner(c.text, i.text)) return false
    if (!subject) return holder !== null && holder.test(i.text) && GIVES_VALUE.test(i.text)
    const role = subject.split(' ').filter((w) => !NOT_A_ROLE.test(w))
    return role.length > 0 && role.every((w) => said.has(singular(w)))
  })
  return holding.length === 1 ? holding[0] : undefined
}
