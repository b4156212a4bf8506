import { ok } from '../../../shared/errors'
import { Settings } from '../../../shared/contract/settings'
import { check } from '../../../shared/validation'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { checkLimits, settingsLimits } from '../settings-limits'

type SettingsHandlers = Pick<
  RuntimeHandlers,
  'settings.get' | 'settings.update' | 'settings.limits' | 'app.status'
>

/** Settings and app status. */
export function settingsHandlers(
  ctx: RuntimeContext,
  status: RuntimeHandlers['app.status'],
): SettingsHandlers {
  return {
    'app.status': status,
    'settings.get': async () => ok(ctx.settings()),
    'settings.limits': async () => ok(settingsLimits(ctx.settings())),
    'settings.update': async (patch) => {
      const next = check(Settings, { ...ctx.settings(), ...patch }, 'settings')
      if (!next.ok) return next
      const limits = checkLimits(next.value, patch)
      if (!limits.ok) return limits
      await ctx.setSettings(next.value)
      ctx.emit('settings.changed', next.value)
      return ok(next.value)
    },
  }
}
