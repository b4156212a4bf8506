import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'

/** "Max turned 4 on Sunday", "Arjun just turned 10": a birthday told by name. */
const TURNED =
  /\b(\p{Lu}[\p{L}'’-]+)\s+(?:has\s+|just\s+)*(?:turned|turns|is turning)\s+(\d{1,3})\b/u

/** "Arjun is 10 now", "Ella's 7 now", "Max is now 4": a new age said as a change. */
const IS_NOW =
  /\b(\p{Lu}[\p{L}'’-]+)(?:['’]s|\s+is)\s+(?:now\s+(\d{1,3})\b|(\d{1,3})(?:\s+years?\s+old)?\s+now\b)/u

/** A text that gives someone's age: "My son Arjun is 9", "Our dog Max is 3 years old". */
const AGE_HELD =
  /\b(?:is|aged?|turned|turns)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:years?\s+old|yo|y\/o)\b/iu

/**
 * "Arjun is 10 now" after "My son Arjun is 9", "Max turned 4 on Sunday" after "Our dog Max is 3
 * years old": a new age for someone named replaces the one current fact that gives that person a
 * different age; undefined when none or several do.
 */
export function newAge(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  if (c.kind !== 'fact') return undefined
  const m = TURNED.exec(c.text) ?? IS_NOW.exec(c.text)
  if (!m || /^(?:I|It|He|She|They|We|That|This)$/u.test(m[1]!)) return undefined
  const name = m[1]!.toLowerCase()
  const age = m[2] ?? m[3]!
  const holding = current.filter((i) => {
    if (i.kind !== 'fact') return false
    const held = AGE_HELD.exec(i.text)
    const subject = itemExtras(i).extras.subject ?? ''
    return (
      held !== null &&
      (held[1] ?? held[2]) !== age &&
      (subject === '' || /\bage$/u.test(subject)) &&
      ` ${i.text.toLowerCase().replace(/(?:['’]s)?[^\p{L}\p{N}-]+/gu, ' ')} `.includes(` ${name} `)
    )
  })
  return holding.length === 1 ? holding[0] : undefined
}
