import type { Clause } from './capture'
import { tidy } from './text'
import type { StatusUpdate } from './types'

/** How much of it: "half", "two thirds", "three quarters", "3/4". */
const FRACTION = String.raw`half|halfway|partly|partially|part|(?:a|one|two)[\s-]+thirds?|(?:a|one|three)[\s-]+quarters?|[1-3]\/[34]`

/** "roster's half done", "postmortem draft is about half done", "hospital bag: started, about half packed". */
const PART_DONE = new RegExp(
  String.raw`^(?:the\s+|my\s+|our\s+)?(.+?)(?:['’]s|\s+(?:is|are|was|were)|\s*:)\s+(?:(?:started|begun)\s*,?\s*)?(?:(?:about|around|roughly|nearly|almost|like|only|maybe|probably)\s+)?(?:${FRACTION})(?:\s+(?:done|finished|written|sent|packed|up|through|complete|completed|there|way there|way through|drafted|ready|\p{L}+ed)|\s*$|\s*,)`,
  'iu',
)

/** "personal statement is nearly finished", "migration's underway, about 60% done", "deck is 80% there". */
const UNDER_WAY =
  /^(?:the\s+|my\s+|our\s+)?(.+?)(?:['’]s|\s+(?:is|are))\s+(?:now\s+|well\s+)?(?:(?:nearly|almost|mostly|largely|about|around|roughly|maybe|probably)\s+)?(?:(?:done|finished|complete|completed|written|packed|there|ready)\s*(?:,|$|\s+(?:but|just|only|apart|except))|under\s*way|in progress|coming along|getting there|on the way|\d{1,2}\s*(?:%|percent|per cent)(?:\s+(?:done|through|there|finished|complete))?)/iu

/** Words that make "done" in UNDER_WAY mean not yet done ("nearly", "80%"). */
const NOT_ALL =
  /\b(?:nearly|almost|mostly|largely|under\s*way|in progress|coming along|getting there|on the way|\d{1,2}\s*(?:%|percent|per cent))\b|\d%/iu

/** "painted two walls of the spare room so far", "done 10 of the reports so far". */
const PART_OF =
  /^(?:I\s+(?:have\s+)?|we\s+(?:have\s+)?)?(?:\p{L}+ed|done|written|sent(?:\s+out)?|filled(?:\s+in)?|rung|made|built|dug|read|sold|paid)\s+(?:\d+|one|two|three|four|five|six|a few|some|half|most|a couple|a third|a quarter)\s+(?:[\p{L}-]+\s+)?of\s+(?:the\s+|my\s+|our\s+)?(.*?)\s+so far$/iu

/** "done 10 of the reports so far", "sent half of the invites", "marked 12 of 30 essays". */
const SOME_OF =
  /^(?:I\s+(?:have\s+)?|we\s+(?:have\s+)?)?(?:done|finished|written|sent(?:\s+out)?|marked|graded|packed|posted|signed|filled(?:\s+in)?|called|rung)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|some|half|most|a couple)\s+of\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:\d+\s+)?(?:the\s+|my\s+|our\s+|them\s*)?(.*?)(?:\s+so far|\s+already|\s+now)?$/iu

/** "about half the boxes are packed", "two of the three walls are painted": some of them done. */
const SOME_ARE = new RegExp(
  String.raw`^(?:(?:about|around|roughly|nearly|almost|maybe|probably)\s+)?(?:${FRACTION}|most|some|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+)?(?:the|my|our)\s+(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+|ten\s+)?(.+?)\s+(?:is|are|has been|have been)\s+(?:now\s+|already\s+)?(?:done|finished|packed|painted|sent|written|marked|booked|paid|signed|\p{L}+ed)\b`,
  'iu',
)

const COUNT =
  '(?:about\\s+|around\\s+|roughly\\s+)?(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|some|half|most|a couple(?:\\s+of)?)'

/**
 * Some of the things got so far, or some still to go: "got two quotes for the roof so far, waiting
 * on a third", "marked 20 essays, 12 to go", "sent 40 invites so far".
 */
