import type { AppError } from '../../../shared/errors'
import type { RuntimeClient } from '../../../shared/contract/client'
import { useApp } from './store'

/** How many of the newest messages the chat view loads when a conversation opens. */
export const WINDOW = 200

const client = (): RuntimeClient => {
  const c = useApp.getState().client
  if (!c) throw new Error('runtime client used before connect')
  return c
}

/** Shows a failure as a sentence with a next step. */
export function notify(error: AppError): void {
  useApp.setState({ notice: error.message })
}

/** Wires runtime events into the store and loads the first screen. */
export async function attach(c: RuntimeClient): Promise<void> {
  useApp.setState({ client: c })
  c.on('conversations.changed', ({ conversations }) => useApp.setState({ conversations }))
  c.on('memory.changed', (memory) => useApp.setState({ memory }))
  c.on('settings.changed', (settings) => useApp.setState({ settings }))
  c.on('status.changed', (status) => useApp.setState({ status }))
  c.on('messages.appended', ({ conversationId, messages }) => {
    const s = useApp.getState()
    const pending = { ...s.pending }
    for (const m of messages) if (m.replyTo) delete pending[m.replyTo]
    if (conversationId !== s.activeId) return useApp.setState({ pending })
    const known = new Set(s.messages.map((m) => m.id))
    const fresh = messages.filter((m) => !known.has(m.id))
    useApp.setState({ messages: [...s.messages, ...fresh], total: s.total + fresh.length, pending })
  })
  c.on('reply.progress', ({ conversationId, replyTo, text }) => {
    useApp.setState((s) => ({ pending: { ...s.pending, [replyTo]: { conversationId, text, failed: null } } }))
  })
  c.on('reply.failed', ({ conversationId, replyTo, message }) => {
    useApp.setState((s) => ({
      pending: { ...s.pending, [replyTo]: { conversationId, text: s.pending[replyTo]?.text ?? '', failed: message } },
    }))
  })
  const [status, settings, conversations, memory] = await Promise.all([
    c.request('app.status', {}),
    c.request('settings.get', {}),
    c.request('conversations.list', {}),
    c.request('memory.list', {}),
  ])
  for (const r of [status, settings, conversations, memory]) if (!r.ok) notify(r.error)
  useApp.setState({
    status: status.ok ? status.value : null,
    settings: settings.ok ? settings.value : null,
    conversations: conversations.ok ? conversations.value : [],
    memory: memory.ok ? memory.value : null,
  })
  const first = conversations.ok ? conversations.value.find((x) => x.deletedAt === null) : undefined
  if (first) await openConversation(first.id)
}

/** Opens a conversation at its newest messages. */
export async function openConversation(id: string): Promise<void> {
  useApp.setState({ activeId: id, messages: [], total: 0 })
  const head = await client().request('conversations.messages', { id, offset: 0, limit: 1 })
  if (!head.ok) return notify(head.error)
  const offset = Math.max(0, head.value.total - WINDOW)
  const page = await client().request('conversations.messages', { id, offset, limit: WINDOW })
  if (!page.ok) return notify(page.error)
  if (useApp.getState().activeId !== id) return
  useApp.setState({ messages: page.value.messages, total: page.value.total })
}

export async function newConversation(): Promise<string | null> {
  const r = await client().request('conversations.create', {})
  if (!r.ok) {
    notify(r.error)
    return null
  }
  await openConversation(r.value.id)
  return r.value.id
}

/** Sends a message; resolves true once it is saved (durable). */
export async function send(text: string): Promise<boolean> {
  const id = useApp.getState().activeId ?? (await newConversation())
  if (!id) return false
  const r = await client().request('chat.send', { conversationId: id, text })
  if (!r.ok) {
    notify(r.error)
    return false
  }
  return true
}

export async function retry(conversationId: string, messageId: string): Promise<void> {
  useApp.setState((s) => {
    const pending = { ...s.pending }
    delete pending[messageId]
    return { pending }
  })
  const r = await client().request('chat.retry', { conversationId, messageId })
  if (!r.ok) notify(r.error)
}
