import { z } from 'zod'
import { defineRequests } from './define'
import { ProviderModels, SecretName } from './host-api'
import { ProviderConnection } from './settings'

const done = z.object({ done: z.literal(true) })

/**
 * Settings' privileged requests. The runtime forwards them to the host; an API key goes in through
 * `secrets.set` and never comes back out: the UI only learns whether one is saved.
 */
export const hostRequests = defineRequests({
  /**
   * Reaches the provider with the saved key, lists the models it offers and reads what the server
   * says about the chosen one (tools, context), when one is chosen; the runtime stores that per model.
   */
  'provider.test': {
    input: z.object({
      provider: ProviderConnection,
      /** False for a look that changes nothing (the welcome checking the model is reachable). */
      remember: z.boolean().default(true),
    }),
    output: ProviderModels,
  },
  'secrets.status': {
    input: z.object({}),
    output: z.object({ openaiCompatible: z.boolean(), anthropic: z.boolean() }),
  },
  'secrets.set': {
    input: z.object({ name: SecretName, value: z.string().trim().min(1).max(16_384) }),
    output: done,
  },
  'secrets.delete': { input: z.object({ name: SecretName }), output: done },
})
