import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { MY_RELATION } from '../understanding/lexicon'
import { isPlace } from '../understanding/nlp'
import { relationsIn } from './whose'

/** A name of one or more capitalised words: "Corby", "Marston Trading Estate". */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*)*`

/** Places at work one is sent to: "the Corby site", "the Leeds office", "the Ealing branch". */
const WORK_SITE =
  '(?:site|office|branch|depot|store|shop|warehouse|plant|factory|hospital|campus|clinic|location|hub|centre|center|yard|hotel|restaurant|kitchen|lab)'

/**
 * "they've transferred me to the Leeds office", "I got moved to the Ealing branch",
 * "I got moved to the Ealing branch": the speaker sent by work to another of its places.
 */
const SENT_TO_SITE = new RegExp(
  String.raw`\b(?:mov(?:e|es|ed|ing)|transferr?(?:ed|ing|s)?|sen[dt]|sending|post(?:ed|ing)|put(?:s|ting)?|relocat(?:e|ed|es|ing)|reassign(?:ed|ing)?)\s+(?:me|us)\s+(?:over\s+|across\s+|permanently\s+)?to\s+(?:the\s+|our\s+|their\s+)?(?:new\s+)?(${NAME})\s+${WORK_SITE}\b`,
  'u',
)

/** "I got moved to the Corby site", "I've been transferred to the Leeds office". */
const GOT_SENT = new RegExp(
  String.raw`\bI\s+(?:got|get|have\s+been|['’]ve\s+been|am\s+being|was|am)\s+(?:moved|transferred|sent|posted|relocated|reassigned)\s+(?:over\s+)?to\s+(?:the\s+|our\s+|their\s+)?(?:new\s+)?(${NAME})\s+${WORK_SITE}\b`,
  'u',
)

/** A move still to come: "from Monday", "starting in May", "next month", "I'm being moved". */
const AHEAD = /\b(?:from|starting|as of|next|will|going to|gonna|being|soon)\b/iu

/**
 * "since last week I am in Revolut", "now I'm with Ocado": where the speaker is now, in a message
 * that says the old job ended or the work is the same ("I don't work there anymore", "same job").
 */
const NOW_WITH = new RegExp(
  String.raw`(?:^|[,;]\s*)(?:(?:since|from)\s+[^,]+?,?\s+|now\s+)?I\s+am\s+(?:now\s+)?(?:in|at|with)\s+(${NAME})`,
  'u',
)
const LEFT_OR_SAME =
  /\b(?:(?:do\s+not|don['’]t|no\s+longer)\s+work\s+(?:there|at|for|with)\b|left\s+(?:there|that\s+job|my\s+(?:old\s+)?job)|same\s+(?:role|job|position|title|work))\b/iu

/** "Revolut" in "I am in Revolut": an employer, unless it is a town ("I am in Leeds now"). */
const employerNamed = (name: string | undefined): string | undefined =>
  name && !isPlace(name) ? name : undefined

/**
 * What the speaker does for a living, as first told: filed as employer or job, or "I work…", or
 * "I am … at Acme" (never about one of their people).
 */
export function isWorkItem(i: MemoryItem): boolean {
  if (i.kind !== 'fact') return false
  const subject = itemExtras(i).extras.subject
  if (subject === 'employer' || subject === 'job') return true
  if (subject || MY_RELATION.test(i.text)) return false
  return (
    /^I\s+work\b/u.test(i.text) ||
    (/^I\s+am\b/u.test(i.text) && /\b(?:at|for|with|in)\s+(?:(?:the|an?)\s+)?\p{Lu}/u.test(i.text))
  )
}

/**
 * "agency moved me to the Corby site" after "I work as picker in the big Rexa
 * warehouse outside Daventry", "I don't work there anymore, since last week I am in Revolut, same
 * job" after "I work like software tester … Farfetch": a new place of work told as news replaces
 * the one current item that says where the speaker works, when that item does not already name
 * the new place. Someone else's move ("my sister got moved to the Leeds office") replaces nothing.
 */
export function newWorkplace(
  current: readonly MemoryItem[],
  c: Capture,
  message: string = c.text,
): MemoryItem | undefined {
  if (c.kind !== 'fact' || (c.subject !== null && c.subject !== 'employer')) return undefined
  if (relationsIn(c.text).size > 0) return undefined
  // "…to the Corby site from next monday" is a plan: until then the old place still holds.
  const sent = AHEAD.test(c.text) ? undefined : (SENT_TO_SITE.exec(c.text) ?? GOT_SENT.exec(c.text))
  const place =
    sent?.[1] ??
    (LEFT_OR_SAME.test(message) ? employerNamed(NOW_WITH.exec(c.text)?.[1]) : undefined)
  if (!place) return undefined
  const work = current.filter((i) => isWorkItem(i))
  // "I'm a nurse" beside "I work at St Mary's": the one that says where is the one that changes.
  const where = work.length > 1 ? work.filter((i) => PLACED.test(i.text)) : work
  if (where.length !== 1) return undefined
  return where[0]!.text.toLowerCase().includes(place.toLowerCase()) ? undefined : where[0]
}

/** A place named in a work item: "at Boots", "in the big Rexa warehouse", "outside Daventry". */
const PLACED =
  /\b(?:at|in|for|with|outside|near)\s+(?:(?:the|an?)\s+)?(?:[\p{Ll}-]+\s+){0,2}\p{Lu}/u

/** A clause that says where: "in the big Rexa warehouse outside Daventry", "at Boots". */
const SAYS_WHERE = /\b(?:at|in|outside|near|on)\s+(?:(?:the|an?)\s+)?(?:[\p{Ll}-]+\s+){0,2}\p{Lu}/u

/**
 * The new item's text for a move to another of the same employer's places: what was said, with
 * what the old item said besides where ("…agency contract through StaffLine" stays true after a
 * move to the Corby site), so the details of the job are not lost with the old place.
 */
export function withDetailsKept(told: string, old: MemoryItem): string {
  // A new employer ("since last week I am in Revolut") keeps nothing of the old job.
  if (!SENT_TO_SITE.test(told) && !GOT_SENT.test(told)) return told
  const rest = old.text
    .split(/\s*[,;]\s+/u)
    .slice(1)
    .filter(
      (clause) => !SAYS_WHERE.test(clause) && !told.toLowerCase().includes(clause.toLowerCase()),
    )
  return rest.length > 0 ? `${told}, ${rest.join(', ')}` : told
}
