import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { isWorkItem } from './new-workplace'
import { relationsIn } from './whose'

/** Places a person works from that can be moved: "base", "the unit", "my stall", "the venue". */
const WORKS_FROM =
  '(?:base|unit|stall|pitch|venue|slot|site|workshop|studio|yard|depot|premises|shop|salon|practice|camp)'

/** Verbs that move or swap a place. */
const MOVE =
  '(?:mov(?:e|ed|ing)|shift(?:ed|ing)?|swapp?(?:ed|ing)?|switch(?:ed|ing)?|chang(?:e|ed|ing)|relocat(?:e|ed|ing))'

/**
 * "shifted base down to…", "moved the unit,", "venue got swapped", "workshop relocated": the
 * speaker's place of work itself moved — not a thing named after it ("moved the office party").
 */
const BASE_MOVED = [
  new RegExp(
    String.raw`\b${MOVE}\s+(?:the\s+|our\s+|my\s+)?(${WORKS_FROM})\b(?!\s+(?!(?:up|down|over|across|out|back|to|from|again|this|last|so|and|now)\b)\p{L})`,
    'iu',
  ),
  new RegExp(
    String.raw`(?:^|[\s,;])(?:the\s+|our\s+|my\s+)?(${WORKS_FROM})\s+(?:got\s+|has\s+been\s+|have\s+been\s+|was\s+|is\s+|['’]s\s+been\s+)?${MOVE}\b`,
    'iu',
  ),
]

/** Days and months: when, not where ("moved the slot to Friday"). */
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/iu

/** Where the speaker is now: "…down to Balclutha", "on the Marston Trading Estate", "out of Truro". */
const NOW_AT =
  /\b(?:at|on|in|to|onto|into|out of)\s+(?:the\s+)?(\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*)*)/u

/** A fact that says where: "out of Gore", "a unit in Frome", "venue is the Gilded Balloon". */
const SAYS_WHERE =
  /\b(?:(?:at|in|on|out of|from)\s+(?:(?:the|an?)\s+)?|is\s+the\s+)(?:[\p{Ll}-]+\s+){0,2}(\p{Lu}[\p{L}-]*)/gu

/** Whether a text names a place (not a day or month: "due in May" says when). */
const saysWhere = (text: string): boolean =>
  [...text.matchAll(SAYS_WHERE)].some((m) => !CALENDAR.test(m[1]!))

/** What a fact about where the speaker works is filed under, if anything. */
const OWN_WORK = /^(?:|employer|job)$/u

/** Where the speaker lives, which a move at work leaves. */
const LIVES = /\b(?:live|lives|living|rent|renting|home|flat|house)\b/iu

/**
 * "we've shifted base down to Balclutha" after "I am a shearer out of Gore", "venue got swapped,
 * I'm at the Pleasance now" after "…my venue is the Gilded Balloon": a move of the place the
 * speaker works from, told in the message, with the new place named in the statement, replaces
 * the one current fact of the speaker's own that says where they are (of several, the one naming
 * what moved, else the one about their work). Undefined when the move is someone else's, names no place, or
 * the old fact already names the new one.
 */
export function newBase(
  current: readonly MemoryItem[],
  c: Capture,
  message: string = c.text,
): MemoryItem | undefined {
  if (c.kind !== 'fact' || c.subject === 'home') return undefined
  if (relationsIn(message).size > 0) return undefined
  const moved = BASE_MOVED.map((re) => re.exec(message)).find((m) => m !== null)
  const place = NOW_AT.exec(c.text)?.[1]
  if (!moved || !place || CALENDAR.test(place)) return undefined
  const wheres = current.filter(
    (i) =>
      i.kind === 'fact' &&
      OWN_WORK.test(itemExtras(i).extras.subject ?? '') &&
      relationsIn(i.text).size === 0 &&
      saysWhere(i.text) &&
      !LIVES.test(i.text),
  )
  // Of several, the one naming what moved ("my venue is…"), else the one about the speaker's work.
  const naming = new RegExp(`\\b${moved[1]!}\\b`, 'iu')
  const held =
    [wheres, wheres.filter((i) => naming.test(i.text)), wheres.filter(isWorkItem)].find(
      (some) => some.length === 1,
    ) ?? []
  if (held.length !== 1) return undefined
  return held[0]!.text.toLowerCase().includes(place.toLowerCase()) ? undefined : held[0]
}

/**
 * What was told, then the old item's text with the new place in place of its last one: "We have
 * shifted base down to Balclutha; I am a shearer out of Balclutha" for "I am a shearer out of
 * Gore", so what else the old item said (the job, the business's name) stays current. Null when
 * either place cannot be found.
 */
export function baseSwapped(old: string, told: string): string | null {
  const place = NOW_AT.exec(told)?.[1]
  const last = [...old.matchAll(SAYS_WHERE)].filter((m) => !CALENDAR.test(m[1]!)).at(-1)
  if (!place || !last) return null
  const start = last.index + last[0].length - last[1]!.length
  // The whole name: "Gilded Balloon", not "Gilded".
  const name = /^\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*)*/u.exec(old.slice(start))![0]
  return `${told}; ${old.slice(0, start)}${place}${old.slice(start + name.length)}`
}
