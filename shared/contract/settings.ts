import { z } from 'zod'
import { Strategy } from './models'

// Only http(s): the host sends the stored API key to this address.
const ProviderBaseUrl = z.url({
  protocol: /^https?$/,
  message: 'expected an http:// or https:// address',
})

export const ProviderSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }),
  z.object({
    kind: z.literal('openai-compatible'),
    baseUrl: ProviderBaseUrl,
    model: z.string().min(1),
  }),
  z.object({ kind: z.literal('anthropic'), model: z.string().min(1) }),
])
export type ProviderSettings = z.infer<typeof ProviderSettings>

/**
 * A provider to test the connection to: as in the settings, except that the model may still be
 * empty — listing the server's models is how a person finds one to choose.
 */
export const ProviderConnection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }),
  z.object({
    kind: z.literal('openai-compatible'),
    baseUrl: ProviderBaseUrl,
    model: z.string(),
  }),
  z.object({ kind: z.literal('anthropic'), model: z.string() }),
])
export type ProviderConnection = z.infer<typeof ProviderConnection>

/**
 * What Keepsake found out about one model, by Test connection or by the model's own answers. Stored
 * per model (see `modelKey`), so a second model on the same server starts from nothing.
 */
export const ModelCapability = z.object({
  /** Whether the model accepts tools; null until a server said or a turn showed it. */
  tools: z.boolean().nullable(),
  /** The context the server reported for the model, in the server's tokens. */
  serverContext: z.number().int().positive().nullable(),
  /**
   * A window in Keepsake's token count learned from a prompt the server refused as too long; the
   * prompt budget never exceeds it, so the next turn fits.
   */
  learnedWindow: z.number().int().positive().nullable(),
  checkedAt: z.iso.datetime(),
})
export type ModelCapability = z.infer<typeof ModelCapability>

/** The key a model's capability is stored under: the server and the model's name. */
export const modelKey = (provider: Exclude<ProviderSettings, { kind: 'offline' }>): string =>
  provider.kind === 'anthropic'
    ? `anthropic ${provider.model}`
    : `${provider.baseUrl.replace(/\/+$/, '')} ${provider.model}`

/** How long each kind stays fresh after it was last confirmed, in hours. */
export const FreshnessPolicy = z.object({
  preference: z.number().positive(),
  fact: z.number().positive(),
  task: z.number().positive(),
  issue: z.number().positive(),
})
export type FreshnessPolicy = z.infer<typeof FreshnessPolicy>

export const Settings = z.object({
  provider: ProviderSettings,
  /** The model's context window in tokens; the prompt budget is this minus `replyReserve`. */
  contextWindow: z.number().int().min(1024),
  replyReserve: z.number().int().min(0),
  strategy: Strategy,
  freshness: FreshnessPolicy,
  theme: z.enum(['system', 'light', 'dark']),
  /** Set once the person has dismissed the welcome. */
  welcomed: z.boolean(),
  /** What is known about each model used so far, by `modelKey`. */
  models: z.record(z.string(), ModelCapability),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  provider: { kind: 'offline' },
  contextWindow: 8192,
  replyReserve: 1024,
  strategy: 'selective',
  freshness: { preference: 180 * 24, fact: 90 * 24, task: 24, issue: 3 * 24 },
  theme: 'system',
  welcomed: false,
  models: {},
}

/** The longest freshness Settings takes: 100 years, in hours. Longer is "never goes stale" by another name. */
export const MAX_FRESHNESS_HOURS = 36_500 * 24

/** Bounds of the number fields in Settings, as the runtime enforces them. */
export const SettingsLimits = z.object({
  /** The smallest context window a turn works in with the current reply reserve. */
  minContextWindow: z.number().int().positive(),
  maxFreshnessHours: z.number().positive(),
})
export type SettingsLimits = z.infer<typeof SettingsLimits>
