import { cameBack } from './came-back'
import { TASK_CUE } from './cues'
import type { Capture } from './types'

/**
 * A state told as better than it was: "way better now", "sleeping better since", "loads less
 * bruised now", "slightly better" ending the clause. Not a comparison of two things ("way better
 * than the old one") nor a feeling about something ("better about the move").
 */
const BETTER =
  /\b(?:(?:way|much|loads|lots|heaps|a lot|so much|far|miles|slightly|a bit|a little|bit|tons|massively|hugely)\s+)?(?:better|easier|less\s+(?:\p{L}+(?:ed|en|y|ful)|sore|stiff|red|raw))\s+(?:now|since|again|already)\b(?!\s+(?:than|about)\b)|\b(?:way|much|loads|lots|heaps|a lot|so much|far|miles|slightly|a bit|a little|bit|tons|massively|hugely)\s+(?:better|easier|less\s+(?:\p{L}+(?:ed|en|y|ful)|sore|stiff|red|raw))\s*$/iu

/**
 * Working again, in the words of the thing or creature that works: "sound again", "back up and running",
 * "voice back 100%", "drives lovely", "works like new". Not "doesn't charge anymore": a thing
 * that no longer does what it should is the trouble.
 */
const WORKING =
  /\b(?:sound|fine|normal|right|healthy|grand|spot on)\s+again\b|\bback\s+(?:up\s+and\s+running|to normal|on track|on\s*$)|\bback\s+\d+\s?%|\b(?:works|working|runs|running|drives|driving|goes|going|starts|prints|printing|sounds|sounding)\s+(?:like (?:new|a dream|a charm)|lovely|grand|smooth(?:ly)?|sweet(?:ly)?|perfect(?:ly)?|beautifully)\b/iu

/**
 * Something kept on from now: a plan, a date ahead, a thing still wrong, a life fact, or care given
 * ("GP gave me melatonin, sleeping better since" answers "what did the GP give me").
 */
const KEPT_ON =
  /\b(?:(?:gave|given|prescribed|put|started|switched)\s+(?:me|us|him|her|them)|still|but|yet|than|about|in (?:19|20)\d\d|since (?:19|20)\d\d|years?|tomorrow|next|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/iu

/**
 * Whether a clause only tells how something already told about went: better now, working again,
 * back — the end of a problem or an errand, which moves that item on (or nothing does) and is no
 * item of its own. The part that says so speaks of the thing, not of the person ("I'm vegetarian
 * again", "I don't eat meat anymore" are facts about them), and nothing in the clause looks ahead
 * or is still wrong ("better now but I still can't run").
 *
 * @example toldHowItWent("got the shell punched out at the rental shop, way better now") // true
 * @example toldHowItWent("I'm vegetarian again") // false
 */
export function toldHowItWent(clause: string): boolean {
  if (KEPT_ON.test(clause) || TASK_CUE.test(clause) || cameBack(clause)) return false
  const parts = clause.split(
    /\s*[,;]\s*|\s+(?:and|so|now)\s+(?=\p{L}+['’]s\b|(?:she|he|it|they|the)\b)/iu,
  )
  return parts.some(
    (part) =>
      !/^(?:I|we)\b|^(?:I|we)['’]/iu.test(part) && (BETTER.test(part) || WORKING.test(part)),
  )
}

/**
 * Whether a capture is only how something went: no task, no day of its own, and its words say so.
 * The reader still offers it to the open items it may end; it is not filed when none takes it.
 */
export const onlyHowItWent = (c: Capture): boolean =>
  c.kind !== 'task' && c.due === null && c.schedule === null && toldHowItWent(c.text)
