import { z } from 'zod'
import type { ModelProbe, ProviderModels } from '../../shared/contract/host-api'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import { describeProviderError, reasonOf, scrub, timeoutMessage } from './provider-errors'
import { classifyHttpFailure } from './provider-failure'
import type { ProviderTarget } from './provider-target'
import { probeLocalServer } from './provider-probe'

// Both OpenAI-compatible servers and Anthropic answer `GET /models` with `{ data: [{ id }] }`.
const ModelList = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) })

/**
 * "Test connection": lists the provider's models with the saved key and, for an OpenAI-compatible
 * server, reads what it says about the chosen model (tools, context) from Ollama's `/api/show`,
 * llama.cpp's `/props` or LM Studio's `/api/v0/models`. Unreachable, HTTP errors, silence past
 * `timeoutMs` and unreadable answers come back as the same codes chat uses.
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
  if (!response.ok) {
    // A provider's own error words, capped; never a foreign page's body, only what kind of failure.
    const reason = reasonOf(text)?.slice(0, 200) ?? statusCategory(response.status)
    const failure = classifyHttpFailure(response.status, reason, text, target.baseUrl, null)
    return { ok: false, error: scrub(failure.error, target) }
  }
  const list = check(ModelList, parseJson(text))
  if (!list.ok) {
    const message = `The model at ${target.baseUrl} sent an unexpected model list (${list.error.message}).`
    return err('provider-error', message)
  }
  const models = list.value.data.map((m) => m.id)
  if (target.kind !== 'openai-compatible') return ok({ models })
  const probe: ModelProbe = {
    ...(await probeLocalServer(target, fetchImpl, timeoutMs)),
    listed: models.includes(target.modelId),
  }
  return ok({ models, probe })
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
