import { z } from 'zod'
import { IsoDate } from './iso-date'
import { ConversationEntryV2 } from './v2'

/**
 * A v2 conversation entry with the optional keys later builds add. v2 entries are loose objects and
 * v2 is frozen, so additions are optional extension keys validated here rather than a new schema
 * version: a build that predates them carries them untouched.
 * - `pinnedAt`: when the conversation was pinned to the top of the list; absent or null when it is
 *   not pinned. It lives in the space document, so a pin syncs to the other laptops.
 */
export const ConversationEntryV2Extended = ConversationEntryV2.extend({
  pinnedAt: IsoDate.nullable().optional(),
})
export type ConversationEntryV2Extended = z.infer<typeof ConversationEntryV2Extended>
