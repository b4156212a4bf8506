import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A test server that answers the way the local model servers people run actually answer over their
 * OpenAI-compatible API, written from their documentation and public bug reports:
 *
 * - **Ollama** (`:11434`): a streamed tool call arrives whole in one chunk; a model whose template has
 *   no tools answers HTTP 400 `… does not support tools`; a prompt longer than `num_ctx` is silently
 *   cut (no error); `POST /api/show` reports `capabilities`, `parameters` (`num_ctx`) and
 *   `model_info` (`<arch>.context_length`); reasoning arrives as `delta.reasoning`.
 * - **llama.cpp server** (`:8080`): tool-call arguments are streamed in many small pieces after a
 *   first chunk with the name and an empty string; an over-long prompt answers HTTP 400
 *   `exceed_context_size_error` with `n_prompt_tokens` and `n_ctx`; tools without `--jinja` answer
 *   HTTP 400; `GET /props` reports `default_generation_settings.n_ctx`; reasoning arrives as
 *   `delta.reasoning_content`.
 * - **LM Studio** (`:1234`): errors are `{ "error": "<text>" }`; an over-long prompt answers
 *   "Trying to keep the first N tokens when context the overflows…"; `GET /api/v0/models/<id>`
 *   reports `max_context_length`, `loaded_context_length` and `capabilities`.
 *
 * Each server counts a prompt's tokens as one per three characters of its messages and tools, more
 * than Keepsake's own BPE count — as real local tokenizers often do.
 */
export type LocalServerKind = 'ollama' | 'llama.cpp' | 'lm-studio'

/** A model the server has. */
export type LocalModel = {
  id: string
  /** The context the server runs the model with (Ollama's `num_ctx`, llama.cpp's `-c`). */
  context: number
  /** The context the model was trained for. */
  trainedContext?: number
  /** Whether its chat template accepts tools; false answers every request with tools with an error. */
  tools: boolean
}

/** What the model "says" in answer to one chat request. */
export type LocalTurn =
  /** Text streamed in `chunks` pieces; `reasoning` is streamed first in the server's own field. */
  | { kind: 'text'; text: string; chunks?: number; reasoning?: string }
  /** Tool calls as the server streams them; `text` comes before them. */
  | { kind: 'tool-calls'; calls: { name: string; arguments: unknown }[]; text?: string }
  /** An HTTP error in the server's own body shape. */
  | { kind: 'http-error'; status: number; message: string }
  /** Begins streaming `text`, then sends an error chunk in the server's own shape and ends. */
  | { kind: 'stream-error'; text: string; message: string }

