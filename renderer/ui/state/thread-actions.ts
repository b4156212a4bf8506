import { client } from './client'
import { notify } from './notices'
import { useApp } from './store'
import {
  PAGE,
  emptyThread,
  indexOfMessage,
  missingPages,
  pageOf,
  withPage,
  type Thread,
} from './thread'

const inFlight = new Set<string>()

/** Loads page `p` of a conversation into the thread, unless it is being loaded already. */
async function loadPage(conversationId: string, p: number): Promise<void> {
  const key = `${conversationId}:${p}`
  if (inFlight.has(key)) return
  inFlight.add(key)
  const r = await client().request('conversations.messages', {
    id: conversationId,
    offset: p * PAGE,
    limit: PAGE,
  })
  inFlight.delete(key)
  if (!r.ok) return notify(r.error)
  useApp.setState((s) => {
    if (s.thread?.conversationId !== conversationId) return {}
    const existing = s.thread.pages[p]
    const answer = r.value.messages
    // An answer read just before an append landed is a prefix of what the thread already holds.
    const stale =
      existing &&
      existing.length > answer.length &&
      answer.every((m, i) => existing[i]?.id === m.id)
    return { thread: withPage(s.thread, p, stale ? existing : answer, r.value.total) }
  })
}

/** Makes sure rows `start..end` of the open conversation are loaded (pages load in parallel). */
export async function ensureRows(
  conversationId: string,
  start: number,
  end: number,
): Promise<void> {
  const thread = useApp.getState().thread
  if (thread?.conversationId !== conversationId) return
  await Promise.all(missingPages(thread, start, end).map((p) => loadPage(conversationId, p)))
}

/**
 * Opens a conversation at its newest messages; older ones load as the person scrolls up. The
 * sidebar shows the conversations, unless `keepView`: the app opened it by itself (the newest
 * after a start or an import, the next when the open one went away), so a Trash the person opened
 * meanwhile stays open.
 */
export async function openConversation(
  id: string,
  { keepView = false }: { keepView?: boolean } = {},
): Promise<void> {
  const summary = useApp.getState().conversations.find((c) => c.id === id)
  const guess = summary?.messageCount ?? 0
  useApp.setState({
    activeId: id,
    thread: emptyThread(id, guess),
    jump: null,
    ...(keepView ? {} : { sidebarView: 'conversations' as const }),
  })
  const last = pageOf(Math.max(0, guess - 1))
  const r = await client().request('conversations.messages', {
    id,
    offset: last * PAGE,
    limit: PAGE,
  })
  if (!r.ok) return notify(r.error)
  useApp.setState((s) => {
    if (s.thread?.conversationId !== id) return {}
    const base: Thread = { ...s.thread, total: r.value.total }
    return { thread: withPage(base, last, r.value.messages, r.value.total) }
  })
  // The summary was behind (messages arrived meanwhile): load the real last page too.
  const total = r.value.total
  if (pageOf(Math.max(0, total - 1)) !== last)
    await ensureRows(id, Math.max(0, total - PAGE), total - 1)
}

/**
 * Finds where a message sits in its conversation. Looks in the loaded pages first; otherwise, given
 * a time at or after the message was written (`notAfter`), binary-searches the conversation by
 * time with one-message reads and scans the page just before that point.
 */
export async function locateMessage(
  conversationId: string,
  messageId: string,
  notAfter: string | null,
): Promise<number | null> {
  const thread = useApp.getState().thread
  if (thread?.conversationId === conversationId) {
    const found = indexOfMessage(thread, messageId)
    if (found !== null) return found
  }
  if (notAfter === null) return null
  const probe = async (offset: number): Promise<{ at: string | null; total: number } | null> => {
    const r = await client().request('conversations.messages', {
      id: conversationId,
      offset,
      limit: 1,
    })
    return r.ok ? { at: r.value.messages[0]?.createdAt ?? null, total: r.value.total } : null
  }
  const head = await probe(0)
  if (!head) return null
  // First index whose message was written after `notAfter`.
  let lo = 0
  let hi = head.total
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    const at = (await probe(mid))?.at
    if (at === null || at === undefined || at > notAfter) hi = mid
    else lo = mid + 1
  }
  const offset = Math.max(0, lo - PAGE)
  const r = await client().request('conversations.messages', {
    id: conversationId,
    offset,
    limit: PAGE + 10,
  })
  if (!r.ok) return null
  const at = r.value.messages.findIndex((m) => m.id === messageId)
  return at >= 0 ? offset + at : null
}

let nonce = 0

/** Opens the conversation if needed and brings the message at `index` into view, focused. */
export async function jumpTo(
  conversationId: string,
  index: number,
  messageId: string,
): Promise<void> {
  if (useApp.getState().activeId !== conversationId) await openConversation(conversationId)
  await ensureRows(conversationId, index, index)
  useApp.setState({ jump: { conversationId, index, messageId, nonce: ++nonce } })
}

/** Opens a message wherever it is; says so when it cannot be found. */
export async function revealMessage(
  conversationId: string,
  messageId: string,
  notAfter: string | null,
): Promise<boolean> {
  const exists = useApp.getState().conversations.find((c) => c.id === conversationId)
  if (!exists) return false
  const index = await locateMessage(conversationId, messageId, notAfter)
  if (index === null) {
    await openConversation(conversationId)
    return false
  }
  await jumpTo(conversationId, index, messageId)
  return true
}
