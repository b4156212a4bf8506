import { ok } from '../../../shared/errors'
import type { DeviceRoster } from './device-roster'
import type { EngineContext } from './engine-context'
import { ROLLBACK_PROBLEM, raiseMark, rolledBack, type SeenMark } from './seen-mark'

/**
 * Watches for a relay that serves less than this device already saw stored there (see
 * seen-mark.ts), using the mark kept in `options.seen` between runs.
 */
export interface RollbackWatch {
  /** Loads the earlier mark for this relay and room (a mark for another says nothing here). */
  load(where: { relayUrl: string; documentName: string }): Promise<void>
  /** Reports a rollback, or clears the report once the relay holds everything seen again. */
  check(): void
  /** After the relay acknowledged everything: remembers the most it has been seen to hold. */
  raise(): Promise<void>
}

/**
 * Creates the rollback watch of one sync.
 * @example const watch = createRollbackWatch(ctx, roster); await watch.load(where); watch.check()
 */
export function createRollbackWatch(ctx: EngineContext, roster: DeviceRoster): RollbackWatch {
  const { problems, options } = ctx
  let mark: SeenMark | null = null
  let where: { relayUrl: string; documentName: string } | null = null
  return {
    async load(place) {
      const earlier = options.seen ? await options.seen.load() : ok(null)
      if (!earlier.ok) problems.report('seen', null, earlier.error)
      if (ctx.state.phase !== 'running') return
      where = place
      const seen = earlier.ok ? earlier.value : null
      if (seen?.relayUrl === place.relayUrl && seen.documentName === place.documentName) {
        mark = seen
      }
    },
    check() {
      const behind = mark === null ? [] : rolledBack(ctx.envelope, mark)
      if (behind.length === 0) {
        if (problems.clear(ROLLBACK_PROBLEM)) ctx.emit()
        return
      }
      const names = [...new Set(behind.map(roster.nameOf))].sort()
      const since = `${(mark?.at ?? '').slice(0, 16).replace('T', ' ')} UTC`
      const message = `the relay served an older copy of this space than this device saw there on ${since}: changes from ${names.join(', ')} are missing; syncing what it can and sending this device's copy again`
      problems.report(ROLLBACK_PROBLEM, null, { code: 'validation', message, path: 'envelope' })
    },
    async raise() {
      if (where === null || options.seen === undefined || !ctx.state.synced) return
      mark = raiseMark(ctx.envelope, where, mark, new Date())
      const saved = await options.seen.save(mark)
      if (!saved.ok) problems.report('seen', null, saved.error)
      else problems.clear('seen')
    },
  }
}
