import type { Thread } from './thread'

/**
 * The thread after messages were deleted for good. Every index after a deleted one shifts, so the
 * loaded pages are dropped and load again as they are shown (as for a message that arrives late by
 * sync); the length shrinks by the deleted messages, all of which were this conversation's.
 */
export function withRemoved(thread: Thread, ids: readonly string[]): Thread {
  if (ids.length === 0) return thread
  return { ...thread, total: Math.max(0, thread.total - ids.length), pages: {} }
}
