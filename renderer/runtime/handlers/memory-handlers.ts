import { ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { addItem, confirmItem, editItem, restoreItem, retractItem } from '../memory/memory-ops'
import type { ChangeContext } from '../memory/memory-ops'
import { memoryView } from '../memory/memory-views'
import { discardQuarantined } from '../memory/quarantine-actions'

type MemoryHandlers = Pick<
  RuntimeHandlers,
  | 'memory.list'
  | 'memory.remember'
  | 'memory.confirm'
  | 'memory.edit'
  | 'memory.retract'
  | 'memory.history'
  | 'memory.restore'
  | 'quarantine.list'
  | 'quarantine.discard'
>

/** The memory panel's requests. Changes made here are the user's own, with no source message. */
export function memoryHandlers(ctx: RuntimeContext): MemoryHandlers {
  const byUser = (): ChangeContext => ({ now: ctx.now(), actor: 'user', source: null })
  return {
    'memory.list': async () => ok(await memoryView(ctx.space, ctx.settings().freshness, ctx.now())),
    'memory.remember': ({ text, kind }) =>
      ctx.space.changeMemory((doc) => ok(addItem(doc, kind, text, byUser()))),
    'memory.confirm': ({ id }) => ctx.space.changeMemory((doc) => confirmItem(doc, id, byUser())),
    'memory.edit': ({ id, text }) =>
      ctx.space.changeMemory((doc) => editItem(doc, id, text, byUser())),
    'memory.retract': ({ id }) => ctx.space.changeMemory((doc) => retractItem(doc, id, byUser())),
    'memory.history': async ({ id }) => ok(await ctx.space.memoryHistory(id)),
    'memory.restore': ({ id }) => ctx.space.changeMemory((doc) => restoreItem(doc, id, byUser())),
    'quarantine.list': async () => ok(await ctx.space.quarantined()),
    'quarantine.discard': ({ id }) => discardQuarantined(ctx, id),
  }
}
