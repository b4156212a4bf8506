import { z } from 'zod'
import { defineRequests } from './define'

/** Where a memory item came from: the message, and its index in its conversation. */
export const MemorySource = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  /** The message's index in its conversation, oldest first: pass it as `offset` to `conversations.messages`. */
  offset: z.number().int().nonnegative(),
})
export type MemorySource = z.infer<typeof MemorySource>

export const QuarantineExport = z.object({
  /** A JSON document: `{ kind: 'keepsake-quarantine', exportedAt, records: [...] }`, raw values parsed back. */
  json: z.string(),
  count: z.number().int().nonnegative(),
})
export type QuarantineExport = z.infer<typeof QuarantineExport>

/** Provenance and quarantine export (issue 3). */
export const memoryExtraRequests = defineRequests({
  /**
   * The message a fact or preference came from. An item edited in the Memory panel points to the
   * message of the version it replaced. `not-found` when the item was typed in by hand or the message
   * is not on this device (yet).
   */
  'memory.source': { input: z.object({ id: z.string().min(1) }), output: MemorySource },
  /** Quarantined records as one JSON document to save or send; `id` exports just that record. */
  'quarantine.export': {
    input: z.object({ id: z.number().int().optional() }),
    output: QuarantineExport,
  },
})
