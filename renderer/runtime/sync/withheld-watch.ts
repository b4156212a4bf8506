import type { EngineContext } from './engine-context'
import { WITHHELD_PROBLEM, withheldWriters } from './withheld-writers'

/**
 * Returns the check that reports changes the relay left out (see withheld-writers.ts) and clears
 * the report once they arrive.
 * @example const checkWithheld = createWithheldWatch(ctx); checkWithheld()
 */
export function createWithheldWatch(ctx: EngineContext): () => void {
  return () => {
    const writers = withheldWriters(ctx.envelope)
    if (writers.length === 0) {
      if (ctx.problems.clear(WITHHELD_PROBLEM)) ctx.emit()
      return
    }
    const names = writers.map((id) => ctx.state.devices.find((d) => d.deviceId === id)?.name ?? id)
    const message = `the relay is withholding updates from ${names.join(', ')}: later changes arrived without the ones they build on; syncing what it can`
    ctx.problems.report(WITHHELD_PROBLEM, null, { code: 'validation', message, path: 'envelope' })
  }
}