export type LocalRequest = {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

export type LocalServerOptions = {
  models: LocalModel[]
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string
}

export type LocalModelServer = {
  kind: LocalServerKind
  /** The OpenAI-compatible base URL, e.g. `http://127.0.0.1:41234/v1`. */
  url: string
  /** Every request received, in order. */
  requests: LocalRequest[]
  /** The chat requests only. */
  chats(): LocalRequest[]
  /** The tokens the server counted for each chat request, in order (as its errors report them). */
  promptTokens: number[]
  close(): Promise<void>
}

/**
 * Starts a server of `kind` on 127.0.0.1 at a random port. Chat requests take `script`'s turns in
 * order (or ask the function); requests the server itself refuses (tools on a model without them,
 * a prompt over its context, an unknown model) do not use up a turn.
 * @example
 * const server = await startLocalModelServer('ollama', [{ kind: 'text', text: 'Hi' }], {
 *   models: [{ id: 'llama3.2', context: 4096, tools: true }],
 * })
 */
export async function startLocalModelServer(
  kind: LocalServerKind,
  script: LocalTurn[] | ((request: LocalRequest, index: number) => LocalTurn),
  options: LocalServerOptions,
): Promise<LocalModelServer> {
  const requests: LocalRequest[] = []
  const promptTokens: number[] = []
  let turns = 0
  const nextTurn = (request: LocalRequest): LocalTurn => {
    turns += 1
    if (typeof script === 'function') return script(request, turns - 1)
    return (
      script[turns - 1] ?? {
        kind: 'http-error',
        status: 500,
        message: `local-model-server: no scripted turn left for chat request ${turns}`,
      }
    )
  }
  const dialect = DIALECTS[kind]

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const request: LocalRequest = {
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
        headers: req.headers,
        body: text === '' ? undefined : parseJson(text),
      }
      requests.push(request)
      if (
        options.apiKey !== undefined &&
        req.headers.authorization !== `Bearer ${options.apiKey}`
      ) {
        dialect.error(res, 401, 'Invalid API key')
        return
      }
      const { method, path } = request
      if (method === 'GET' && path === '/v1/models') {
        sendJson(res, 200, {
          object: 'list',
          data: options.models.map((m) => dialect.listed(m)),
        })
        return
      }
      if (method === 'POST' && path === '/v1/chat/completions') {
        const body = isRecord(request.body) ? request.body : {}
        const model = options.models.find((m) => m.id === body.model)
        if (model === undefined) {
          dialect.error(res, 404, dialect.noModel(String(body.model)))
          return
        }
        const hasTools = Array.isArray(body.tools) && body.tools.length > 0
        if (hasTools && !model.tools) {
          dialect.error(res, dialect.noToolsStatus, dialect.noTools(model.id))
          return
        }
        const counted = countPromptTokens(body)
        promptTokens.push(counted)
        if (counted > model.context && dialect.overflow !== null) {
          dialect.overflow(res, counted, model.context)
          return
        }
        void answerChat(res, kind, model.id, body, nextTurn(request))
        return
      }
      const extra = dialect.route(method, path, request.body, options.models)
      if (extra !== null) {
        sendJson(res, extra.status, extra.body)
        return
      }
      dialect.error(res, 404, `File Not Found`)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    kind,
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chats: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    promptTokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

type Dialect = {
  listed(model: LocalModel): object
  error(res: ServerResponse, status: number, message: string): void
  noModel(id: string): string
  noTools(id: string): string
  noToolsStatus: number
  /** Answers a prompt over the context, or null where the server cuts it silently. */
  overflow: ((res: ServerResponse, promptTokens: number, context: number) => void) | null
  /** The field a reasoning delta travels in. */
  reasoningField: string
  /** Whether a tool call's arguments arrive whole in one chunk. */
  wholeToolCalls: boolean
  route(
    method: string,
    path: string,
    body: unknown,
    models: LocalModel[],
  ): { status: number; body: unknown } | null
}

const openAiError = (res: ServerResponse, status: number, message: string, type: string): void =>
  sendJson(res, status, { error: { message, type, param: null, code: null } })

const DIALECTS: Record<LocalServerKind, Dialect> = {
  ollama: {
    listed: (m) => ({ id: m.id, object: 'model', created: 1733000000, owned_by: 'library' }),
    error: (res, status, message) => openAiError(res, status, message, 'api_error'),
    noModel: (id) => `model "${id}" not found, try pulling it first`,
    noTools: (id) => `registry.ollama.ai/library/${id} does not support tools`,
    noToolsStatus: 400,
    overflow: null,
    reasoningField: 'reasoning',
    wholeToolCalls: true,
    route: (method, path, body, models) => {
      if (method === 'GET' && path === '/') return { status: 200, body: 'Ollama is running' }
      if (method === 'POST' && path === '/api/show') {
        const name = isRecord(body) ? (body.model ?? body.name) : undefined
        const model = models.find((m) => m.id === name)
        if (model === undefined)
          return { status: 404, body: { error: `model '${String(name)}' not found` } }
        return {
          status: 200,
          body: {
            modelfile: `FROM ${model.id}`,
            parameters: `num_ctx                        ${model.context}\nstop                           "<|eot_id|>"`,
            template: '{{ .Prompt }}',
            details: {
              format: 'gguf',
              family: 'llama',
              parameter_size: '3.2B',
              quantization_level: 'Q4_K_M',
            },
            model_info: {
              'general.architecture': 'llama',
              'llama.context_length': model.trainedContext ?? model.context,
            },
            capabilities: model.tools ? ['completion', 'tools'] : ['completion'],
            modified_at: '2026-11-02T10:00:00Z',
          },
        }
      }
      return null
    },
  },
  'llama.cpp': {
    listed: (m) => ({
      id: m.id,
      object: 'model',
      created: 1733000000,
      owned_by: 'llamacpp',
      meta: { n_ctx_train: m.trainedContext ?? m.context, n_params: 3_212_749_888 },
    }),
    error: (res, status, message) =>
      sendJson(res, status, {
        error: {
          code: status,
          message,
          type: status === 404 ? 'not_found_error' : 'invalid_request_error',
        },
      }),
    noModel: (id) => `model '${id}' not found`,
    noTools: () => 'tools param requires --jinja flag',
    noToolsStatus: 400,
    overflow: (res, promptTokens, context) =>
      sendJson(res, 400, {
        error: {
          code: 400,
          message: `request (${promptTokens} tokens) exceeds the available context size (${context} tokens), try increasing it`,
          type: 'exceed_context_size_error',
          n_prompt_tokens: promptTokens,
          n_ctx: context,
        },
      }),
    reasoningField: 'reasoning_content',
    wholeToolCalls: false,
    route: (method, path, _body, models) => {
      const model = models[0]
      if (method === 'GET' && path === '/props' && model !== undefined) {
        return {
          status: 200,
          body: {
            default_generation_settings: { n_ctx: model.context, params: { n_predict: -1 } },
            total_slots: 1,
            model_path: `/models/${model.id}`,
            chat_template: '{{ messages }}',
            build_info: 'b6100-abcdef0',
          },
        }
      }
      if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'ok' } }
      return null
    },
  },
  'lm-studio': {
    listed: (m) => ({ id: m.id, object: 'model', owned_by: 'organization_owner' }),
    error: (res, status, message) => sendJson(res, status, { error: message }),
    noModel: (id) => `Invalid model identifier "${id}". Please specify a valid downloaded model.`,
    noTools: (id) => `Model ${id} does not support tool use.`,
    noToolsStatus: 400,
    overflow: (res, promptTokens, context) =>
      sendJson(res, 400, {
        error: `Trying to keep the first ${promptTokens} tokens when context the overflows. However, the model is loaded with context length of only ${context} tokens, which is not enough. Try to load the model with a larger context length, or provide a shorter input`,
      }),
    reasoningField: 'reasoning',
    wholeToolCalls: false,
    route: (method, path, _body, models) => {
      const prefix = '/api/v0/models/'
      if (method === 'GET' && path.startsWith(prefix)) {
        const id = decodeURIComponent(path.slice(prefix.length))
        const model = models.find((m) => m.id === id)
        if (model === undefined) return { status: 404, body: { error: `Model "${id}" not found` } }
        return {
          status: 200,
          body: {
            id: model.id,
            object: 'model',
            type: 'llm',
            publisher: 'lmstudio-community',
            arch: 'qwen2',
            compatibility_type: 'gguf',
            quantization: 'Q4_K_M',
            state: 'loaded',
            max_context_length: model.trainedContext ?? model.context,
            loaded_context_length: model.context,
            capabilities: model.tools ? ['tool_use'] : [],
          },
        }
      }
      return null
    },
  },
}

