import { ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'

type HostHandlers = Pick<
  RuntimeHandlers,
  'provider.test' | 'secrets.status' | 'secrets.set' | 'secrets.delete'
>

/** Settings' privileged requests, forwarded to the host API. Keys go in and never come back. */
export function hostHandlers(ctx: RuntimeContext): HostHandlers {
  const api = ctx.services.api
  return {
    'provider.test': ({ provider }) => api.testProvider({ provider }),
    'secrets.status': async () => {
      const [openai, anthropic] = await Promise.all([
        api.secretPresent('openai-compatible.apiKey'),
        api.secretPresent('anthropic.apiKey'),
      ])
      if (!openai.ok) return openai
      if (!anthropic.ok) return anthropic
      return ok({ openaiCompatible: openai.value.present, anthropic: anthropic.value.present })
    },
    'secrets.set': async ({ name, value }) => {
      const saved = await api.setSecret(name, value)
      return saved.ok ? ok({ done: true as const }) : saved
    },
    'secrets.delete': async ({ name }) => {
      const deleted = await api.deleteSecret(name)
      return deleted.ok ? ok({ done: true as const }) : deleted
    },
  }
}
