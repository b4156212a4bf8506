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
// Ollama's own API: `GET /api/tags` at the server's root answers `{ models: [{ name }] }`.
const OllamaTags = z.looseObject({ models: z.array(z.looseObject({ name: z.string() })) })

type Fetched = { response: Response; text: string }

/**
 * "Test connection": lists the provider's models with the saved key — with no model chosen yet, so
 * the person can pick one — and, for an OpenAI-compatible server and a chosen model, reads what it
 * says about that model (tools, context) from Ollama's `/api/show`, llama.cpp's `/props` or LM
 * Studio's `/api/v0/models`. A server without `/v1/models` (an older Ollama, or an address given
 * without `/v1`) is listed by Ollama's `/api/tags`. Unreachable, a refused key, HTTP errors, silence
 * past `timeoutMs` and unreadable answers come back as the same codes chat uses.
 */
export async function listProviderModels(
  target: ProviderTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Result<ProviderModels>> {
  const fetched = await getText(target.listModels.url, target, fetchImpl, timeoutMs)
  if (!fetched.ok) return fetched
  const { response, text } = fetched.value
  const list = response.ok ? check(ModelList, parseJson(text)) : null
  let listed: { models: string[]; suggestedBaseUrl?: string }
  if (list?.ok) {
    listed = { models: list.value.data.map((m) => m.id) }
  } else {
    const tags =
      target.kind === 'openai-compatible' && response.status !== 401 && response.status !== 403
        ? await ollamaTags(target, fetchImpl, timeoutMs)
        : null
    if (tags !== null) {
      listed = tags
    } else if (!response.ok) {
      // A provider's own error words, capped; never a foreign page's body, only what kind of failure.
      const reason = reasonOf(text)?.slice(0, 200) ?? statusCategory(response.status)
      const failure = classifyHttpFailure(
        response.status,
        reason,
        text,
        target.baseUrl,
        null,
        target.apiKey !== null,
      )
      return { ok: false, error: scrub(failure.error, target) }
    } else {
      const why = list?.ok === false ? ` (${list.error.message})` : ''
      return err(
        'provider-error',
        `The server at ${target.baseUrl} sent an unexpected model list${why}.`,
      )
    }
  }
  if (target.kind !== 'openai-compatible' || target.modelId === '') return ok(listed)
  const probe: ModelProbe = {
    ...(await probeLocalServer(target, fetchImpl, timeoutMs)),
    listed: listed.models.includes(target.modelId),
  }
  return ok({ ...listed, probe })
}

/** The models Ollama lists at the root of the base URL, or null when no Ollama answers there. */
async function ollamaTags(
  target: ProviderTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<{ models: string[]; suggestedBaseUrl?: string } | null> {
  const root = target.baseUrl.replace(/\/v1$/, '')
  const fetched = await getText(`${root}/api/tags`, target, fetchImpl, timeoutMs)
  if (!fetched.ok || !fetched.value.response.ok) return null
  const tags = check(OllamaTags, parseJson(fetched.value.text))
  if (!tags.ok) return null
  const models = tags.value.models.map((m) => m.name)
  const openAi = `${root}/v1`
  return openAi === target.baseUrl ? { models } : { models, suggestedBaseUrl: openAi }
}

async function getText(
  url: string,
  target: ProviderTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Result<Fetched>> {
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json', ...target.listModels.headers },
      signal: AbortSignal.timeout(timeoutMs),
    })
    return ok({ response, text: await response.text() })
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'TimeoutError') {
      return err('provider-timeout', timeoutMessage(target, timeoutMs))
    }
    return { ok: false, error: describeProviderError(cause, target) }
  }
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
