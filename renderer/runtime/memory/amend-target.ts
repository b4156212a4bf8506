import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { hasForm, valueSpan } from '../understanding/value-span'
import { sameFormTarget } from './same-form-target'
import { topicTarget } from './topic-target'
import { WHICH_ONE } from '../understanding/which-one'

/** A correction that only gives the new value ("no wait, it's the 14th", "make that 950 MXN"). */
export interface Amendment {
  /** The sentence as said, for the words it shares with what it corrects. */
  sentence: string
  value: string
  /** The old value when named ("…, not Samantha"). */
  replaces: string | null
}

/** A name as said: one to three capitalised words ("Samuel", "Dr Okafor", "Mary Jane"). */
const NAME_SHAPED = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u

/** How long "it's the 14th" points at the latest thing said rather than at memory as a whole. */
const RECENT_MS = 15 * 60_000

/**
 * The current item a bare correction changes: the latest active item holding the value it names as
 * wrong; else the latest thing said in the last quarter hour that holds a value of the same form
 * ("scratch that, Thursday" corrects the day in "parents evening is Tuesday at 6", not an older
 * value or a later town), or, for a value of no form, a value of its own; else, said any time later, the one item holding a value of that form that the sentence
 * names by a word, or the only one with an email, a phone number or an amount in that unit ("sorry,
 * earlier I meant 950 MXN an hour"). Undefined when nothing is clearly meant.
 */
export function amendTarget(
  items: readonly MemoryItem[],
  a: Amendment,
  now: Date,
): MemoryItem | undefined {
  const active = items.filter((i) => i.status === 'active')
  const latest = (xs: MemoryItem[]): MemoryItem | undefined =>
    [...xs].sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0]
  // "scratch that about the dentist, it's the 14th": the item it names by its topic.
  const topic = topicTarget(active, a.sentence)
  if (topic) return topic
  if (a.replaces) {
    const named = active.filter((i) => i.text.toLowerCase().includes(a.replaces!.toLowerCase()))
    const found = [...named].sort((x, y) => y.confirmedAt.localeCompare(x.confirmedAt))[0]
    if (found) return found
  }
  const lately = active.filter((i) => Date.parse(i.createdAt) >= now.getTime() - RECENT_MS)
  // "no, it's the one on Gandy St, not the high st one": which one of what was just said.
  if (WHICH_ONE.test(a.value)) {
    const said = latest(lately)
    if (said) return said
  }
  // A value of the same form first ("the 12th" corrects a date, not the town said after it); an
  // item with a value of its own only for a value with no form of its own ("it's CEST").
  const recent =
    latest(lately.filter((i) => valueSpan(i.text, a.value, now) !== null)) ??
    (hasForm(a.value, now)
      ? undefined
      : latest(
          lately.filter(
            (i) =>
              (itemExtras(i).extras.value ?? null) !== null &&
              // A name is corrected by a name, not by "the big one".
              (itemExtras(i).extras.subject !== 'name' || NAME_SHAPED.test(a.value)),
          ),
        ))
  if (recent) return recent
  return sameFormTarget(active, { text: a.sentence, value: a.value, kind: null, bare: true })
}
