import { z } from 'zod'
import { Strategy } from './models'

export const ProviderSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }),
  z.object({
    kind: z.literal('openai-compatible'),
    // Only http(s): the host sends the stored API key to this address.
    baseUrl: z.url({ protocol: /^https?$/, message: 'expected an http:// or https:// address' }),
    model: z.string().min(1),
  }),
  z.object({ kind: z.literal('anthropic'), model: z.string().min(1) }),
])
export type ProviderSettings = z.infer<typeof ProviderSettings>

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
}
