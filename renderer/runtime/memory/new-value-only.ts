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

/**
 * The words of a new value that replaces `old`, without the old value they name ("standup was
 * 9:30, now it's 9:15" → "standup is now 9:15", "Mum's ramipril went from 10mg to 5mg" → "…went to
 * 5mg"), so what is current never says the old value. Only words the old item says are dropped.
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
  return out
}
