import type { ProviderConnection, Settings } from '../../../shared/contract'
import type { ModelProbe, SecretName } from '../../../shared/contract/host-api'
import { client } from './client'
import { notify } from './notices'
import { useApp } from './store'
import { humanize, type HumanError } from '../lib/human-error'
import { refreshMemory } from './memory-actions'

/**
 * Saves part of the settings; resolves true when saved. The change shows at once (a chosen radio is
 * checked while the runtime saves) and is undone if the runtime refuses it.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<boolean> {
  const before = useApp.getState().settings
  if (before) useApp.setState({ settings: { ...before, ...patch } })
  const r = await client().request('settings.update', patch)
  if (!r.ok) {
    notify(r.error)
    if (before) useApp.setState({ settings: before })
    return false
  }
  useApp.setState({ settings: r.value })
  // Freshness is computed when memory is read: read it again under the new policy.
  if (patch.freshness) await refreshMemory()
  return true
}

/**
 * Saves part of the settings from a field that shows its own problems: resolves null when saved,
 * or the runtime's reason for refusing it (nothing is changed then).
 */
export async function saveSettingsField(patch: Partial<Settings>): Promise<string | null> {
  const r = await client().request('settings.update', patch)
  if (!r.ok) return r.error.message
  useApp.setState({ settings: r.value })
  if (patch.freshness) await refreshMemory()
  return null
}

export async function refreshStatus(): Promise<void> {
  const r = await client().request('app.status', {})
  if (r.ok) useApp.setState({ status: r.value })
}

export type SecretsStatus = { openaiCompatible: boolean; anthropic: boolean }

export async function secretsStatus(): Promise<SecretsStatus | null> {
  const r = await client().request('secrets.status', {})
  return r.ok ? r.value : null
}

/** Stores a key on the host; it is never sent back to the UI. */
export async function saveSecret(name: SecretName, value: string): Promise<boolean> {
  const r = await client().request('secrets.set', { name, value })
  if (!r.ok) notify(r.error)
  return r.ok
}

export async function deleteSecret(name: SecretName): Promise<boolean> {
  const r = await client().request('secrets.delete', { name })
  if (!r.ok) notify(r.error)
  return r.ok
}

/** Reaches the provider (with or without a model chosen); what it lists, or what went wrong. */
export async function testProvider(
  provider: ProviderConnection,
): Promise<
  | { ok: true; models: string[]; probe?: ModelProbe; suggestedBaseUrl?: string }
  | { ok: false; error: HumanError }
> {
  const r = await client().request('provider.test', { provider })
  return r.ok ? { ok: true, ...r.value } : { ok: false, error: humanize(r.error) }
}
