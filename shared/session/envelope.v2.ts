import { z } from 'zod'
import { BytesField } from './bytes-field'
import { SessionConversationV1, SessionEnvelopeV1 } from './envelope.v1'

/**
 * Session file format version 2 — FROZEN once released: never edit this file. A change is a new
 * `envelope.v3.ts` plus a step in `migrate-envelope.ts`, a frozen fixture, and a test.
 *
 * What it adds to version 1: a conversation whose messages are in segments (README, Architecture,
 * "Segments") carries each segment's Yjs state beside its own document's (`yjs`). `messages` is
 * still the full log, in the order it was written: the conversation's own document's messages
 * first, then each segment's, `count` of them each. A file with no segmented conversation is written
 * as version 1, so older builds still read it.
 */
export const FORMAT_V2 = 2 as const

/** One segment of a conversation: its number, how many of the log's messages it holds, its state. */
export const SessionSegmentV2 = z.strictObject({
  n: z.number().int().nonnegative().max(999_999_999),
  count: z.number().int().nonnegative(),
  yjs: BytesField,
})

export const SessionConversationV2 = SessionConversationV1.extend({
  /** The conversation's segments in order, each with its Yjs state; absent when it has none. */
  segments: z.array(SessionSegmentV2).optional(),
})

export const SessionEnvelopeV2 = SessionEnvelopeV1.extend({
  formatVersion: z.literal(FORMAT_V2),
  conversations: z.array(SessionConversationV2),
})
export type SessionEnvelopeV2 = z.infer<typeof SessionEnvelopeV2>
