import type { MemoryItemView } from '../../../../shared/contract/models'
import { holds } from '../../memory/freshness'

/**
 * "do I have any health conditions?", "any medical conditions I mentioned?", "what do you know
 * about my health?" — their own health as a whole, not one thing in it ("am I diabetic?") and not
 * someone else's ("how's my mum's health?").
 */
export const asksOwnHealth = (question: string): boolean =>
  /\b(?:health|medical)\s+(?:conditions?|issues?|history|stuff|things?)\b|\babout my health\b|\bmy health\b(?!\s+(?:insurance|plan|app|card|visitor|check))|\b(?:medical|chronic)\s+(?:problems?|illness(?:es)?)\b|\b(?:any|what)\s+conditions?\b/iu.test(
    question,
  ) &&
  /\b(?:I|me|my)\b/u.test(question) &&
  !/\bmy\s+(?!health\b|medical\b)[\p{L}-]+['’]s?\s+health\b/iu.test(question)

/** Someone of theirs, said first ("my son Alfie has…", "Mum's on warfarin"): not their own. */
const SOMEONE_ELSE =
  /^(?!(?:I|we)\b)(?:my|our)\s+(?!(?:knee|back|hip|shoulder|eyes?|ears?|skin|blood|heart|chest|stomach|gut|doctor|gp|consultant|diabetes|asthma|diet|health|blood pressure|sugar|levels?|allerg\w*|migraines?|condition|medication|meds|dose)\b)|^(?!(?:I|We|My|Our)\b)\p{Lu}/u

/**
 * What memory holds of their own health and diet (conditions, allergies, medicines, diets),
 * current only; empty when none, so the question is answered as any other.
 */
export function ownHealthHeld(views: readonly MemoryItemView[]): MemoryItemView[] {
  return views.filter(
    (v) =>
      holds(v.item) &&
      v.item.category === 'health and diet' &&
      v.item.kind !== 'task' &&
      !SOMEONE_ELSE.test(v.item.text),
  )
}
