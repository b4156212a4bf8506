import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { relationsIn } from './whose'

/** The part of the day a shift is worked in, one word for each way it is said. */
type Period = 'day' | 'night' | 'early' | 'late'

const PERIODS: readonly [RegExp, Period][] = [
  [/^(?:days?|daytimes?)$/iu, 'day'],
  [/^nights?$/iu, 'night'],
  [/^(?:earl(?:y|ies))$/iu, 'early'],
  [/^lates?$/iu, 'late'],
]

const periodOf = (word: string): Period | undefined => PERIODS.find(([re]) => re.test(word))?.[1]

/**
 * A shift the speaker is put on: "they've put me on days", "switching to nights from May", "back on
 * earlies", "moved to the day shift", "I am day shift from this week". The word is one that names a time of day worked, after what
 * puts someone on it.
 */
const PUT_ON =
  /\b(?:on|onto|to|doing|working|am|I['’]m|we['’]re|are)\s+(?:the\s+)?(?:(days|nights|earlies|lates)\b(?!\s+(?:off|out|ago|a|per|later)\b)|(day|night|early|late)[\s-]?shifts?\b)/iu

/** What says the shift is a change and not a week's cover: "now", "from March", "put me on". */
const CHANGE =
  /\b(?:now|from|moved|moving|move|put|putting|switch\w*|chang\w*|transferr\w*|back on|permanent\w*|going forward|offered)\b/iu

/** The speaker, before the shift is named: "they put me on", "I'm switching to", "we're on". */
const SPEAKER =
  /(?:^|\b)(?:I|me|I['’]m|I['’]ve|we|us|we['’]re|we['’]ve)\b(?![^,.;]*\b(?:my|our)\s+\p{L})/iu

/**
 * The shift a fact says the speaker works: "I work nights", "I'm on earlies", "night nurse at St
 * Mary's", "on the late shift", "nights 8pm-8am".
 */
const HELD =
  /\b(?:work(?:s|ing)?|on|do(?:ing)?)\s+(?:the\s+)?(days|nights|earlies|lates)\b(?!\s+(?:off|out|ago|a|per)\b)|\b(day|night|early|late)[\s-]?shifts?\b|\b(night)\s+(?:nurse|porter|manager|worker|staff|carer|sister|supervisor|security|guard|driver|baker|receptionist|cleaner)\b|\b(nights)\s+\d/iu

/**
 * "they've put me on days from next month" after "I'm a night nurse at St Mary's": the speaker's
 * new shift replaces the one current fact that says they work another; undefined when none or
 * several do, or when the shift is someone else's ("my husband's on nights now").
 */
export function newShift(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  if (c.kind !== 'fact' || !CHANGE.test(c.text)) return undefined
  const m = PUT_ON.exec(c.text)
  // The speaker's own shift: "put me on days", not "Dave's on nights now".
  if (!m || !SPEAKER.test(c.text.slice(0, m.index))) return undefined
  const period = periodOf(m[1] ?? m[2]!)
  if (!period) return undefined
  const holding = current.filter((i) => {
    if (i.kind !== 'fact' || relationsIn(i.text).size > 0) return false
    const held = HELD.exec(i.text)
    const was = held ? periodOf(held.slice(1).find((g) => g !== undefined)!) : undefined
    return was !== undefined && was !== period
  })
  return holding.length === 1 ? holding[0] : undefined
}
