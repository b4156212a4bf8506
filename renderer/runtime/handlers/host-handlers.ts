import { ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { capabilityOf, recordCapability } from '../agent/capabilities'

type HostHandlers = Pick<
  RuntimeHandlers,
  'provider.test' | 'secrets.status' | 'secrets.set' | 'secrets.delete'
>

/** Settings' privileged requests, forwarded to the host API. Keys go in and never come back. */
export function hostHandlers(ctx: RuntimeContext): HostHandlers {
  const api = ctx.services.api
  return {
    'provider.test': async ({ provider, remember }) => {
      const tested = await api.testProvider({ provider })
      const probe = tested.ok ? tested.value.probe : undefined
      if (remember && provider.kind !== 'offline' && probe !== undefined && probe.listed) {
        // What the server says is stored for the model; a changed context forgets a learned window.
        const known = capabilityOf(ctx.settings(), provider)
        const serverContext = probe.contextWindow ?? known?.serverContext ?? null
        await recordCapability(ctx, provider, {
          ...(probe.tools === null ? {} : { tools: probe.tools }),
          serverContext,
          ...(serverContext !== (known?.serverContext ?? null) ? { learnedWindow: null } : {}),
        })
      }
      return tested
    },
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
