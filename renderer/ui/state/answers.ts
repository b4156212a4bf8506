import type { Message } from '../../../shared/contract'
import type { Thread } from './thread'

/**
 * Question id → the id of its newest answer among the loaded pages. Answers are read from the
 * conversation document (synced like everything else), so every device agrees on which is newest.
 */
export function newestAnswers(thread: Thread): ReadonlyMap<string, Message> {
  const newest = new Map<string, Message>()
  for (const page of Object.values(thread.pages))
    for (const m of page) {
      if (m.role !== 'assistant' || m.replyTo === null) continue
      const seen = newest.get(m.replyTo)
      if (!seen || seen.createdAt <= m.createdAt) newest.set(m.replyTo, m)
    }
  return newest
}

/** A failed (or stopped) answer that a newer answer to the same question replaced: not shown. */
export function isReplaced(m: Message, newest: ReadonlyMap<string, Message>): boolean {
  return (
    m.role === 'assistant' &&
    m.replyTo !== null &&
    m.error !== null &&
    newest.get(m.replyTo)?.id !== m.id
  )
}

/**
 * A failed (or stopped) answer whose question is being answered again right now: the reply being
 * written takes its place, as the saved answer will.
 */
export function isBeingRedone(
  m: Message,
  newest: ReadonlyMap<string, Message>,
  waiting: ReadonlySet<string>,
): boolean {
  return (
    m.role === 'assistant' &&
    m.replyTo !== null &&
    m.error !== null &&
    waiting.has(m.replyTo) &&
    newest.get(m.replyTo)?.id === m.id
  )
}

/**
 * Whether this answer may be asked for again (Retry, Regenerate): it is the newest answer to its
 * question, and no new answer is already asked for or being written.
 */
export function canAnswerAgain(
  m: Message,
  newest: ReadonlyMap<string, Message>,
  retried: Readonly<Record<string, true>>,
  waiting: ReadonlySet<string>,
): boolean {
  return (
    m.role === 'assistant' &&
    m.replyTo !== null &&
    newest.get(m.replyTo)?.id === m.id &&
    !retried[m.replyTo] &&
    !waiting.has(m.replyTo)
  )
}
