import { capture, type Rule } from './capture'
import { bodyTrouble } from './body-trouble'
import { diaryLine } from './diary-line'

const THING = '(?:the\\s+|my\\s+|our\\s+|this\\s+|a\\s+)?'
const FAILING =
  '(?:keeps?|kept|is|are|has been|have been|was|were|started|starts|seems to be|seem to be|is still|are still|still)\\s+(?:randomly\\s+|constantly\\s+|always\\s+|intermittently\\s+)?(?:failing|crashing|freezing|hanging|jamming|breaking|timing out|dropping|disconnecting|leaking|lagging|glitching|overheating|flickering|beeping|rebooting|restarting|erroring|throwing|broken|down|dead|flaky|slow|stuck|buggy|corrupted|not working|not working properly|not keeping (?:cold|warm|time|up)|not holding (?:charge|pressure|temperature)|not heating|not cooling|not draining|not flushing|not loading|not syncing|not starting|not responding|not printing|not charging|unresponsive|offline|failing to)'
const WONT =
  "(?:will not|won't|does not|doesn't|do not|cannot|can not|can't|did not|is not|are not|refuses to|fails to|failed to|keeps failing to|stopped|has stopped|have stopped)\\s+(?:even\\s+)?(?:work|working|start|boot|load|open|connect|sync|print|charge|compile|build|deploy|run|turn on|turn off|log in|login|respond|save|send|install|update|pair|render|display|launch|close|shut|lock|open properly|close properly|flush|drain|heat up|cool|stay on|stay connected|come on|go on|switch on|switch off|kick in|fire up|light|ignite|spin|latch|unlock|stream|download|upload|sign in|scan|detect|recogni[sz]e|go away|heal|stop (?:beeping|leaking|dripping|crying|barking|ringing|flashing|buzzing|itching|bleeding|hurting|crashing))"

/** What someone else owes the person and has not done: paying, fixing, sending, turning up. */
const OWED =
  '(?:paid|pay|fixed|fix|repaired|repair|sent|send|returned|return|refunded|refund|reimbursed|replied|reply|answered|responded|respond|delivered|deliver|collected|collect|processed|approved|approve|signed|sign|called|call|called back|rung|rang|ring|rung back|emailed|contacted|confirmed|confirm|sorted|arrived|arrive|shown up|show up|showed up|turned up|turn up|come|come back|come round|come out|got back|gotten back|credited|released|issued|picked up|cleared|done|finished|fitted|installed|given back|paid back|paid up|come through|come thru|got round to|gotten round to|looked at|checked)'
/**
 * Someone who has not done what they owe the person: "client hasn't paid my invoice from March",
 * "the landlord still hasn't fixed the window", "the courier never turned up". Not the person's
 * own undone errands ("I haven't paid the rent yet" is a task).
 */
const NOT_DONE_BY_OTHERS = new RegExp(
  `^(?!(?:I|we|you|it|this|that|there)\\b)(?:the\\s+|my\\s+|our\\s+)?[\\p{L}\\p{N}'’&. -]{1,40}?\\s+(?:still\\s+)?(?:has not|have not|had not|did not|has still not|have still not|still has not|still have not|never|is yet to|are yet to|has yet to|have yet to)\\s+(?:even\\s+|actually\\s+|bothered to\\s+)?${OWED}\\b`,
  'iu',
)
/** The person still without an answer or what is theirs: "I still haven't heard back from the council". */
const NOT_HEARD =
  /^(?:I|we)\s+(?:still\s+)?(?:have not|did not|still have not|have yet to|never)\s+(?:heard back|heard anything|had (?:a|any) (?:reply|response|answer|word|news)|got(?:ten)? (?:a|any|my|our|the) (?:reply|response|answer|refund|money|deposit|payment|parcel|package|results?|keys?|letter|card|wages?|pay|invoice paid)|received (?:a|any|my|our|the)\b)/iu

/**
 * Someone keeping back what is the person's, or refusing what they owe: "customs is holding my
 * parcel", "my landlord is refusing to give back the deposit", "the insurer won't pay out". Not
 * a favour ("Mum is keeping my car for me").
 */
