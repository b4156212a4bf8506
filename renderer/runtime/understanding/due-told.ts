import { analyze } from './analyze'
import { wordsShared } from './outcomes'
import type { Reading } from './types'

/** Someone's word, and what they said: "garage said the MOT is actually due the 24th". */
const TOLD =
  /^(?:(?:so|and|ok|okay|update)[,:]?\s+)?(?:my\s+|our\s+|the\s+)?(?:[\p{L}.'’&-]+\s+){0,3}?(?:said|says|told (?:me|us)|tells (?:me|us)|reckons|mentioned|confirmed)\s*[,:]?\s+(?:that\s+)?(.+)$/iu

/** What a told deadline is for: "the MOT" in "the MOT is actually due the 24th". */
const DUE_OF =
  /^(?:the\s+|my\s+|our\s+)?(?!(?:his|her|their|its)\b)(.+?)(?:\s+(?:is|are|was|were|will be)|['’]s)?\s+(?:actually\s+|now\s+|really\s+|only\s+)*(?:due|deadline|has to be in|needs to be in|must be in)\b/iu

/**
 * The reading of a day by which something is due, told as someone else's word, when it is the day
 * of an open task ("garage said the MOT is actually due the 24th" with "MOT due on the 30th"
 * open): the person's own deadline moved, not someone else's news. Null when the word is no such
 * thing or names no one open task.
 *
 * @example dueToldBy('garage said the MOT is actually due the 24th', now, ['MOT due on the 30th'])
 */
export function dueToldBy(
  sentence: string,
  now: Date,
  openTasks: readonly string[],
): Reading | null {
  const told = TOLD.exec(sentence.trim())
  if (!told) return null
  const clause = told[1]!
  const of = DUE_OF.exec(clause)
  if (!of) return null
  const readings = analyze(clause, now).readings
  const [reading] = readings
  if (readings.length !== 1 || reading?.type !== 'capture') return null
  const [task] = reading.captures
  if (reading.captures.length !== 1 || task?.kind !== 'task' || task.due === null) return null
  const naming = openTasks.filter((t) => wordsShared(of[1]!, t) > 0)
  return naming.length === 1 ? reading : null
}