const SO_FAR = new RegExp(
  `^(?:I\\s+(?:have\\s+)?|we\\s+(?:have\\s+)?)?(?:\\p{L}+ed|done|got|sent|made|written|had|rung|paid|sold|read|dug|built)\\s+${COUNT}\\s+(?!of\\b)(.+?)(?:\\s+so far\\b|,?\\s+${COUNT}\\s+(?:more\\s+)?(?:to go|left|still to do|remaining)\\b)`,
  'iu',
)

const UP_TO = String.raw`(?:halfway|half way|part way|partway|(?:a|one|two)[\s-]+thirds? of the way|(?:a|one|three)[\s-]+quarters? of the way)`

/** "got halfway through the fence", "I'm about a third of the way through the marking". */
const PART_WAY = new RegExp(
  String.raw`^(?:I\s+(?:am|have|got|have got)\s+|we\s+(?:are|have|got|have got)\s+|got\s+|am\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|maybe\s+|only\s+)?${UP_TO}\s+(?:through|into|down|along|done with)\s+(?:the\s+|my\s+|our\s+)?(.+?)(?:\s+(?:so far|now|already|today|yesterday|at the weekend|this week|last night))?$`,
  'iu',
)

/** "done the first two chapters", "painted the first three rooms": the first of several. */
const FIRST_FEW =
  /^(?:I\s+(?:have\s+)?|we\s+(?:have\s+)?)?(?:done|finished|written|edited|marked|painted|packed|cleared|sent(?:\s+out)?|read|filled(?:\s+in)?|fitted|planted|sorted|tiled|sanded|built|reviewed|translated|recorded|cleaned)\s+(?:the\s+)?first\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|few|couple(?:\s+of)?)\s+(?:of\s+(?:the\s+|my\s+|our\s+)?)?(.+?)(?:\s+(?:so far|now|already|today|yesterday))?$/iu

/** "mostly packed, just the kitchen left": most of it done, the rest named. */
const MOSTLY =
  /^(?:I\s+am\s+|we\s+are\s+|I\s+have\s+|we\s+have\s+|(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are)\s+)?(?:mostly|nearly all|almost all|largely)\s+(\p{L}+(?:ed|en|t))\b[\s,;–—-]+(?:just|only|still)\s+.+?\s+(?:left|to go|remaining|to do)\b/iu

/**
 * Some still to do, named by what is left: "two modules left, the safeguarding one …", "only the
 * references left now", "3 chapters to go". "Left" here is what remains, not a thing done.
 */
const LEFT = new RegExp(
  String.raw`^(?:(?:only|just|still)\s+(?:the\s+)?)?(?:(?:the\s+)?(?:last|final)\s+(?:${COUNT}\s+)?|${COUNT}\s+|(?<=(?:only|just|still)\s+the\s+))(?:more\s+)?(?:of\s+(?:the\s+|my\s+|our\s+)?)?([\p{L}\p{N}'’ -]+?)\s+(?:left|to go|remaining|still to do|left to do)(?:\s+(?:now|still|then))?(?=$|\s*[,.!;:–—-])`,
  'iu',
)

/**
 * A task reported part done: it is under way, not finished ("roster's half done" must not mark
 * the roster done). Returns null when the clause does not say the work is partly done.
 */
export function readProgress(clause: Clause): StatusUpdate | null {
  const under = UNDER_WAY.exec(clause.text)
  const m =
    PART_DONE.exec(clause.text) ??
    SOME_OF.exec(clause.text) ??
    PART_OF.exec(clause.text) ??
    SO_FAR.exec(clause.text) ??
    PART_WAY.exec(clause.text) ??
    FIRST_FEW.exec(clause.text) ??
    SOME_ARE.exec(clause.text) ??
    LEFT.exec(clause.text) ??
    (under && NOT_ALL.test(under[0]) ? under : null)
  const mostly = m ? null : MOSTLY.exec(clause.text)
  const about = tidy(m?.[1] ?? mostly?.[1] ?? mostly?.[2] ?? '')
  if ((!m && !mostly) || about === '' || /^(?:I|we|it|that|this|they|he|she)$/iu.test(about))
    return null
  return {
    text: clause.text,
    about,
    target: 'task',
    status: 'in_progress',
    note: null,
    otherwise: null,
  }
}
