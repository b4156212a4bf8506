import { z } from 'zod'
import type { ModelProbe } from '../../shared/contract/host-api'
import type { ProviderTarget } from './provider-target'

type Found = Omit<ModelProbe, 'listed'>

const Positive = z.number().int().positive()

// Ollama: POST /api/show { model } — `capabilities` lists "tools" for models whose template has them;
// `parameters` holds `num_ctx` when the Modelfile sets it; `model_info` the trained context.
const OllamaShow = z.looseObject({
  capabilities: z.array(z.string()).optional(),
  parameters: z.string().optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
})
// Ollama: GET /api/ps — models in memory, with the context they were loaded with.
const OllamaPs = z.looseObject({
  models: z.array(
    z.looseObject({
      name: z.string(),
      model: z.string().optional(),
      context_length: Positive.optional(),
    }),
  ),
})
// llama.cpp server: GET /props — the slot settings, `n_ctx` among them.
const LlamaProps = z.looseObject({
  default_generation_settings: z.looseObject({ n_ctx: Positive }),
})
// LM Studio: GET /api/v0/models/<id> — `loaded_context_length` once loaded, `max_context_length`.
const LmStudioModel = z.looseObject({
  max_context_length: Positive.optional(),
  loaded_context_length: Positive.optional(),
  capabilities: z.array(z.string()).optional(),
})

/**
 * Asks the server behind an OpenAI-compatible base URL what it knows about the chosen model, trying
 * the metadata routes of Ollama, llama.cpp's server and LM Studio at once. A server that has none of
 * them (vLLM, a cloud API) yields nulls: nothing is guessed.
 */
export async function probeLocalServer(
  target: ProviderTarget,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Found> {
  const root = target.baseUrl.replace(/\/v1$/, '')
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...target.listModels.headers,
  }
  const get = async (
    path: string,
    body?: unknown,
    as: 'json' | 'text' = 'json',
  ): Promise<unknown> => {
    try {
      const response = await fetchImpl(`${root}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (!response.ok) return undefined
      return as === 'text' ? await response.text() : ((await response.json()) as unknown)
    } catch {
      return undefined
    }
  }
  const model = target.modelId
  const [home, show, ps, props, lmStudio] = await Promise.all([
    get('/', undefined, 'text'),
    get('/api/show', { model }),
    get('/api/ps'),
    get('/props'),
    get(`/api/v0/models/${encodeURIComponent(model)}`),
  ])

  const ollama = OllamaShow.safeParse(show)
  if (ollama.success && (ollama.data.capabilities || ollama.data.model_info)) {
    const numCtx = /(?:^|\n)num_ctx\s+(\d+)/.exec(ollama.data.parameters ?? '')?.[1]
    const loaded = OllamaPs.safeParse(ps)
    const running = loaded.success
      ? loaded.data.models.find((m) => m.name === model || m.model === model)?.context_length
      : undefined
    const trained = Object.entries(ollama.data.model_info ?? {}).find(([key]) =>
      key.endsWith('.context_length'),
    )?.[1]
    return {
      server: 'ollama',
      tools: ollama.data.capabilities ? ollama.data.capabilities.includes('tools') : null,
      contextWindow: numCtx !== undefined ? Number(numCtx) : (running ?? null),
      trainedContext: Positive.safeParse(trained).success ? (trained as number) : null,
    }
  }
  const llama = LlamaProps.safeParse(props)
  if (llama.success) {
    return {
      server: 'llama.cpp',
      tools: null,
      contextWindow: llama.data.default_generation_settings.n_ctx,
      trainedContext: null,
    }
  }
  const lm = LmStudioModel.safeParse(lmStudio)
  if (lm.success && (lm.data.max_context_length || lm.data.loaded_context_length)) {
    return {
      server: 'lm-studio',
      tools: lm.data.capabilities?.includes('tool_use') ? true : null,
      contextWindow: lm.data.loaded_context_length ?? null,
      trainedContext: lm.data.max_context_length ?? null,
    }
  }
  // Ollama answers its root with a plain sentence even when it does not have the model.
  const server = typeof home === 'string' && /ollama is running/i.test(home) ? 'ollama' : null
  return { server, tools: null, contextWindow: null, trainedContext: null }
}
