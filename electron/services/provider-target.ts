import { createAnthropic } from '@ai-sdk/anthropic'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import type { LanguageModel } from 'ai'
import type { SecretName } from '../../shared/contract/host-api'
import type { ProviderConnection } from '../../shared/contract/settings'
import { err, ok, type Result } from '../../shared/errors'
import type { SecretStore } from './secret-store'

/** Where Anthropic's Messages API lives. */
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1'
const ANTHROPIC_VERSION = '2023-06-01'

/** A provider ready to call: the model for chat and the request that lists its models. */
export type ProviderTarget = {
  kind: 'openai-compatible' | 'anthropic'
  /** The base URL, as error messages show it. */
  baseUrl: string
  model: LanguageModel
  listModels: { url: string; headers: Record<string, string> }
  /** The key in use, so error messages can be scrubbed of it; null when none is set. */
  apiKey: string | null
  /** The model's name as the settings give it; empty while none is chosen (Test connection). */
  modelId: string
}

/**
 * Builds the provider the settings name, with its key read from `secrets` (optional for
 * OpenAI-compatible servers, required for Anthropic). `offline` is refused: the runtime answers
 * offline turns itself.
 */
export async function resolveProvider(
  provider: ProviderConnection,
  secrets: SecretStore,
  fetchImpl: typeof fetch,
): Promise<Result<ProviderTarget>> {
  switch (provider.kind) {
    case 'offline':
      return err('validation', 'The offline provider does not call a model.', 'provider.kind')
    case 'openai-compatible': {
      const key = await readKey(secrets, 'openai-compatible.apiKey')
      if (!key.ok) return key
      const baseUrl = provider.baseUrl.replace(/\/+$/, '')
      const factory = createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: baseUrl,
        ...(key.value === null ? {} : { apiKey: key.value }),
        includeUsage: true,
        fetch: fetchImpl,
      })
      const headers: Record<string, string> =
        key.value === null ? {} : { authorization: `Bearer ${key.value}` }
      return ok({
        kind: provider.kind,
        baseUrl,
        model: factory.chatModel(provider.model),
        listModels: {
          url: `${baseUrl}/models`,
          headers,
        },
        apiKey: key.value,
        modelId: provider.model,
      })
    }
    case 'anthropic': {
      const key = await readKey(secrets, 'anthropic.apiKey')
      if (!key.ok) return key
      if (key.value === null) {
        return err('provider-error', 'No Anthropic API key is saved. Add one in Settings.')
      }
      const factory = createAnthropic({
        baseURL: ANTHROPIC_BASE_URL,
        apiKey: key.value,
        fetch: fetchImpl,
      })
      return ok({
        kind: provider.kind,
        baseUrl: ANTHROPIC_BASE_URL,
        model: factory.messages(provider.model),
        listModels: {
          url: `${ANTHROPIC_BASE_URL}/models`,
          headers: { 'x-api-key': key.value, 'anthropic-version': ANTHROPIC_VERSION },
        },
        apiKey: key.value,
        modelId: provider.model,
      })
    }
  }
}

async function readKey(secrets: SecretStore, name: SecretName): Promise<Result<string | null>> {
  const stored = await secrets.get(name)
  if (!stored.ok) return stored
  return ok(stored.value === null || stored.value === '' ? null : stored.value)
}
