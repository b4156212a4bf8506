import { z } from 'zod'
import { IsoDate } from '../shared/schema/iso-date'

/**
 * One searchable thing: a memory item (fact, preference, task, issue) or one message of a
 * conversation. `id` is unique across both kinds.
 */
export const SearchDoc = z.object({
  id: z.string().min(1),
  kind: z.enum(['message', 'memory']),
  /** What a person reads; the main searchable field. */
  text: z.string(),
  conversationId: z.string().nullable(),
  createdAt: IsoDate,
  role: z.enum(['user', 'assistant', 'system']).optional(),
  memoryKind: z.enum(['fact', 'preference', 'task', 'issue']).optional(),
  /** Memory items only; messages count as active. */
  status: z.enum(['active', 'superseded', 'retracted']).optional(),
  /** Who spoke, when known (imported transcripts); searchable with a boost. */
  speaker: z.string().nullable().optional(),
  /** Extra keywords, e.g. a memory item's category or preference key. Searchable with a boost. */
  tags: z.array(z.string()).optional(),
  /**
   * For a message: the text of the message it follows (or answers). Replies are elliptical ("yes,
   * took the kids there Sunday"); indexing their context at a low weight makes them findable by
   * topic. Indexed, not stored.
   */
  context: z.string().optional(),
})
export type SearchDoc = z.infer<typeof SearchDoc>

/** One search result. `snippet` is an excerpt of `text` around the matched terms, at most 160 chars. */
export const SearchHit = z.object({
  id: z.string(),
  kind: z.enum(['message', 'memory']),
  score: z.number(),
  text: z.string(),
  conversationId: z.string().nullable(),
  createdAt: IsoDate,
  snippet: z.string(),
})
export type SearchHit = z.infer<typeof SearchHit>

/** Narrows and sizes a search. Defaults: k 10, now = the current time, every kind, every conversation. */
export type SearchOptions = {
  /** How many hits at most. */
  k?: number
  /** Reference time for time phrases ("last week") and recency. */
  now?: Date
  kinds?: ReadonlyArray<SearchDoc['kind']>
  /** Only messages of this conversation (memory items whose source is this conversation included). */
  conversationId?: string
  /** Only messages by these roles (memory items never match): "what did I say" reads the person's own words. */
  roles?: ReadonlyArray<NonNullable<SearchDoc['role']>>
}
