import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'

/** Tells every window what the newly opened space holds, after the runtime switched spaces. */
export async function announceSpace(handlers: RuntimeHandlers, ctx: RuntimeContext): Promise<void> {
  const [status, conversations] = await Promise.all([
    handlers['app.status']({}),
    handlers['conversations.list']({}),
  ])
  if (status.ok) ctx.emit('status.changed', status.value)
  if (conversations.ok) ctx.emit('conversations.changed', { conversations: conversations.value })
  ctx.emit('memory.changed', { ids: [] })
}