const WITHHELD = new RegExp(
  `^(?!(?:I|we|you|it|this|that|there)\\b)(?!.*\\bfor (?:me|us)\\b)(?:the\\s+|my\\s+|our\\s+)?[\\p{L}\\p{N}'’&. -]{1,40}?\\s+(?:(?:is|are|has been|have been|['’]s been|['’]s|['’]re)\\s+(?:still\\s+)?(?:holding|keeping|withholding|sitting on|hanging on to)\\s+(?:onto\\s+|on to\\s+)?(?:my|our|the|his|her|their)\\s+(?:[\\p{L}-]+\\s+)?(?:deposit|bond|parcel|package|passport|money|wages|pay|salary|documents|papers|refund|car|van|visa|payment|shipment|order|delivery|stuff|things|belongings|licence|license|id|card|cheque|check|tools)|(?:(?:is|are|['’]s|['’]re)\\s+(?:still\\s+)?refusing to|(?:still\\s+)?refuses? to|(?:still\\s+)?(?:won['’]t|will not|wo not))\\s+(?:give (?:me |us )?(?:back|the)|give back|return|refund|pay|pay out|release|hand over|send back|fix|repair|replace|cover|honour|honor|accept|process|reimburse))\\b`,
  'iu',
)

/**
 * Problems and blockers: "Bug: login fails on Safari", "the printer keeps jamming", "my laptop won't
 * boot", "I'm stuck on the OAuth redirect", "having trouble with the VPN", "CI is red again".
 */
