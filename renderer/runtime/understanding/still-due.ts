/**
 * More time granted for a thing due ("gave me an extension til monday", "extended the tender to
 * the 19th", "two more weeks") or a new day asked for it ("they need them by 17th now", "want the
 * quotation latest Thursday"): the thing is still to do, by a new day.
 */
const STILL_DUE =
  /\b(?:extension|extended|extends?|more time|(?:an? |one |two |a few )?(?:extra|more) (?:days?|weeks?|time))\b|\b(?:need|needs|want|wants|expect|expects)\s+(?:it|them|this|that|these|those|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:by|before|latest|no later than)\b/iu

/**
 * Whether a statement tells a new day for a thing still due, granted or asked for: not how it
 * ended.
 *
 * @example stillDue('mrs Hanson gave me an extension til monday for the coursework') // true
 * @example stillDue('The importer asked for the scores earlier, they need them by 17th now') // true
 * @example stillDue('sent the scores to the importer this morning') // false
 */
export const stillDue = (statement: string): boolean => STILL_DUE.test(statement)
