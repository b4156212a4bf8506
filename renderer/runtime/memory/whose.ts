import { isRelation } from '../understanding/lexicon'

/** What the speaker says they are ("I am a teaching assistant", "I work as a nurse"): no one else. */
const OWN_ROLE =
  /\b(?:I\s+am|I['’]m|I\s+work\s+as|I\s+started\s+as|promoted\s+to)\s+(?:(?:now|still|finally|officially)\s+)*(?:an?\s+)(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?=\s+(?:at|for|in|with|now|since|from)\b|[,.;!?]|$)/giu

/**
 * Someone who changed a thing or did something, not whose it is: "landlord put the rent up", "saw
 * the GP" ("the wife", "the kids" are the speaker's own).
 */
const ACTOR =
  /\b[\p{L}-]+(?=\s+(?:has\s+|just\s+)?(?:upped|raised|increased|lowered|reduced|cut|bumped|put)\b)|\bthe\s+(?!(?:wife|husband|missus|hubby|baby|kids?|boys|girls|twins)\b)[\p{L}-]+/giu

/** The people of the speaker's a text names ("daughter", "landlord"); not the generic "kids". */
export function relationsIn(text: string): Set<string> {
  return new Set(
    (
      text
        .replace(OWN_ROLE, ' ')
        .replace(ACTOR, ' ')
        .toLowerCase()
        .match(/[\p{L}-]+/gu) ?? []
    ).filter((w) => isRelation(w) && !/^(?:kid|kids|child|children|friend|mate)$/u.test(w)),
  )
}

/**
 * Whether two texts are about different people of the speaker's: "my son's football" is not "my
 * daughter's football", whatever subject each was filed under. Texts that name no one, or one of the
 * same people, are not.
 */
export function otherOwner(a: string, b: string): boolean {
  const x = relationsIn(a)
  const y = relationsIn(b)
  return x.size > 0 && y.size > 0 && ![...x].some((r) => y.has(r))
}

/** "a second class on Fridays too", "I also work at Costa on Sundays": one more, not a new value. */
export function addsOne(text: string): boolean {
  // A leading "also" ("also, moved my account to Starling") only joins the message to the last.
  const body = text.replace(/^\W*(?:(?:and|oh|oh and|ok)\s+)?also\b/iu, '')
  // "a second-hand Leaf" is one thing, not a second one.
  return /\b(?:too|also|as well|another|second(?![-\s]hand)|extra|additional|plus|both)\b/iu.test(
    body,
  )
}