const problem: Rule = ({ text, correction }) => {
  if (
    /^(?:bug|issue|problem|blocker|blocked|error|incident|outage|broken|stuck)\s*[:\-–]\s*\S/iu.test(
      text,
    )
  )
    return [
      capture(
        'issue',
        text.replace(
          /^(\w+)\s*[:\-–]\s*/u,
          (_, w: string) => `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()}: `,
        ),
        { correction },
      ),
    ]
  if (new RegExp(`^${THING}(.+?)\\s+${FAILING}\\b`, 'iu').test(text))
    return [capture('issue', text, { correction })]
  // "please don't send me long lists" is a request about replies, not a fault.
  if (
    new RegExp(`^${THING}(.+?)\\s+${WONT}\\b`, 'iu').test(text) &&
    !/^(?:I|please|pls|plz|kindly|just)\b/iu.test(text)
  )
    return [capture('issue', text, { correction })]
  if (
    /^(.+?)\s+(?:fails|failed|crashes|crashed|throws|threw|errors out|returns a? ?(?:404|500|error)|returns errors|times out|hangs|freezes)\b/iu.test(
      text,
    ) &&
    !/^I\b/u.test(text)
  )
    return [capture('issue', text, { correction })]
  if (NOT_DONE_BY_OTHERS.test(text) || NOT_HEARD.test(text) || WITHHELD.test(text))
    return [capture('issue', text, { correction })]
  if (
    /^I\s+(?:am|have been|was)\s+(?:still\s+|completely\s+|totally\s+|kind of\s+)?(?:stuck|blocked|blocked on|blocked by|stuck on|stuck with|struggling with|having (?:trouble|issues|problems|difficulty))\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^I\s+(?:cannot|can not|could not|still cannot|still can not|keep failing to|am unable to|am not able to)\s+(?:get|log|sign|connect|access|figure out|install|reproduce|fix|find|open|load|print|install|compile|deploy|push|pull|reach)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^(?:I|we)\s+(?:have|got|keep getting|am getting|are getting|have been getting|hit|ran into|run into|keep hitting)\s+(?:an?\s+|some\s+|this\s+|the\s+|a weird\s+|weird\s+|random\s+)?(?:bug|bugs|error|errors|issue|issues|problem|problems|crash|crashes|leak|memory leak|timeouts?|outage|regression|segfaults?|exception|exceptions|race condition)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^there\s+(?:is|are|'s|seems to be)\s+(?:an?\s+|some\s+|still\s+an?\s+)?(?:bug|issue|problem|leak|memory leak|error|crash|regression|outage)\s+(?:in|with|on|when|where)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^(?:the\s+|our\s+|my\s+)?(?:build|ci|tests?|deploy|deployment|pipeline|release|server|site|website|app|api|database|db|wifi|wi-fi|internet|vpn|printer|laptop|phone|car|heating|boiler|sink|fridge|washer|dishwasher)\s+(?:is|are)\s+(?:red|failing|down|broken|leaking|blocked|stuck)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  return null
}

/** Things going wrong, by what a person sees, hears or feels ("whistling", "limping", "stuffed"). */
const SYMPTOM =
  /\b(?:packed up|packing up|conked out|gave up the ghost|whistl|rattl|squeak|squeal|creak|grind|slipp|slips\b|limp|leak|dripp|drips\b|flood|fray|crack|peel|rust(?:ed|y|ing)\b|jamm|jams\b|clogg|overheat|flicker|buzz|smok|stall|skipp|stutter|lagg|wobbl|sagg|stick(?:ing|s)\b|stuck\b|tripp|itch|ach(?:e|es|ing)\b|hurt|throb|swell|swollen|bleed|wheez|cough|vomit|sick\b|puncture|flat tyre|flat tire|flat battery|dead battery|battery(?:'s| is) dead|broke\b|broken|snapp|froze (?:my|our|the)\b|cancell?ed on (?:me|us)\b|went (?:sideways|wrong|south|pear-shaped)|(?:has|have|had) not (?:come|arrived|turned up|shown up|been (?:paid|approved|sent|fixed|refunded|processed))|(?:has|have|had) not (?:got|gotten|come) back to (?:me|us)|never (?:got|came) back to (?:me|us)|(?:has|have|had) not (?:replied|responded|confirmed|called back|rung back|paid (?:me|us))|warped|cupped|split\b|busted|stuffed|knackered|dodgy|wonky|faulty|kaput|loose\b|sore\b|niggl|stiff\b|infect|mould|mold\b|damp\b|mice\b|rats\b|ants\b|wasps?\b|cockroach|pests?\b|rash\b|migraine|fever|noisy|smell(?:s|y|ing)\b|stinks?\b|playing up|acting up|acting weird|on the blink|packed in|gave up|giving up|died\b|not coping|isn't coping|is not coping|can't cope|cannot cope|not draining|won't drain|backed up|backing up|pending|overdue|bounced|declined|rejected|lost my|missing\b|stolen|power cut|outage|load shedding|no signal|no power|no water|no heating|no hot water|no internet|keeps? (?:\w+ing)|won't (?:\w+)|will not (?:\w+)|numb(?:ness)?\b|tingl|blurr(?:y|ed)|sprain|pulled (?:a|my) (?:muscle|hamstring|calf|back)|tweaked my|flare[- ]?up|flared up|toothache|click(?:s|ing)\b|clunk|knocking\b|humming\b|hiss(?:es|ing)\b|screech|nosebleed|cramp(?:s|ing)\b|blister|killing me|takes? (?:forever|ages) to|streak(?:s|y|ing)\b|lukewarm|(?:lets?|letting) (?:water|rain|the rain|draughts?|the draught|cold air) in|off (?:his|her|their|its) food|lethargic|only works (?:if|when)|(?:weird|funny|strange|bad|horrible|awful|musty|damp|burning|gas|rotten|sewage) smell|eczema|hay ?fever|psoriasis|insomnia|not sleeping|drops? out|dropping out|cuts? out|cutting out|shudder|judder|(?:icing|ices|iced|frosting|frosts|frosted) up|(?:goes|going|went) (?:dark|dead|blank|flat)|dies\b|stopping between|stops between|late again|(?:barely|hardly|only just) (?:stops|works|charges|holds|starts)|only lasts)/iu
/** Whether a word names a trouble by what a person sees, hears or feels ("dripping", "itchy"). */
export const soundsLikeTrouble = (word: string): boolean => SYMPTOM.test(word)

/** A harsh verdict is a problem only about the person's own things ("our queue is horrible"). */
const JUDGED =
  /\b(?:horrible|awful|terrible|a nightmare|a mess|too (?:hot|cold|slow|loud)|freezing|boiling|unusable|useless)\b/iu
const OWN_THING = /^(?:my|our|the)\s+(?!weather\b)\p{L}/iu
/** Bad now, said of the person's own thing: "my eczema is really bad at the moment", "the fan is really loud". */
const BAD_NOW =
  /\b(?:is|are|has been|have been|keeps getting|getting)\s+(?:really\s+|so\s+|very\s+|super\s+|pretty\s+|quite\s+|way too\s+)(?:loud|noisy|painful|itchy|sore|unbearable|bad\s+(?:at the moment|right now|lately|again|this week|today|since))\b/iu /** Said of a thing that is fine, or a wish: no problem. */
const NOT_A_PROBLEM =
  /^(?:I|we)\s+(?:love|like|hate|enjoy|prefer|want|would|need|will|am going|have to|should|plan)\b|\b(?:no longer|not anymore|any more|fixed|sorted|resolved|stopped|fine now|ok now|okay now|back to normal|good as new|went away|has gone|is gone|cleared up|no more|all good|good now|green again|back (?:down|up|to normal|on)|came (?:thru|through|back))\b|^(?:if|when|whenever|unless)\b|\bbut (?:it is|that is|it's|that's) (?:fine|ok|okay|worth it)\b/iu
/** Something lasting, not a one-off remark: "since Sunday", "still", "again", "keeps". */
const ONGOING =
  /\b(?:since|still|again|keeps?|all (?:day|week|night)|every (?:day|night|morning|evening|time)|when|whenever|each time|halfway through|for (?:days|weeks|a week|two weeks|ages)|lately|recently|at the moment|right now|today|this morning|this week|constantly|non-?stop|randomly|now)\b|\b(?:is|are|was|has been|have been|'s been|got|has|have|gone|went)\b/iu

/** A one-off mishap is a problem on its own, whenever it happened: "someone nicked my bike". */
const MISHAP =
  /\b(?:snapped|cracked|burst|shattered|smashed|stole|stolen|nicked|pinched|swiped|broke into|broken into|burgled|burglarized|vandali[sz]ed|keyed|hacked|scammed|phished|towed|clamped|flooded|(?:cancell?ed|bailed|flaked) on (?:me|us)|pulled out|let (?:me|us) down|stood (?:me|us) up|no[- ]showed|did not (?:show|turn) up|never (?:showed|turned) up|bounced|overcharged|double[- ]charged|got (?:rejected|declined|refused|denied)|never (?:arrived|came|got here|got delivered|got to (?:me|us))|went missing|gone missing|lost in the post|double[- ](?:paid|charged|booked|billed)|overpaid|underpaid|short[- ]?changed|missed (?:our|my) (?:street|road|bins?|collection|delivery|appointment))\b/iu
/** Someone else's mistake: "the supplier sent the wrong size pipes" (the person's own is not kept). */
const WRONG_ONE =
  /^(?!(?:I|we)\b).*\b(?:sent|delivered|gave|brought|fitted|ordered|charged|billed|installed|posted)\s+(?:me\s+|us\s+)?the wrong\b/iu

/**
 * Problems told by their symptoms: "my hearing aid has been whistling since Sunday", "the ute's
 * aircon is stuffed", "Biscuit's been limping on her back leg", "the belt's still slipping". The
 * clause must be about a thing (or a body, a pet), not a wish or a fix.
 */
const symptom: Rule = ({ text, correction, now }) => {
  const judged =
    (JUDGED.test(text) || BAD_NOW.test(text)) &&
    OWN_THING.test(text) &&
    !/\b(?:weather|traffic|news|film|movie|show|game|book|match|season|episode)\b/iu.test(text)
  const mishap =
    (MISHAP.test(text) || WRONG_ONE.test(text)) &&
    !/^(?:if|when|whenever|unless|what if)\b/iu.test(text)
  if (
    (!SYMPTOM.test(text) && !judged && !mishap) ||
    NOT_A_PROBLEM.test(text) ||
    (!ONGOING.test(text) && !mishap)
  )
    return null
  // "I'm broke", "I am sick of it": the person as the broken thing is a feeling, not a fault.
  if (
    /^I\s+am\s+(?:so\s+|totally\s+|completely\s+)?(?:broke|sick of|stuck in traffic)\b/iu.test(text)
  )
    return null
  if (text.split(/\s+/u).length < 3) return null
  // "the Christmas market stall is on 12 December": a day for the diary, not a fault.
  if (diaryLine(text, now)) return null
  return [capture('issue', text, { correction })]
}

/** Issue rules. */
export const ISSUE_RULES: Rule[] = [problem]
/** The symptom rule, tried after the specific fact rules (health, possessions) had their turn. */
export const SYMPTOM_RULES: Rule[] = [symptom, bodyTrouble]
