import type { Message } from '../../../shared/contract'

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
 * The thread after `messages` were appended to the conversation. Messages already loaded are
 * skipped. One that sorts before the last loaded message (it came late, by sync) shifts every index
 * after it, so the loaded pages are dropped and loaded again as they are shown.
 */
export function withAppended(thread: Thread, messages: readonly Message[]): Thread {
  const recent = new Set<string>()
  const lastPage = pageOf(Math.max(0, thread.total - 1))
  for (const p of [lastPage - 1, lastPage]) for (const m of thread.pages[p] ?? []) recent.add(m.id)
  const fresh = messages.filter((m) => !recent.has(m.id))
  if (fresh.length === 0) return thread
  const lastKnown = messageAt(thread, thread.total - 1)
  if (lastKnown && fresh.some((m) => m.createdAt < lastKnown.createdAt)) {
    return { ...thread, total: thread.total + fresh.length, pages: {} }
  }
  const pages: Record<number, readonly Message[]> = { ...thread.pages }
  let total = thread.total
  for (const m of fresh) {
    const p = pageOf(total)
    const page = pages[p]
    if (page && page.length === total % PAGE) pages[p] = [...page, m]
    else if (total % PAGE === 0) pages[p] = [m]
    total++
  }
  return { ...thread, total, pages }
}

/** Where a loaded message sits, or null when its page is not loaded. */
export function indexOfMessage(thread: Thread, id: string): number | null {
  for (const [key, page] of Object.entries(thread.pages)) {
    const at = page.findIndex((m) => m.id === id)
    if (at >= 0) return Number(key) * PAGE + at
  }
  return null
}
