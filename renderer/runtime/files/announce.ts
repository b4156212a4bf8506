import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'

/** Tells every window what the newly opened space holds, after the runtime switched spaces. */
export async function announceSpace(handlers: RuntimeHandlers, ctx: RuntimeContext): Promise<void> {
  const [status, conversations, memory] = await Promise.all([
    handlers['app.status']({}),
    handlers['conversations.list']({}),
    handlers['memory.list']({}),
  ])
  if (status.ok) ctx.emit('status.changed', status.value)
  if (conversations.ok) ctx.emit('conversations.changed', { conversations: conversations.value })
  if (memory.ok) ctx.emit('memory.changed', memory.value)
}
