/** A report that something was arranged for later: booked, scheduled, ordered, reserved. */
export const ARRANGED =
  /\b(?:booked|(?:re)?scheduled|ordered|reserved|arranged|made (?:an|the) appointment|put (?:it|myself) (?:in|down) for)\b/iu

/**
 * A task or problem that is itself the arranging: "book the MOT", "order the uniform", "make a
 * dentist appointment", "the confocal is booked by other groups all week".
 */
export const ARRANGING =
  /\b(?:book(?:ing|ed)?|slots?|(?:re)?schedul(?:e|ing)|order(?:ing)?|reserv(?:e|ing)|arrang(?:e|ing)|appointment|buy(?:ing)?|get (?:a|an|the) (?:quote|slot|appointment|booking))\b/iu

/**
 * "booked a physio for the back" after "my back has been killing me", "ordered a new fan belt"
 * after "the van's fan belt squeals": arranging help for a problem is a step toward its fix, not
 * the fix. True when `report` arranges something and `problem` is not itself about arranging.
 */
export function stepTowardFix(problem: string, report: string): boolean {
  return ARRANGED.test(report) && !ARRANGING.test(problem)
}
