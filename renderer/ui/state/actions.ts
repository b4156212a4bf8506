import type { RuntimeClient } from '../../../shared/contract/client'
import type { Settings } from '../../../shared/contract'
import { client } from './client'
import { notify } from './notices'
import { useApp } from './store'
import { pageOf, withAppended, type Thread } from './thread'
import { openConversation } from './thread-actions'
import { readDraft, writeDraft } from './drafts'
import { withRemoved } from './thread-removed'
import { memoryChanged, refreshMemory, watchFreshness } from './memory-actions'

export { openConversation } from './thread-actions'
export { notify } from './notices'

/** Whether the thread already holds an assistant message answering `replyTo` (among recent pages). */
const answered = (thread: Thread | null, replyTo: string): boolean => {
  if (!thread) return false
  const last = pageOf(Math.max(0, thread.total - 1))
  return [last - 1, last].some((p) => (thread.pages[p] ?? []).some((m) => m.replyTo === replyTo))
}

const freshnessChanged = (a: Settings | null, b: Settings): boolean =>
  a !== null && JSON.stringify(a.freshness) !== JSON.stringify(b.freshness)

/** Wires runtime events into the store and loads the first screen. */
export async function attach(c: RuntimeClient): Promise<void> {
  useApp.setState({ client: c })
  /**
   * Set while an answer about the conversation list or memory is on its way: a change told
   * meanwhile (a synced message, a new title) is newer than that answer, which must not overwrite it.
   */
  const inFlight = { conversations: false, memory: false }
  const changedMeanwhile = { conversations: false, memory: false }
  const listChanged = (): void => {
    if (inFlight.conversations) changedMeanwhile.conversations = true
  }
  c.on('conversations.changed', ({ conversations }) => {
    listChanged()
    const s = useApp.getState()
    useApp.setState({ conversations })
    const active = conversations.find((x) => x.id === s.activeId)
    // Listed before and not now: deleted for good, here or on another device.
    const deleted = active === undefined && s.conversations.some((x) => x.id === s.activeId)
    // The open conversation went to Trash or away (here or on another device): show the next one.
    if (s.activeId !== null && (active?.deletedAt || deleted)) {
      const next = conversations.find((x) => x.deletedAt === null)
      if (next) void openConversation(next.id, { keepView: true })
      else useApp.setState({ activeId: null, thread: null })
    }
  })
  c.on('memory.changed', () => {
    if (inFlight.memory) changedMeanwhile.memory = true
    memoryChanged()
  })
  c.on('settings.changed', (settings) => {
    const before = useApp.getState().settings
    useApp.setState({ settings })
    if (freshnessChanged(before, settings)) void refreshMemory()
  })
  c.on('status.changed', (status) => useApp.setState({ status }))
  c.on('messages.appended', ({ conversationId, messages }) => {
    listChanged()
    useApp.setState((s) => {
      const pending = { ...s.pending }
      const retried = { ...s.retried }
      // A new answer arrived: the question may be asked again (Retry, Regenerate) from it.
      for (const m of messages)
        if (m.replyTo) {
          delete pending[m.replyTo]
          delete retried[m.replyTo]
        }
      const thread =
        s.thread?.conversationId === conversationId ? withAppended(s.thread, messages) : s.thread
      // The list's counts are not touched here: the runtime sends the list, read from what is
      // stored, after every commit of messages.
      // A message of ours that is saved now is no longer waiting in the outbox.
      const saved = new Set(
        messages
          .filter((m) => m.role === 'user' && m.deviceId === s.status?.deviceId)
          .map((m) => m.text),
      )
      const outbox = s.outbox.filter(
        (o) => (o.conversationId ?? s.activeId) !== conversationId || !saved.delete(o.text),
      )
      return { pending, retried, thread, outbox }
    })
  })
  c.on('messages.removed', ({ conversationId, ids }) => {
    listChanged()
    // A conversation deleted for good (here or on another device) leaves no unsent words behind.
    if (!useApp.getState().conversations.some((x) => x.id === conversationId))
      writeDraft(conversationId, '')
    // The list follows from the runtime, read after the deletion.
    useApp.setState((s) => ({
      thread: s.thread?.conversationId === conversationId ? withRemoved(s.thread, ids) : s.thread,
    }))
  })
  c.on('reply.progress', ({ conversationId, replyTo, text }) => {
    useApp.setState((s) => ({
      pending: { ...s.pending, [replyTo]: { conversationId, text, failed: null } },
    }))
  })
  c.on('reply.failed', ({ conversationId, replyTo, message }) => {
    useApp.setState((s) => {
      // A failure the runtime saved as a message is shown by that message, with its Retry.
      if (answered(s.thread, replyTo)) {
        const pending = { ...s.pending }
        delete pending[replyTo]
        return { pending }
      }
      const text = s.pending[replyTo]?.text ?? ''
      return { pending: { ...s.pending, [replyTo]: { conversationId, text, failed: message } } }
    })
  })
  inFlight.conversations = true
  inFlight.memory = true
  const [status, settings, first, memory] = await Promise.all([
    c.request('app.status', {}),
    c.request('settings.get', {}),
    c.request('conversations.list', {}),
    c.request('memory.list', {}),
  ])
  for (const r of [status, settings, first, memory]) if (!r.ok) notify(r.error)
  // The list is asked again while changes arrived during its answer's way, until one arrives quiet.
  let conversations = first
  for (let tries = 0; conversations.ok && changedMeanwhile.conversations && tries < 5; tries++) {
    changedMeanwhile.conversations = false
    conversations = await c.request('conversations.list', {})
    if (!conversations.ok) notify(conversations.error)
  }
  inFlight.conversations = false
  inFlight.memory = false
  // A change event that arrived while these were read is newer than what they answered.
  const seen = useApp.getState()
  useApp.setState({
    status: seen.status ?? (status.ok ? status.value : null),
    settings: seen.settings ?? (settings.ok ? settings.value : null),
    conversations: conversations.ok ? conversations.value : seen.conversations,
    memory: memory.ok ? memory.value : null,
  })
  if (changedMeanwhile.memory) memoryChanged()
  else if (memory.ok) watchFreshness(memory.value)
  // The newest conversation opens, unless the person already went somewhere while these were read:
  // a conversation being made, or one opened. Opening it then would move the words typed into the
  // new conversation's box into this one's draft, and show the wrong conversation.
  const open = conversations.ok ? conversations.value.find((x) => x.deletedAt === null) : undefined
  if (open && making === null && useApp.getState().activeId === null)
    await openConversation(open.id, { keepView: true })
}

