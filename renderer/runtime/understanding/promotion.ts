import type { Capture } from './types'
import { isJob } from './lexicon'

/** Up to four words naming a role: "senior developer", "head of sales", "VP". */
const ROLE = '((?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+)'
/** Words after the role that say when or where, not what it is. */
const AFTER =
  '(?=\\s+(?:at|in|from|on|today|yesterday|last|this|finally|now|officially|as of)\\b|\\s*[!.,;:)]|\\s*$)'

/** The speaker promoted, with what to: "got promoted to senior developer!", "I've been made head chef". */
const PROMOTED_TO = new RegExp(
  `^(?:I\\s+)?(?:(?:have|['’]ve|had)\\s+)?(?:just\\s+|finally\\s+|officially\\s+)?(?:got\\s+|been\\s+|was\\s+|am\\s+|get\\s+|getting\\s+)?(?:promoted\\s+to|made(?:\\s+up)?)\\s+(?:an?\\s+|the\\s+)?${ROLE}${AFTER}`,
  'iu',
)

/** "promoted!!", "I got promoted": the promotion said alone, the role in the next sentence. */
const PROMOTED_ALONE =
  /^(?:I\s+)?(?:(?:have|['’]ve)\s+)?(?:just\s+|finally\s+|officially\s+)?(?:got\s+|been\s+|was\s+)?promoted\W*$/iu

/** "head chef now 🎉", "I'm head chef now": the role the promotion gave. */
const ROLE_NOW = new RegExp(
  `^(?:I\\s+am\\s+|I['’]m\\s+|I\\s+(?:have|['’]ve)\\s+been\\s+made\\s+)?(?:an?\\s+|the\\s+)?${ROLE}\\s+now\\b`,
  'iu',
)

const article = (role: string): string =>
  /^(?:head|chief|lead|director|vp|ceo|cto|cfo|coo|principal|manager of|owner|partner)\b/iu.test(
    role,
  )
    ? ''
    : /^[aeiou]/iu.test(role)
      ? 'an '
      : 'a '

/**
 * "got promoted to senior developer!", "promoted!! head chef now": the speaker's new role, filed as
 * their job and said as a change, so it replaces the work item that named the old role. `before` is
 * the sentence said just before in the same message. Null when no role of a job is named, or when
 * someone else was promoted ("my buddy Marcus got promoted to VP").
 */
export function promotion(text: string, before: string | null): Capture | null {
  const role =
    PROMOTED_TO.exec(text)?.[1] ??
    (before !== null && PROMOTED_ALONE.test(before) ? ROLE_NOW.exec(text)?.[1] : undefined)
  if (!role || !isJob(role)) return null
  return {
    kind: 'fact',
    text: `I am ${article(role)}${role} now`,
    subject: 'job',
    value: role,
    due: null,
    schedule: null,
    replaces: null,
    correction: true,
  }
}
