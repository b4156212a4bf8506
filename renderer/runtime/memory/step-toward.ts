import type { MemoryItem } from '../../../shared/schema/current'
import { ARRANGED, ARRANGING } from '../understanding/arranged'

/**
 * When the arranged thing is to happen: "for Thursday", "on the 12th", "next week", "tomorrow".
 * Not what it was done on or for ("ordered my tablets on it", "booked it for me").
 */
const FOR_LATER =
  /\b(?:(?:for|on)(?!\s+(?:it|them|that|this|there|me|us|him|her|my|our|his|their)\b)|next|tomorrow|tonight|this (?:week|weekend|month|morning|afternoon|evening)|in (?:two|three|a couple of|a few) (?:days|weeks))\b/iu

/**
 * "the MOT is booked for Thursday" after "get the MOT done before the 20th": having arranged a thing
 * for later is a step toward a task to do it, not the task done — unless the task was the arranging
 * itself ("book the MOT"). True when `report` arranges something for a later time and `task` asks
 * for more than that.
 */
export function stepToward(task: MemoryItem, report: string): boolean {
  return ARRANGED.test(report) && FOR_LATER.test(report) && !ARRANGING.test(task.text)
}
