import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { parse } from '../understanding/nlp'
import { contentLemmas } from '../understanding/similarity'
import type { Capture } from '../understanding/types'
import { stillDue } from '../understanding/still-due'

/**
 * "mrs Hanson gave me an extension til monday for the coursework" after "english lit coursework
 * due fri 9th", "they need the scores by 17th now": a new day granted or asked for a thing due is the new deadline of the one open task with a
 * deadline that the statement names by a noun. Undefined when the statement grants no time, gives
 * no day, or names no such task or several.
 *
 * @example moreTime(items, capture('fact', 'supervisor gave me an extension on the dissertation till 21 May'))
 */
export function moreTime(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  if (c.due === null || !stillDue(c.text)) return undefined
  const nouns = new Set(contentLemmas(parse(c.text).nouns().out('text') as string))
  const naming = current.filter(
    (i) =>
      i.kind === 'task' &&
      i.taskStatus !== 'done' &&
      itemExtras(i).extras.due !== undefined &&
      contentLemmas(i.text).some((w) => nouns.has(w)),
  )
  return naming.length === 1 ? naming[0] : undefined
}