/** One token per three characters of what the model would read: messages and tool definitions. */
function countPromptTokens(body: Record<string, unknown>): number {
  const messages = JSON.stringify(body.messages ?? [])
  const tools = JSON.stringify(body.tools ?? [])
  return Math.ceil((messages.length + (tools === '[]' ? 0 : tools.length)) / 3)
}

async function answerChat(
  res: ServerResponse,
  kind: LocalServerKind,
  model: string,
  body: Record<string, unknown>,
  turn: LocalTurn,
): Promise<void> {
  const dialect = DIALECTS[kind]
  if (turn.kind === 'http-error') {
    dialect.error(res, turn.status, turn.message)
    return
  }
  const id = `chatcmpl-${kind.replace(/\W/g, '')}-${Math.floor(Math.random() * 1e6)}`
  const created = Math.floor(Date.now() / 1000)
  if (body.stream !== true) {
    if (turn.kind === 'stream-error') {
      dialect.error(res, 500, turn.message)
      return
    }
    sendJson(res, 200, completion(id, created, model, turn, dialect))
    return
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const chunk = (delta: object, finish: string | null = null): void => {
    const payload = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      ...(kind === 'ollama' ? { system_fingerprint: 'fp_ollama' } : {}),
      choices: [{ index: 0, delta, finish_reason: finish }],
    }
    res.write(`data: ${JSON.stringify(payload)}\n\n`)
  }
  let outputTokens = 0
  if (turn.kind === 'stream-error') {
    chunk({ role: 'assistant', content: turn.text })
    const error =
      kind === 'lm-studio' ? turn.message : { message: turn.message, type: 'server_error' }
    res.end(`data: ${JSON.stringify({ error })}\n\n`)
    return
  }
  if (turn.kind === 'text') {
    if (turn.reasoning !== undefined) {
      for (const piece of split(turn.reasoning, 2))
        chunk({ role: 'assistant', content: '', [dialect.reasoningField]: piece })
    }
    for (const [i, piece] of split(turn.text, turn.chunks ?? 3).entries()) {
      chunk(i === 0 ? { role: 'assistant', content: piece } : { content: piece })
      outputTokens += 1
    }
    chunk({}, 'stop')
  } else {
    if (turn.text !== undefined && turn.text !== '')
      chunk({ role: 'assistant', content: turn.text })
    for (const [index, call] of turn.calls.entries()) {
      const args =
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
      const callId = kind === 'ollama' ? `call_${randomId()}` : randomId()
      if (dialect.wholeToolCalls) {
        chunk({
          role: 'assistant',
          content: '',
          tool_calls: [
            { id: callId, index, type: 'function', function: { name: call.name, arguments: args } },
          ],
        })
      } else {
        chunk({
          tool_calls: [
            { index, id: callId, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        })
        for (const piece of split(args, Math.max(1, Math.ceil(args.length / 6)))) {
          chunk({ tool_calls: [{ index, function: { arguments: piece } }] })
        }
      }
      outputTokens += 5
    }
    chunk({}, 'tool_calls')
  }
  const streamOptions = body.stream_options
  if (isRecord(streamOptions) && streamOptions.include_usage === true) {
    const promptTokens = countPromptTokens(body)
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: outputTokens,
      total_tokens: promptTokens + outputTokens,
    }
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
    )
  }
  res.end('data: [DONE]\n\n')
}

function completion(
  id: string,
  created: number,
  model: string,
  turn: Exclude<LocalTurn, { kind: 'http-error' | 'stream-error' }>,
  dialect: Dialect,
): object {
  const message =
    turn.kind === 'text'
      ? {
          role: 'assistant',
          content: turn.text,
          ...(turn.reasoning === undefined ? {} : { [dialect.reasoningField]: turn.reasoning }),
        }
      : {
          role: 'assistant',
          content: turn.text ?? '',
          tool_calls: turn.calls.map((call, index) => ({
            id: randomId(),
            index,
            type: 'function',
            function: {
              name: call.name,
              arguments:
                typeof call.arguments === 'string'
                  ? call.arguments
                  : JSON.stringify(call.arguments),
            },
          })),
        }
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message, finish_reason: turn.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (typeof value === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(value)
    return
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(value))
}

function split(text: string, count: number): string[] {
  const n = Math.max(1, Math.min(count, text.length))
  const size = Math.ceil(text.length / n)
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out.length === 0 ? [''] : out
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
