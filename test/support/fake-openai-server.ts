import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted answer to one `POST /v1/chat/completions`. */
export type FakeTurn =
  /** Streams `text` in `chunks` pieces (default 3), `delayMs` apart (default 0). */
  | { kind: 'text'; text: string; chunks?: number; delayMs?: number }
  /** Streams tool calls (arguments as a JSON value, or a raw string to send as-is). */
  | { kind: 'tool-calls'; calls: FakeToolCall[]; text?: string }
  /** Answers `status` with an OpenAI-style JSON error. */
  | { kind: 'http-error'; status: number; message: string }
  /** Never answers at all: no status line, no headers. */
  | { kind: 'hang' }
  /** Sends headers and the first piece of `text`, then goes silent with the stream open. */
  | { kind: 'stall'; text: string }
  /** Sends one good chunk, then a chunk that is not JSON, then ends. */
  | { kind: 'malformed' }
  /** Streams the first piece of `text`, then the process "crashes": the socket is destroyed. */
  | { kind: 'crash'; text: string }
  /** Reads the request and destroys the socket without sending a byte. */
  | { kind: 'drop' }

export type FakeToolCall = { id?: string; name: string; arguments: unknown }

/** A request as the fake received it; `body` is the parsed JSON, or the raw text if it was not JSON. */
export type ReceivedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export type FakeOpenAIOptions = {
  /** What `GET /v1/models` lists (default `['fake-model']`); `'hang'` never answers it. */
  models?: string[] | 'hang'
  /** When set, every request must carry `Authorization: Bearer <apiKey>` or gets a 401. */
  apiKey?: string
}

export type FakeOpenAIServer = {
  /** The base URL to configure, e.g. `http://127.0.0.1:41234/v1`. */
  url: string
  /** Every request received, in order (chat completions and model listings). */
  requests: ReceivedRequest[]
  /** Responses begun and neither finished nor dropped (e.g. a hang the client has not given up on). */
  openResponses(): number
  /** Resolves once no response is open, e.g. after the client gave up on a hang. */
  idle(): Promise<void>
  /** Stops the server, dropping connections that are still open (such as hung ones). */
  close(): Promise<void>
}

/**
 * Starts a scripted OpenAI-compatible server on 127.0.0.1 at a random port. Chat requests take the
 * script's turns in order (or ask the function for one); a request past the end of the script gets
 * a 500 saying so.
 * @example
 * const fake = await startFakeOpenAI([{ kind: 'text', text: 'Hello there' }])
 * // settings: { kind: 'openai-compatible', baseUrl: fake.url, model: 'fake-model' }
 * await fake.close()
 */
export async function startFakeOpenAI(
  script: FakeTurn[] | ((request: ReceivedRequest) => FakeTurn),
  options: FakeOpenAIOptions = {},
): Promise<FakeOpenAIServer> {
  const requests: ReceivedRequest[] = []
  let open = 0
  let idleWaiters: (() => void)[] = []
  const settle = (): void => {
    if (open > 0) return
    for (const wake of idleWaiters) wake()
    idleWaiters = []
  }
  let chatCount = 0
  const nextTurn = (request: ReceivedRequest): FakeTurn => {
    chatCount += 1
    if (typeof script === 'function') return script(request)
    return (
      script[chatCount - 1] ?? {
        kind: 'http-error',
        status: 500,
        message: `fake-openai: no scripted turn left for chat request ${chatCount}`,
      }
    )
  }

  const server = createServer((req, res) => {
    open += 1
    res.on('close', () => {
      open -= 1
      settle()
    })
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const request: ReceivedRequest = {
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
        sendError(res, 401, 'Incorrect API key provided.')
        return
      }
      if (request.method === 'GET' && request.path === '/v1/models') {
        const models = options.models ?? ['fake-model']
        if (models === 'hang') return
        sendJson(res, 200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
        })
        return
      }
      if (request.method === 'POST' && request.path === '/v1/chat/completions') {
        void answerChat(res, request.body, nextTurn(request))
        return
      }
      sendError(res, 404, `fake-openai: no route ${request.method} ${request.path}`)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    openResponses: () => open,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        settle()
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function answerChat(res: ServerResponse, body: unknown, turn: FakeTurn): Promise<void> {
  const model = isRecord(body) && typeof body.model === 'string' ? body.model : 'fake-model'
  const wantsUsage =
    isRecord(body) && isRecord(body.stream_options) && body.stream_options.include_usage === true
  const streaming = isRecord(body) && body.stream === true
  if (turn.kind === 'hang') return
  if (turn.kind === 'drop') {
    res.socket?.destroy()
    return
  }
  if (turn.kind === 'http-error') {
    sendError(res, turn.status, turn.message)
    return
  }
  if (!streaming) {
    sendError(res, 400, 'fake-openai: only stream: true is scripted')
    return
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const chunk = (delta: object, finish: string | null = null): void => {
    const choice = { index: 0, delta, finish_reason: finish }
    res.write(`data: ${JSON.stringify(envelope(model, { choices: [choice] }))}\n\n`)
  }
  let outputTokens = 0

  switch (turn.kind) {
    case 'stall':
      chunk({ role: 'assistant', content: turn.text.slice(0, 1) })
      return
    case 'crash':
      chunk({ role: 'assistant', content: turn.text })
      // Let the piece reach the client before the connection dies, as a crash mid-answer does.
      await sleep(200)
      res.socket?.destroy()
      return
    case 'malformed':
      chunk({ role: 'assistant', content: 'Hel' })
      res.end('data: {"id": "broken", "choices": [ {"delta": \n\n')
      return
    case 'text': {
      const pieces = split(turn.text, turn.chunks ?? 3)
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && turn.delayMs) await sleep(turn.delayMs)
        chunk(i === 0 ? { role: 'assistant', content: piece } : { content: piece })
        outputTokens += 1
      }
      chunk({}, 'stop')
      break
    }
    case 'tool-calls': {
      chunk({ role: 'assistant', content: turn.text ?? '' })
      for (const [index, call] of turn.calls.entries()) {
        const args =
          typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)
        const id = call.id ?? `call_${index + 1}`
        const half = Math.ceil(args.length / 2)
        chunk({
          tool_calls: [
            {
              index,
              id,
              type: 'function',
              function: { name: call.name, arguments: args.slice(0, half) },
            },
          ],
        })
        chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] })
        outputTokens += 2
      }
      chunk({}, 'tool_calls')
      break
    }
  }
  if (wantsUsage) {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: outputTokens,
      total_tokens: 10 + outputTokens,
    }
    res.write(`data: ${JSON.stringify(envelope(model, { choices: [], usage }))}\n\n`)
  }
  res.end('data: [DONE]\n\n')
}

function envelope(model: string, rest: object): object {
  return { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, ...rest }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: { message, type: 'fake_error', code: null } })
}

function split(text: string, count: number): string[] {
  const n = Math.max(1, Math.min(count, text.length))
  const size = Math.ceil(text.length / n)
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out.length === 0 ? [''] : out
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
