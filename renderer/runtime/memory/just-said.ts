import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { formValues, replaceable, sameValue } from '../understanding/value-forms'
import { otherOwner } from './whose'

/** Facts and preferences are told; tasks and issues are open things. */
const grade = (k: MemoryItem['kind']): string => (k === 'fact' || k === 'preference' ? 'told' : k)

/** How long a correction that names nothing points at the latest thing said. */
const RECENT_MS = 15 * 60_000

/**
 * "ugh I read the letter wrong, it's March 19" minutes after "Hospital appointment for my knee is
 * on March 9", "8:30 actually, they didn't have 8" after "Dinner at Dishoom is 8pm": a correction
 * that gives one value and names nothing it shares with memory changes the latest thing said in the
 * last quarter hour that holds a different value of the same form. Never an item about another of
 * the speaker's people. Undefined when the statement holds no value or more than one.
 *
 * @example
 * justSaid(items, capture("It's March 19"), now) // → the appointment said five minutes ago
 */
export function justSaid(
  current: readonly MemoryItem[],
  c: Capture,
  now: Date,
): MemoryItem | undefined {
  const values = formValues(c.text)
  if (values.length !== 1) return undefined
  const value = values[0]!
  return current
    .filter((i) => {
      if (Date.parse(i.createdAt) < now.getTime() - RECENT_MS || otherOwner(c.text, i.text))
        return false
      // A new errand or problem with a time in it corrects no fact, nor a fact an errand.
      if (grade(i.kind) !== grade(c.kind)) return false
      const held = formValues(i.text)
      return held.some((h) => replaceable(value, h)) && !held.some((h) => sameValue(value, h))
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}
