import { z } from 'zod'
import type { ProviderModels } from '../../shared/contract/host-api'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import { describeProviderError, scrub, timeoutMessage } from './provider-errors'
import type { ProviderTarget } from './provider-target'

// Both OpenAI-compatible servers and Anthropic answer `GET /models` with `{ data: [{ id }] }`.
const ModelList = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) })
const ErrorBody = z.looseObject({
  error: z.union([z.string(), z.looseObject({ message: z.string() })]),
})

/**
 * "Test connection": lists the provider's models with the saved key. Unreachable, HTTP errors,
 * silence past `timeoutMs` and unreadable answers come back as the same codes chat uses.
 */
export async function listProviderModels(
  target: ProviderTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Result<ProviderModels>> {
  const { url, headers } = target.listModels
  let response: Response
  let text: string
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    })
    text = await response.text()
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'TimeoutError') {
      return err('provider-timeout', timeoutMessage(target, timeoutMs))
    }
    return { ok: false, error: describeProviderError(cause, target) }
  }
  const json = parseJson(text)
  if (!response.ok) {
    const body = ErrorBody.safeParse(json)
    const reason = body.success
      ? typeof body.data.error === 'string'
        ? body.data.error.slice(0, 200)
        : body.data.error.message.slice(0, 200)
      : // Not a provider's error object: say what kind of failure, never echo a foreign page.
        statusCategory(response.status)
    const message = `The model at ${target.baseUrl} answered HTTP ${response.status}: ${reason}`
    return { ok: false, error: scrub({ code: 'provider-error', message }, target) }
  }
  const list = check(ModelList, json)
  if (!list.ok) {
    const message = `The model at ${target.baseUrl} sent an unexpected model list (${list.error.message}).`
    return err('provider-error', message)
  }
  return ok({ models: list.value.data.map((m) => m.id) })
}

function statusCategory(status: number): string {
  if (status === 401 || status === 403) return 'the API key was refused'
  if (status === 404) return 'no model list there (check the base URL)'
  if (status === 429) return 'too many requests'
  if (status >= 500) return 'the server failed'
  return 'the request was refused'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
