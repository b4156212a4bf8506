import { capture, type Rule } from './capture'
import { anchorDate, findDate } from './dates'

/** Words that say a birth is what is due: "pregnant", "expecting", "our second", "to calve". */
const BIRTH =
  /\b(?:pregnant|preggers|expecting(?=\s*(?:[,.!;]|$)|\s+(?:again|twins|a\s+(?:baby|boy|girl|little)|(?:our|their|her|my)\s+(?:baby|first|second|third|fourth|\d)))|give birth|giving birth|due with|(?:\S+\s+)?bab(?:y|ies)\s+(?:is|are|['’]s)\s+due|twins|triplets|(?:our|her|their|my)\s+(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?=\s*(?:[,.!;]|$)|\s+(?:in|on|due|child|kid|baby|one|grandchild)\b)|(?:first|second|third|fourth)\s+(?:child|kid|baby|grandchild|grandbaby|grandkid)|to\s+(?:foal|calve|lamb|whelp|farrow|kid)|in\s+(?:foal|calf|lamb|pup))\b/iu

/**
 * Someone who carries a child, said to be due ("my wife Ngozi is due", "missus is due", "my sister's
 * due"): with no thing named as due, a person being due is a birth.
 */
const SHE_IS_DUE =
  /^(?:my\s+|our\s+)?(?:wife|missus|missis|partner|girlfriend|gf|fianc[ée]e?|sister|daughter|daughter-in-law|sister-in-law|niece|cousin)(?:\s+\p{Lu}[\p{L}'’-]*)?(?:['’]s|\s+is)\s+(?:\p{L}+\s+)?due\b/iu

/**
 * A birth expected on a day: "My wife Dewi is pregnant, due in September, our second child",
 * "missus is Hine, she's due with our second in May", "the mare is due to foal in April". It is a
 * fact of the person's life, with its day; never a deadline of theirs to meet (which "due" says
 * everywhere else).
 *
 * @example birthDue({ text: 'My wife Ngozi is due in August, our first baby', … }) // one fact
 */
export const birthDue: Rule = ({ text, now, correction }) => {
  if (!/\bdue\b/iu.test(text) || !(BIRTH.test(text) || SHE_IS_DUE.test(text))) return null
  const date = findDate(text, now)
  if (date === null) return null
  // "my daughter is due in court on the 5th", "due back from Lagos": somewhere to be, not a birth.
  const between = text.slice(text.search(/\bdue\b/iu) + 3, date.index)
  if (!BIRTH.test(text) && !/^\s*(?:in|on|around|about|by|any day)?\s*$/iu.test(between))
    return null
  return [capture('fact', anchorDate(text, date, now), { correction })]
}
