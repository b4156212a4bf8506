import type { AppError } from '../../shared/errors'
import { listProviderModels } from './provider-models'
import type { ProviderTarget } from './provider-target'

/** How long a failed turn waits for the model list it quotes. */
const LIST_TIMEOUT_MS = 3_000
const SHOWN = 12

/**
 * Adds to a "the server does not have that model" error the models it does have, so the person can
 * pick one; any other error, or a list that cannot be read, is returned as it was.
 */
export async function withAvailableModels(
  error: AppError,
  target: ProviderTarget,
  fetchImpl: typeof fetch,
): Promise<AppError> {
  if (error.code !== 'provider-model-missing') return error
  const listed = await listProviderModels({ ...target, modelId: '' }, fetchImpl, LIST_TIMEOUT_MS)
  if (!listed.ok) return error
  const names = listed.value.models
  const more = names.length > SHOWN ? `, and ${names.length - SHOWN} more` : ''
  const has =
    names.length === 0
      ? 'It lists no models.'
      : `It has: ${names.slice(0, SHOWN).join(', ')}${more}.`
  return { ...error, message: `${error.message} ${has}` }
}
