import { capture, type Rule } from './capture'

/**
 * Parts of a person's body, as people name them (the plural and Scots forms too): a kind of
 * word, the things a pain or a stiffness is said of.
 */
const BODY_PART =
  '(?:knees?|backs?|necks?|shoulders?|wrists?|hips?|ankles?|elbows?|hamstrings?|calf|calves|shins?|thighs?|groin|achilles|heels?|feet|foot|toes?|hands?|fingers?|thumbs?|arms?|legs?|head|heid|eyes?|ears?|throat|chest|ribs?|stomach|tummy|belly|gut|jaw|tooth|teeth|gums?|sinuses|spine|tailbone|bum|skin|scalp|lungs?)'

/** Whose body it is: the person's own ("my", "me" and "ma" as many Englishes say it). */
const OWNER = '(?:my|me|ma|mah|mi)'

/** What side or part of it: "my lower back", "left knee", "bad shoulder". */
const WHICH = '(?:(?:left|right|lower|upper|bad|dodgy|good|other|front|back|both)\\s+)?'

/**
 * How a body part is in trouble, by what the person feels or sees: words of pain, tightness,
 * swelling and loss of use that the symptom words do not already cover ("very pain", "tight",
 * "hoarse", "strained", "shot", "bad").
 */
const TROUBLED =
  '(?:pain|pains|paining|painful|hurt|hurts|hurting|sore|aching|aches|tight|tender|hoarse|strained|swollen|stiff|numb|shot|knackered|wrecked|bad|cloudy|blurry|pounding|throbbing|burning|bruised|inflamed|red raw|giving (?:me\\s+)?(?:trouble|grief|gyp|jip)|going for a toss|killing me)'

/**
 * A body part named as the clause's subject and then said to be troubled, within a few words:
 * "my tooth is very pain since two days", "Hamstring is tight since Saturday", "me knees are shot
 * from the stairs". The part must head the subject ("my back door" is no body), and the verb must
 * follow it straight away ("'s", "is", "been", "feels", "quite"…).
 */
const PART_TROUBLED = new RegExp(
  `^(?:${OWNER}\\s+)?${WHICH}${BODY_PART}(?:['’]s|\\s+(?:is|are|was|were|has|have|been|feels?|felt|gets?|getting|got|keeps?|still|so|very|quite|proper|really|all|bit|a bit|some|too))?(?:\\s+(?:is|are|been|getting|got|gone|very|so|really|quite|proper|still|a bit|bit|all|some|too|pretty|really really|again|extra))*\\s+${TROUBLED}\\b`,
  'iu',
)

/** "I have a pain in my lower back", "got an ache in me hip": a pain had, where it is. */
const PAIN_IN = new RegExp(
  `^(?:I\\s+)?(?:have|have got|got|am having|have been having|been having|having)\\s+(?:a\\s+|an\\s+|some\\s+|this\\s+|bad\\s+|a bad\\s+|a sharp\\s+|a dull\\s+|sharp\\s+|terrible\\s+)*(?:pain|pains|ache|aches|twinge|twinges|cramp|cramps|numbness|swelling|stiffness|tingling|soreness)\\s+(?:in|on|down|at)\\s+(?:${OWNER}\\s+|the\\s+)?${WHICH}${BODY_PART}\\b`,
  'iu',
)

/**
 * A trouble of the person's body, not a lasting fact about it: said as a good state or a fix
 * ("fine now", "better"), a skill ("bad at names"), or a habit ("after anything over 10k").
 */
const NOT_TROUBLE =
  /\b(?:fine|better|healed|sorted|no longer|not anymore|any more|bad at|bad with|good at|hurts? (?:after|when|whenever|if)|(?:after|when|whenever|if) (?:anything|I (?:run|walk|sit|stand) (?:for|more|over)))\b/iu

/**
 * Problems of the person's body told by how it feels, without a word for a problem: "my lower back
 * is painful since I carried the pump parts", "Knee's bad on the hike down", "I have pain in my
 * right shoulder from the ladder work". Tried after the health facts ("I have a bad knee").
 */
export const bodyTrouble: Rule = ({ text, correction }) => {
  if (NOT_TROUBLE.test(text)) return null
  if (!PART_TROUBLED.test(text) && !PAIN_IN.test(text)) return null
  return [capture('issue', text, { correction })]
}
