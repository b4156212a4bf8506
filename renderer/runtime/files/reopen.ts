import type { Result } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'

/**
 * Restarts the runtime on the space the registry now marks active (after an import made or
 * replaced a space, or a switch): pending writes settle, the new space opens, and requests that
 * arrive meanwhile wait for it. Resolves with the new handlers and context.
 */
export type ReopenRuntime = () => Promise<
  Result<{ handlers: RuntimeHandlers; ctx: RuntimeContext }>
>
