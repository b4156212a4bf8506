import { ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { sourceOf } from '../memory/memory-source'

type MemoryExtraHandlers = Pick<RuntimeHandlers, 'memory.source' | 'quarantine.export'>

/** Provenance of memory items and export of quarantined records. */
export function memoryExtraHandlers(ctx: RuntimeContext): MemoryExtraHandlers {
  return {
    'memory.source': ({ id }) => sourceOf(ctx.space, id),
    'quarantine.export': async ({ id }) => ok(await ctx.space.exportQuarantined(id)),
  }
}