let making: Promise<string | null> | null = null

/**
 * Starts a conversation and opens it; resolves to its id, or null when it could not be made. The
 * window leaves the open conversation at once, so what is typed while the new one is being made
 * (the disk may be slow) is the new one's draft, never the old one's; a second ask meanwhile (a
 * second click, a message sent from the empty box) gets the same conversation.
 */
export function newConversation(): Promise<string | null> {
  making ??= make().finally(() => {
    making = null
  })
  return making
}

async function make(): Promise<string | null> {
  const before = useApp.getState().activeId
  // The keyboard goes to the message box: typing next writes the new conversation's first message
  // (left on the button, a space would press it again and start yet another conversation).
  useApp.setState((s) => ({
    activeId: null,
    thread: null,
    jump: null,
    sidebarView: 'conversations',
    composerFocus: s.composerFocus + 1,
  }))
  const r = await client().request('conversations.create', {})
  if (!r.ok) {
    notify(r.error)
    if (before !== null && useApp.getState().activeId === null) await openConversation(before)
    return null
  }
  useApp.setState((s) => ({
    conversations: s.conversations.some((c) => c.id === r.value.id)
      ? s.conversations
      : [r.value, ...s.conversations],
  }))
  await openConversation(r.value.id)
  return r.value.id
}

/**
 * Asks again for the reply to user message `messageId`. The new reply shows as being written at
 * once, in its place under the message (which may be far above the newest one), not at the end.
 */
export async function retry(conversationId: string, messageId: string): Promise<void> {
  useApp.setState((s) => ({
    pending: { ...s.pending, [messageId]: { conversationId, text: '', failed: null } },
    retried: { ...s.retried, [messageId]: true },
  }))
  const r = await client().request('chat.retry', { conversationId, messageId })
  if (!r.ok) {
    notify(r.error)
    useApp.setState((s) => {
      const pending = { ...s.pending }
      const retried = { ...s.retried }
      delete pending[messageId]
      delete retried[messageId]
      return { pending, retried }
    })
  }
}

let editNonce = 0

/**
 * Puts one of the person's messages back in the box of its conversation to change and send again
 * (as a new message; the log keeps the original). Whatever was already typed stays after it.
 */
export function editAndResend(conversationId: string, text: string): void {
  const draft = readDraft(conversationId)
  const next = draft.trim() === '' ? text : `${text}\n\n${draft}`
  writeDraft(conversationId, next)
  useApp.setState({ composerSeed: { conversationId, text: next, nonce: ++editNonce } })
}

/** Stops the reply to user message `messageId`; the runtime keeps what had arrived, marked stopped. */
export async function stop(conversationId: string, messageId: string): Promise<void> {
  const r = await client().request('chat.stop', { conversationId, messageId })
  // Already finished: its message is on its way, nothing to stop.
  if (!r.ok && r.error.code !== 'not-found') notify(r.error)
}
