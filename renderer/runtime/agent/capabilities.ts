import {
  modelKey,
  type ModelCapability,
  type ProviderSettings,
  type Settings,
} from '../../../shared/contract/settings'
import type { RuntimeContext } from '../context'

type ModelProvider = Exclude<ProviderSettings, { kind: 'offline' }>

/** What is known about `provider`'s model, or null before anything was found out. */
export function capabilityOf(settings: Settings, provider: ModelProvider): ModelCapability | null {
  return settings.models[modelKey(provider)] ?? null
}

/**
 * Stores what was found out about a model (by Test connection or by a turn) with the settings, and
 * tells the UI. Writes nothing when nothing changed, so a turn that confirms what is known is free.
 */
export async function recordCapability(
  ctx: Pick<RuntimeContext, 'settings' | 'setSettings' | 'emit' | 'now'>,
  provider: ModelProvider,
  patch: Partial<Omit<ModelCapability, 'checkedAt'>>,
): Promise<void> {
  const settings = ctx.settings()
  const key = modelKey(provider)
  const before = settings.models[key] ?? {
    tools: null,
    serverContext: null,
    learnedWindow: null,
    checkedAt: ctx.now().toISOString(),
  }
  const after: ModelCapability = { ...before, ...patch }
  const same = (Object.keys(patch) as (keyof typeof patch)[]).every((k) => before[k] === after[k])
  if (same && settings.models[key] !== undefined) return
  const next: Settings = {
    ...settings,
    models: { ...settings.models, [key]: { ...after, checkedAt: ctx.now().toISOString() } },
  }
  await ctx.setSettings(next)
  ctx.emit('settings.changed', next)
}
