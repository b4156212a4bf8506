import { normalize } from '../understanding/text'

/** Whether `words` are said in `text`, word for word. */
const saidIn = (words: string, text: string): boolean => {
  const w = normalize(words)
  return w !== '' && ` ${normalize(text)} `.includes(` ${w} `)
}

/** "went from 40 minutes to 25", "moved from Leeds to York": the old value before the new one. */
const FROM_TO = /\bfrom\s+((?:[\p{L}\p{N}£$€.,:'’-]+\s+){0,4}?[\p{L}\p{N}£$€.:'’-]+)\s+(?=to\s)/iu
/** "standup was 9:30, now it's 9:15": what it was, then what it is now. */
const WAS_NOW =
  /\b(was|were|used to be)\s+((?:[\p{L}\p{N}£$€.,:'’-]+\s+){0,4}?[\p{L}\p{N}£$€.:'’-]+),?\s+(?:but\s+)?now\s+(?:(?:it|they|she|he)\s+(?:is|are)\s+|it['’]s\s+|is\s+)?/iu
/** "the 15th instead of the 14th": the new value, then the old one it replaces. */
const INSTEAD_OF =
  /,?\s+(?:instead of|rather than)\s+((?:[\p{L}\p{N}£$€.,:'’-]+\s+){0,4}?[\p{L}\p{N}£$€.:'’-]+)(?=\s*(?:[,.;!?]|$))/iu

/** A value, up to four words: "Leicester", "June 20", "the Brixton flat". */
const SPAN = "((?:[\\p{L}\\p{N}£$€.:'’-]+\\s+){0,3}?[\\p{L}\\p{N}£$€.:'’-]+)"
/**
 * "Leeds, not Leicester", "Sept 12, not June 20 anymore": the old value said not to hold (a verb
 * said not to, "I do not eat pork", is the statement itself).
 */
const NOT_OLD = new RegExp(
  `,?\\s*(?:and\\s+|but\\s+)?(?<!\\b(?:do|does|did|is|are|was|were|am|be|been|can|could|will|would|should|must|may|might|have|has|had)\\s+)\\bnot\\s+(?:in\\s+|at\\s+|on\\s+|with\\s+|for\\s+|the\\s+)?${SPAN}(?:\\s+(?:any ?more|now|after all|as I said|like I said))?(?=\\s*(?:[,.;!?)]|$))`,
  'iu',
)
/** "wedding is not in June anymore, it is September 12": not the old value, then the new one. */
const NOT_OLD_IT_IS = new RegExp(
  `\\b(is|are)\\s+not\\s+(?:in\\s+|at\\s+|on\\s+|with\\s+)?${SPAN}\\s+(?:any ?more|now)\\s*,\\s*(?:it|they|she|he)\\s+(?:is|are)\\s+`,
  'iu',
)
/** "Tom is not my manager any more after the reorg, it is Fatima now": who no longer holds a role, then who does. */
const NO_LONGER_ROLE = new RegExp(
  `^${SPAN}\\s+(?:is|are)\\s+not\\s+((?:my|our|his|her|their|the)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?)\\s+any ?more\\b[^,]*,\\s*(?:it|they|she|he)\\s+(?:is|are)\\s+(.+)$`,
  'iu',
)

/** Whether every word of `words` begins a word of `text` ("June 20" in "June 20th"). */
const heldIn = (words: string, text: string): boolean => {
  const held = normalize(text).split(' ')
  const said = normalize(words)
    .split(' ')
    .filter((w) => w !== '')
  return said.length > 0 && said.every((w) => held.some((h) => h.startsWith(w)))
}

/**
 * The words of a new value that replaces `old`, without the old value they name ("standup was
 * 9:30, now it's 9:15" → "standup is now 9:15", "Mum's ramipril went from 10mg to 5mg" → "…went to
 * 5mg", "my sister lives in Leeds, not Leicester" → "…in Leeds"), so what is current never says
 * the old value. Only words the old item says are dropped.
 */
export function newValueOnly(text: string, old: string): string {
  let out = text
  const from = FROM_TO.exec(out)
  if (from && saidIn(from[1]!, old)) out = out.replace(from[0], '')
  const was = WAS_NOW.exec(out)
  if (was && saidIn(was[2]!, old))
    out = out.replace(was[0], `${was[1]!.toLowerCase() === 'were' ? 'are' : 'is'} now `)
  const instead = INSTEAD_OF.exec(out)
  if (instead && saidIn(instead[1]!, old)) out = out.replace(instead[0], '')
  const role = NO_LONGER_ROLE.exec(out)
  if (role && heldIn(role[1]!, old)) {
    const what = role[2]!.replace(/^\p{Ll}/u, (l) => l.toUpperCase())
    out = `${what} is ${role[3]!}`
  }
  const itIs = NOT_OLD_IT_IS.exec(out)
  if (itIs && heldIn(itIs[2]!, old)) out = out.replace(itIs[0], `${itIs[1]!} `)
  const not = NOT_OLD.exec(out)
  if (not && heldIn(not[1]!, old) && out.replace(not[0], '').trim() !== '')
    out = out.replace(not[0], '')
  return out
}
