import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import type { Capture } from '../understanding/types'
import { isPlace } from '../understanding/nlp'
import { relationsIn } from './whose'

/**
 * A move of house told as done, with where to: "we finally moved to Perth", "new place is in
 * Leyton", "relocated to Leeds last month". Not a move at work ("moved to the Leeds office").
 */
const MOVED_HOME =
  /\b(?:(?:I|[Ww]e)\s+(?:have\s+|['’]ve\s+)?(?:finally\s+|officially\s+|just\s+|recently\s+)?(?:moved|relocated)\s+(?:house\s+|home\s+|back\s+)?(?:to|into)\s+(?:a\s+|the\s+|our\s+|my\s+)?|\b[Nn]ew\s+(?:place|flat|house|home|apartment|address)(?:\s+is|['’]s)\s+(?:in|at|on|near)\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?!\s+(?:office|branch|site|team|department|depot|store|shop|campus|ward|clinic|school))/u

/** A move of house told without where to: "We moved!", "we've finally moved house". */
const MOVED_SAID =
  /\b(?:I|[Ww]e)\s+(?:have\s+|['’]ve\s+)?(?:finally\s+|just\s+|officially\s+|recently\s+)?moved(?:\s+house|\s+home)?\b(?!\s+(?:to|into|my|our|the|it|them|him|her|over|on|up|off|in|from|back|forward|a|an)\b)/u

/** Where the speaker says they are now, after such a move: "We're in Glasgow now", "living in Leith". */
const NOW_IN =
  /\b(?:I['’]m|I\s+am|[Ww]e['’]re|[Ww]e\s+are|(?:I|[Ww]e)\s+(?:now\s+)?live|living|based)\s+(?:now\s+)?(?:in|at)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u

/** What people live in, as they name it: "a flat share", "the staff dorms", "a semi". */
const DWELLING =
  '(?:flat|flatshare|flat share|house|houseshare|house share|apartment|place|condo|bungalow|studio|room|cottage|semi|terrace|dorms?|halls|digs|bedsit|maisonette|caravan|annexe)'

/** A place named after "in", typed as it comes ("splott"), never a determiner ("in the hospital"). */
const WHERE =
  "(?!(?:the|a|an|my|our|his|her|their|town|bed)\\b)(\\p{L}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)"

/**
 * A move into a home told by what it is and where: "we just moved into the staff dorms up in
 * Hirafu", "moved into a flat share in Gorgie", "we're in a semi in Sale now", "got a room in
 * splott now". Not a move at work ("moved into the new office in Gorgie").
 */
const HOME_TOLD = [
  new RegExp(
    `\\b(?:I|[Ww]e)\\s+(?:have\\s+|['’]ve\\s+)?(?:(?:finally|just|officially|recently)\\s+)*(?:moved|relocated)\\s+(?:in\\s*)?to\\s+(?:a|an|the|our|my)\\s+(?:[\\p{L}-]+\\s+){0,3}?${DWELLING}\\b[^,.;!?]*?\\b(?:in|at|near)\\s+${WHERE}`,
    'u',
  ),
  new RegExp(
    `\\b(?:I\\s+am|I['’]m|[Ww]e\\s+are|[Ww]e['’]re)\\s+(?:now\\s+)?in\\s+(?:a|an|our|my)\\s+(?:[\\p{L}-]+\\s+){0,2}?${DWELLING}\\s+(?:in|near)\\s+${WHERE}(?=.*\\bnow\\b)`,
    'u',
  ),
]

/** A home got, when the message says it is lived in now: "got a room in splott now", "got a place in Fremantle, moved in Saturday". */
const GOT_HOME = new RegExp(
  `\\b(?:(?:I|[Ww]e)\\s+)?(?:have\\s+)?(?:(?:finally|just)\\s+)*got\\s+(?:a|an|our|my)\\s+(?:[\\p{L}-]+\\s+){0,2}?${DWELLING}\\s+(?:in|near)\\s+${WHERE}`,
  'u',
)

/** A move told by its direction, to a town the sentence reader knows: "relocated up to Inverness". */
const MOVED_AWAY =
  /\b(?:I|[Ww]e)\s+(?:have\s+|['’]ve\s+)?(?:(?:finally|just|officially|recently)\s+)*(?:moved|relocated)\s+(?:up|down|out|over|back)\s+(?:(?:north|south|east|west)\s+)?to\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/u

/**
 * Where the speaker lives: "I live in Adelaide", "We rent a two-bed in Walthamstow", "we're renting
 * a flat in Brixton", "our flat is in Leith".
 */
const LIVES =
  /\b(?:(?:I|[Ww]e)\s+(?:now\s+)?(?:live|rent|own|stay|are based|am based)|(?:I\s+am|I['’]m|[Ww]e\s+are|[Ww]e['’]re)\s+(?:based|living|renting|staying)|(?:[Mm]y|[Oo]ur)\s+(?:flat|house|home|place|apartment)\s+is)\b[^.!?]*?\b(?:in|at)\s+\p{Lu}/u

/**
 * "we finally moved to Perth" after "I live in Adelaide", "new place is in Leyton" after "We rent a
 * two-bed in Walthamstow": a move of house the speaker made replaces the one current fact that
 * says where they live (filed as home or not), when that fact does not already name the new place.
 * A move told of someone else ("my sister moved to Perth") replaces nothing.
 */
export function newHome(
  current: readonly MemoryItem[],
  c: Capture,
  message: string = c.text,
): MemoryItem | undefined {
  if (c.kind !== 'fact' || (c.subject !== null && c.subject !== 'home')) return undefined
  const moved =
    MOVED_HOME.exec(c.text) ??
    HOME_TOLD.reduce<RegExpExecArray | null>((m, r) => m ?? r.exec(c.text), null) ??
    (/\b(?:now|moved in)\b/iu.test(message) ? GOT_HOME.exec(c.text) : null) ??
    [MOVED_AWAY.exec(c.text)].find((m) => m !== null && isPlace(m[1]!)) ??
    (MOVED_SAID.test(message) && !relationsIn(message).size ? NOW_IN.exec(c.text) : null)
  if (!moved || relationsIn(c.text).size > 0) return undefined
  const place = moved[1]!.toLowerCase()
  const homes = current.filter(
    (i) =>
      i.kind === 'fact' &&
      (itemExtras(i).extras.subject === 'home' || LIVES.test(i.text)) &&
      !i.text.toLowerCase().includes(place),
  )
  return homes.length === 1 ? homes[0] : undefined
}
