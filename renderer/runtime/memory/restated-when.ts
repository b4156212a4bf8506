import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { formValues } from '../understanding/value-forms'
import { sameFormTarget } from './same-form-target'

/** Forms of when: a new one for the same thing replaces the old. */
const WHEN = new Set(['date', 'weekday', 'time'])

/** Names, places, months and days written with a capital inside a text ("Mia", "June"). */
const capitalised = (text: string): string[] => text.match(/(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu) ?? []

/**
 * "the recital is on the 14th" days after "Mia's dance recital is the 7th": a fact that gives a
 * day, date or time for what one current fact names (the words they share, as `sameFormTarget`
 * weighs them) replaces it, change word or not, when it names nothing the old fact does not — no
 * person, place, month or day of its own ("Ben's recital is Friday" is another recital). Undefined
 * when no one fact is clearly meant.
 */
export function restatedWhen(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  if (c.kind !== 'fact' || !formValues(c.text).some((v) => WHEN.has(v.form))) return undefined
  const facts = current.filter((i) => i.kind === 'fact')
  const found = sameFormTarget(facts, { text: c.text, kind: c.kind, subject: c.subject })
  if (!found || capitalised(c.text).some((w) => !found.text.includes(w))) return undefined
  return found
}
