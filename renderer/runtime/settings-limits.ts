import { err, ok, type Result } from '../../shared/errors'
import {
  MAX_FRESHNESS_HOURS,
  type FreshnessPolicy,
  type Settings,
  type SettingsLimits,
} from '../../shared/contract/settings'
import { minimumWindow } from './agent/budget'

const formatNumber = (n: number): string => n.toLocaleString('en-US')

const FRESHNESS_LABEL: Record<keyof FreshnessPolicy, string> = {
  preference: 'Preferences stay fresh for',
  fact: 'Facts stay fresh for',
  task: 'Tasks stay fresh for',
  issue: 'Issues stay fresh for',
}

/** The bounds settings are held to, given the settings they apply to. */
export function settingsLimits(settings: Settings): SettingsLimits {
  return { minContextWindow: minimumWindow(settings), maxFreshnessHours: MAX_FRESHNESS_HOURS }
}

/**
 * Refuses settings that would not work, naming the field and what it takes: a context window too
 * small for the instructions, tools and memory (it would silently leave memory out of every prompt)
 * and a freshness beyond 100 years (past the dates the app can compute with).
 */
export function checkLimits(settings: Settings, changed: Partial<Settings>): Result<Settings> {
  const limits = settingsLimits(settings)
  const windowChanged = 'contextWindow' in changed || 'replyReserve' in changed
  if (windowChanged && settings.contextWindow < limits.minContextWindow) {
    return err(
      'validation',
      `Model context window: use at least ${formatNumber(limits.minContextWindow)} tokens. ${formatNumber(settings.contextWindow)} leaves no room for the instructions and your memory beside the ${formatNumber(settings.replyReserve)} tokens kept for the reply.`,
      'contextWindow',
    )
  }
  // Only what this change sets is checked: a value saved by an older build never blocks another field.
  if (!changed.freshness) return ok(settings)
  for (const kind of Object.keys(FRESHNESS_LABEL) as (keyof FreshnessPolicy)[]) {
    const hours = settings.freshness[kind]
    if (hours > limits.maxFreshnessHours) {
      return err(
        'validation',
        `${FRESHNESS_LABEL[kind]}: use between 0.01 and ${formatNumber(limits.maxFreshnessHours / 24)} days (100 years).`,
        `freshness.${kind}`,
      )
    }
  }
  return ok(settings)
}
