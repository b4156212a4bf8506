import { indexOfMessage, messageAt, type Thread } from './thread'

/** What one row of the conversation log shows. */
export type LogRow =
  | { kind: 'message'; index: number }
  /** A reply being written (or that failed before it was saved) to the message `replyTo`. */
  | { kind: 'pending'; replyTo: string }
  /** A message of the person's still on its way to the disk. */
  | { kind: 'outgoing'; localId: number }

/** The log's rows in order: how many there are, which is where, and a key that stays with a row. */
export interface LogLayout {
  count: number
  rowAt(i: number): LogRow
  keyAt(i: number): string | number
  /** The row of saved message `index`. */
  rowOf(index: number): number
}

/**
 * Lays out the open conversation: its saved messages, each reply being written directly under the
 * message it answers (after earlier answers to it, where the saved answer will land), and the
 * person's unsaved messages at the end. A reply whose question is not loaded, or is the last thing
 * said, goes at the end. Saved messages keep their index as key, so a row keeps its measured height
 * when a reply is written above it.
 */
export function logLayout(
  thread: Thread,
  pendingIds: readonly string[],
  outgoing: readonly number[],
): LogLayout {
  const total = thread.total
  const inline: { before: number; replyTo: string }[] = []
  const tail: string[] = []
  for (const replyTo of pendingIds) {
    const q = indexOfMessage(thread, replyTo)
    let before = q === null ? total : q + 1
    while (before < total && messageAt(thread, before)?.replyTo === replyTo) before++
    if (before >= total) tail.push(replyTo)
    else inline.push({ before, replyTo })
  }
  inline.sort((a, b) => a.before - b.before)
  const count = total + pendingIds.length + outgoing.length

  const rowAt = (i: number): LogRow => {
    let shift = 0
    for (const at of inline) {
      if (i < at.before + shift) return { kind: 'message', index: i - shift }
      if (i === at.before + shift) return { kind: 'pending', replyTo: at.replyTo }
      shift += 1
    }
    const j = i - shift
    if (j < total) return { kind: 'message', index: j }
    const k = j - total
    const replyTo = tail[k]
    if (replyTo !== undefined) return { kind: 'pending', replyTo }
    return { kind: 'outgoing', localId: outgoing[k - tail.length] ?? -1 }
  }
  const keyAt = (i: number): string | number => {
    const row = rowAt(i)
    return row.kind === 'message'
      ? row.index
      : row.kind === 'pending'
        ? `pending:${row.replyTo}`
        : `outgoing:${row.localId}`
  }
  const rowOf = (index: number): number => index + inline.filter((at) => at.before <= index).length
  return { count, rowAt, keyAt, rowOf }
}
