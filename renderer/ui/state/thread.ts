import type { Message } from '../../../shared/contract'
import { appendAll } from '../../../shared/append-all'

/** How many messages one page request brings in; pages are aligned on multiples of it. */
export const PAGE = 100

/**
 * The open conversation as a sparse list: its full length, and the pages loaded so far. A row whose
 * page is not loaded yet is a placeholder; scrolling to it loads the page. Indices never shift while
 * messages are appended, so a row keeps its key and its measured height.
 */
export interface Thread {
  conversationId: string
  total: number
  /** Page number → that page's messages in order, from its first one. The last page may be short. */
  pages: Readonly<Record<number, readonly Message[]>>
}

export const emptyThread = (conversationId: string, total = 0): Thread => ({
  conversationId,
  total,
  pages: {},
})

export const pageOf = (index: number): number => Math.floor(index / PAGE)

/** The message at `index`, or undefined while its page is not loaded. */
export function messageAt(thread: Thread, index: number): Message | undefined {
  return thread.pages[pageOf(index)]?.[index % PAGE]
}

/** Pages needed to show rows `start..end` that are not loaded (or are short of a known row). */
export function missingPages(thread: Thread, start: number, end: number): number[] {
  const out: number[] = []
  const last = Math.min(end, thread.total - 1)
  for (let p = pageOf(Math.max(0, start)); p <= pageOf(last); p++) {
    const page = thread.pages[p]
    const wanted = Math.min(PAGE, thread.total - p * PAGE)
    if (!page || page.length < wanted) out.push(p)
  }
  return out
}

/** The thread with page `p` as the runtime answered it. */
export function withPage(
  thread: Thread,
  p: number,
  messages: readonly Message[],
  total: number,
): Thread {
  return {
    ...thread,
    total: Math.max(thread.total, total),
    pages: { ...thread.pages, [p]: messages },
  }
}

/**
 * The thread after `messages` were appended to the conversation, in the runtime's order. Messages
 * already loaded are skipped. An answer goes directly under the message it answers (after earlier
 * answers to it), as the runtime stores it; when that spot or the question is not loaded, or a
 * message sorts before the last loaded one (it came late, by sync), every index after it shifts, so
 * the loaded pages are dropped and loaded again as they are shown.
 */
export function withAppended(thread: Thread, messages: readonly Message[]): Thread {
  const recent = new Set<string>()
  const lastPage = pageOf(Math.max(0, thread.total - 1))
  for (const p of [lastPage - 1, lastPage]) for (const m of thread.pages[p] ?? []) recent.add(m.id)
  let out = thread
  for (const m of messages) if (!recent.has(m.id)) out = withOne(out, m)
  return out
}

function withOne(thread: Thread, m: Message): Thread {
  const lastKnown = messageAt(thread, thread.total - 1)
  const dropped = (): Thread => ({ ...thread, total: thread.total + 1, pages: {} })
  let at = thread.total
  if (m.replyTo !== null && lastKnown && lastKnown.id !== m.replyTo) {
    const q = indexOfMessage(thread, m.replyTo)
    if (q === null) return lastKnown.replyTo === m.replyTo ? appendAt(thread, m) : dropped()
    at = q + 1
    while (at < thread.total && messageAt(thread, at)?.replyTo === m.replyTo) at++
  } else if (lastKnown && m.createdAt < lastKnown.createdAt) return dropped()
  if (at === thread.total) return appendAt(thread, m)
  // Re-page everything from the question's page on; every one of those pages must be loaded.
  const first = pageOf(at)
  const tail: Message[] = []
  for (let p = first; p <= pageOf(thread.total - 1); p++) {
    const page = thread.pages[p]
    if (!page || page.length < Math.min(PAGE, thread.total - p * PAGE)) return dropped()
    appendAll(tail, page)
  }
  tail.splice(at - first * PAGE, 0, m)
  const pages: Record<number, readonly Message[]> = { ...thread.pages }
  for (let i = 0; i < tail.length; i += PAGE) pages[first + i / PAGE] = tail.slice(i, i + PAGE)
  return { ...thread, total: thread.total + 1, pages }
}

function appendAt(thread: Thread, m: Message): Thread {
  const pages: Record<number, readonly Message[]> = { ...thread.pages }
  const total = thread.total
  const p = pageOf(total)
  const page = pages[p]
  if (page && page.length === total % PAGE) pages[p] = [...page, m]
  else if (total % PAGE === 0) pages[p] = [m]
  return { ...thread, total: total + 1, pages }
}

/** Where a loaded message sits, or null when its page is not loaded. */
export function indexOfMessage(thread: Thread, id: string): number | null {
  for (const [key, page] of Object.entries(thread.pages)) {
    const at = page.findIndex((m) => m.id === id)
    if (at >= 0) return Number(key) * PAGE + at
  }
  return null
}
