import { z } from 'zod'
import { IsoDate } from '../schema/iso-date'
import { MemoryItem, Message } from '../schema/current'

export const ConversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  messageCount: z.number().int().nonnegative(),
  /** Set while the conversation is in the trash. */
  deletedAt: IsoDate.nullable(),
  /** When it was pinned to the top of the list (on any laptop); null when it is not pinned. */
  pinnedAt: IsoDate.nullable(),
})
export type ConversationSummary = z.infer<typeof ConversationSummary>

export const Freshness = z.enum(['fresh', 'needs-reverify'])

/** A memory item as the UI shows it: the record plus what the runtime concluded about it on load. */
export const MemoryItemView = z.object({
  item: MemoryItem,
  freshness: Freshness,
  /** When the item stops (or stopped) being fresh under the current policy. */
  staleAt: IsoDate,
  /**
   * How many versions edited on other devices at the same time lost to this one (the later edit
   * is kept; they stay in its history). Absent when none did.
   */
  concurrentEdits: z.number().int().positive().optional(),
})
export type MemoryItemView = z.infer<typeof MemoryItemView>

export const QuarantinedRecord = z.object({
  id: z.number().int(),
  /** Which store the record came from, e.g. `memory` or `conversation:<id>`. */
  origin: z.string(),
  recordId: z.string(),
  raw: z.string(),
  path: z.string(),
  reason: z.string(),
  at: IsoDate,
})
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>

export const MemoryView = z.object({
  items: z.array(MemoryItemView),
  quarantineCount: z.number().int().nonnegative(),
  /** Records written by a newer Keepsake: kept untouched and not used. */
  futureCount: z.number().int().nonnegative(),
})
export type MemoryView = z.infer<typeof MemoryView>

export const Strategy = z.enum(['full', 'log', 'selective'])
export type Strategy = z.infer<typeof Strategy>

export const ContextSection = z.object({
  name: z.string(),
  tokens: z.number().int().nonnegative(),
  text: z.string(),
})

export const RetrievedMemory = z.object({
  id: z.string(),
  kind: z.enum(['message', 'memory']),
  score: z.number(),
  text: z.string(),
  conversationId: z.string().nullable(),
  createdAt: IsoDate.nullable(),
})
export type RetrievedMemory = z.infer<typeof RetrievedMemory>

/** "What the assistant saw" for one turn. */
export const ContextRecord = z.object({
  replyId: z.string(),
  conversationId: z.string(),
  strategy: Strategy,
  provider: z.string(),
  budget: z.number().int(),
  total: z.number().int(),
  sections: z.array(ContextSection),
  retrieved: z.array(RetrievedMemory),
  createdAt: IsoDate,
  /**
   * What a reasoning model thought before answering (its `<think>` text). Kept only here, with what
   * the assistant saw: never in the message, so never resent, exported or searched.
   */
  reasoning: z.string().optional(),
})
export type ContextRecord = z.infer<typeof ContextRecord>

export { MemoryItem, Message }
