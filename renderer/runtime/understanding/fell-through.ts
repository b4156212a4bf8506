/**
 * The way to do a thing shut when the person tried it: the office or site closed, down or offline,
 * the places all gone ("fully booked", "sold out", "no free appointments"), sent away ("come back
 * next week", "turned us away"), nobody answering. Each is a state of the way, not of the errand.
 */
const WAY_SHUT = new RegExp(
  [
    // The place or system itself: "the system is offline", "website's down", "office was shut".
    String.raw`\b(?:is|was|were|are|['’]s|been|still|all|completely|totally)\s+(?:(?:still|all|completely|totally|just)\s+)?(?:offline|down|closed|shut|full|full up|jammed|out of order|unavailable|not available|not working)\b(?!\s+(?:to|by|with|from|on (?:my|the|our) (?:list|to-?do)))`,
    String.raw`\b(?:closed|shut)\s+(?:for|today|till|til|until|on|all)\b`,
    // The places gone: "fully booked", "booked up", "sold out", "no free appointments", "none left".
    String.raw`\b(?:fully booked|booked up|sold out|out of stock|none left|no (?:free |available |open |more |spare )?(?:appointments?|slots?|spaces?|places?|seats?|tickets?|stock|dates?|availability|openings?|vacanc(?:y|ies))\b)`,
    // Sent away: "they said come back next week", "try again tomorrow", "turned us away".
    String.raw`\b(?:come|call|ring|try)\s+(?:back|again)\s+(?:later|tomorrow|next|on|in|after|another|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    String.raw`\b(?:turned|sent)\s+(?:me|us)\s+(?:away|back|home)\b`,
    // Nobody there to do it with: "nobody picks up", "no answer", "no luck".
    String.raw`\b(?:nobody|no one|no-one|noone)\s+(?:picks?|picked|answers?|answered|was there|is there)\b|\bno (?:answer|luck|joy)\b`,
  ].join('|'),
  'iu',
)

/** A fix or a success told beside it: "site was down, fixed now", "office was shut but got one". */
const GOT_THROUGH =
  /\b(?:fixed|sorted|resolved|solved|back (?:up|online|open)|working (?:again|now)|managed|got (?:one|it|in|a slot|an appointment|through)|finally|(?:all |now )?done)\b/iu

/**
 * Whether a statement tells an attempt at an errand that fell through on the way to it: told of an
 * open task, the task is held up, not done, whatever past tense it is told in.
 *
 * @example fellThrough('Went to Msasa but they say the system is offline, come back next week') // true
 * @example fellThrough('The LEA website has no free appointments at all') // true
 * @example fellThrough('closed the old account at Barclays') // false
 * @example fellThrough('site was down this morning but it is working again') // false
 */
export const fellThrough = (statement: string): boolean =>
  WAY_SHUT.test(statement) && !GOT_THROUGH.test(statement)
