import { ok, type Result } from '../../../shared/errors'
import type { RuntimeContext } from '../context'
import { discardUnreadable } from '../space/discard-unreadable'

/**
 * Discards one quarantined record: the unreadable record goes (see `discardUnreadable`), then its
 * quarantine row, and every window gets the new count. Discarding twice is harmless. A damaged stored
 * setting is replaced by the settings in use.
 */
export async function discardQuarantined(
  ctx: RuntimeContext,
  id: number,
): Promise<Result<{ done: true }>> {
  const row = await ctx.space.quarantinedRow(id)
  if (row) {
    const removed = await discardUnreadable(ctx.space, row)
    if (!removed.ok) return removed
    if (row.origin === 'settings') await ctx.setSettings(ctx.settings())
    await ctx.space.forgetQuarantined(id)
  }
  ctx.emit('memory.changed', { ids: [] })
  return ok({ done: true })
}
