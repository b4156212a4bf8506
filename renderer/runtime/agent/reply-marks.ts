/**
 * How a reply that did not run to its end is marked in its message's `error` (codes travel as plain
 * strings in the stored message, so they are stable once shipped).
 */

/** The person pressed Stop: what had streamed is the reply. Not a failure; nothing went wrong. */
export const STOPPED = { code: 'stopped', message: 'You stopped this reply.' } as const

/** Keepsake was closed, reloaded or crashed while the reply was being written. */
export const INTERRUPTED = {
  code: 'interrupted',
  message: 'This reply was cut off: Keepsake was closed or reloaded while writing it.',
} as const
