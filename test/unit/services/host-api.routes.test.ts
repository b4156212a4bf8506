import { afterEach, describe, expect, test } from 'vitest'
import { err, ok } from '../../../shared/errors'
import type { RelayControl } from '../../../electron/services/relay-control'
import type { SecretStore } from '../../../electron/services/secret-store'
import { startFakeOpenAI, type FakeOpenAIServer } from '../../support/fake-openai-server'
import {
  TEST_ORIGIN,
  apiRequest,
  call,
  chatBody,
  memorySecrets,
  readError,
  readEvents,
  testApi,
} from './host-api-harness'

let fake: FakeOpenAIServer | null = null
afterEach(async () => {
  await fake?.close()
  fake = null
})

const json = async (response: Response): Promise<unknown> => response.json()

describe('routing', () => {
  test('paths outside /api/ are left to the host', async () => {
    const api = testApi()
    expect(await api(new Request(`${TEST_ORIGIN}/index.html`))).toBeNull()
    expect(await api(new Request(`${TEST_ORIGIN}/apix`))).toBeNull()
  })

  test('GET /api/health answers ok with the time', async () => {
    const now = () => new Date('2025-01-02T03:04:05.000Z')
    const response = await call(testApi({ now }), apiRequest('GET', '/api/health'))
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ ok: true, value: { time: '2025-01-02T03:04:05.000Z' } })
  })

  test('unknown routes are 404 and wrong methods 405, as JSON errors', async () => {
    const api = testApi()
    const missing = await call(api, apiRequest('GET', '/api/nope'))
    expect(missing.status).toBe(404)
    expect(await readError(missing)).toMatchObject({ code: 'not-found' })
    const wrong = await call(api, apiRequest('GET', '/api/chat'))
    expect(wrong.status).toBe(405)
    expect(await readError(wrong)).toMatchObject({ code: 'validation' })
  })

  test('a throwing dependency is a 500 with a plain message, never a stack', async () => {
    const broken: SecretStore = {
      get: () => Promise.reject(new Error('kaboom at /secret/path.ts:12')),
      set: async () => ok(undefined),
      delete: async () => ok(undefined),
    }
    const originalError = console.error
    console.error = () => undefined
    try {
      const response = await call(
        testApi({ secrets: broken }),
        apiRequest('GET', '/api/secrets/anthropic.apiKey'),
      )
      expect(response.status).toBe(500)
      const text = await response.text()
      expect(text).not.toContain('kaboom')
      expect(text).not.toContain('.ts:')
      expect(JSON.parse(text)).toEqual({
        ok: false,
        error: { code: 'internal', message: 'The host failed unexpectedly.' },
      })
    } finally {
      console.error = originalError
    }
  })
})

describe('the request guard on every route', () => {
  test('a foreign Origin, a missing X-Keepsake or a rebinding Host gets 403', async () => {
    const api = testApi()
    const foreign = await call(
      api,
      apiRequest(
        'PUT',
        '/api/secrets/anthropic.apiKey',
        { value: 'x' },
        { origin: 'https://evil.example' },
      ),
    )
    expect(foreign.status).toBe(403)
    const bare = new Request(`${TEST_ORIGIN}/api/relay/stop`, {
      method: 'POST',
      headers: { host: '127.0.0.1:4870' },
    })
    expect((await call(api, bare)).status).toBe(403)
    const rebound = await call(
      api,
      apiRequest('GET', '/api/secrets/anthropic.apiKey', undefined, { host: 'evil.example:4870' }),
    )
    expect(rebound.status).toBe(403)
    expect(await readError(rebound)).toMatchObject({ code: 'validation' })
  })
})

describe('secrets', () => {
  test('PUT, GET and DELETE report presence and never the value', async () => {
    const secrets = memorySecrets()
    const api = testApi({ secrets })
    const bodies: string[] = []
    const send = async (request: Request) => {
      const response = await call(api, request)
      const text = await response.text()
      bodies.push(text)
      return { status: response.status, body: JSON.parse(text) as unknown }
    }
    const path = '/api/secrets/anthropic.apiKey'
    expect(await send(apiRequest('GET', path))).toEqual({
      status: 200,
      body: { ok: true, value: { present: false } },
    })
    expect(await send(apiRequest('PUT', path, { value: 'sk-ant-SECRET-1' }))).toEqual({
      status: 200,
      body: { ok: true, value: null },
    })
    expect(secrets.values.get('anthropic.apiKey')).toBe('sk-ant-SECRET-1')
    expect((await send(apiRequest('GET', path))).body).toEqual({
      ok: true,
      value: { present: true },
    })
    expect((await send(apiRequest('DELETE', path))).body).toEqual({ ok: true, value: null })
    expect((await send(apiRequest('GET', path))).body).toEqual({
      ok: true,
      value: { present: false },
    })
    for (const body of bodies) expect(body).not.toContain('SECRET')
  })

  test('only the known secret names exist', async () => {
    const api = testApi()
    const response = await call(api, apiRequest('PUT', '/api/secrets/github.token', { value: 'x' }))
    expect(response.status).toBe(400)
    expect(await readError(response)).toMatchObject({ code: 'validation', path: 'name' })
    const empty = await call(api, apiRequest('PUT', '/api/secrets/anthropic.apiKey', { value: '' }))
    expect(await readError(empty)).toMatchObject({ code: 'validation', path: 'value' })
  })

  test('a failing store surfaces its error', async () => {
    const failing: SecretStore = {
      get: async () => err('secret-storage-unavailable', 'The keychain is locked.'),
      set: async () => err('secret-storage-unavailable', 'The keychain is locked.'),
      delete: async () => err('secret-storage-unavailable', 'The keychain is locked.'),
    }
    const response = await call(
      testApi({ secrets: failing }),
      apiRequest('PUT', '/api/secrets/anthropic.apiKey', { value: 'x' }),
    )
    expect(response.status).toBe(503)
    expect(await readError(response)).toEqual({
      code: 'secret-storage-unavailable',
      message: 'The keychain is locked.',
    })
  })

  test('no answer ever contains a saved key, even when the provider echoes it', async () => {
    const key = 'sk-local-VERY-SECRET-42'
    fake = await startFakeOpenAI(
      [
        { kind: 'text', text: 'fine' },
        { kind: 'http-error', status: 400, message: `Invalid key ${key} for this model` },
      ],
      { apiKey: key },
    )
    const secrets = memorySecrets({ 'openai-compatible.apiKey': key })
    const api = testApi({ secrets })
    const bodies: string[] = []
    const collect = async (request: Request) => {
      bodies.push(await (await call(api, request)).text())
    }
    await collect(apiRequest('GET', '/api/secrets/openai-compatible.apiKey'))
    await collect(apiRequest('POST', '/api/chat', chatBody(fake.url)))
    await collect(apiRequest('POST', '/api/chat', chatBody(fake.url)))
    await collect(
      apiRequest('POST', '/api/provider/test', {
        provider: { kind: 'openai-compatible', baseUrl: fake.url, model: 'fake-model' },
      }),
    )
    expect(bodies[2]).toContain('[redacted]')
    for (const body of bodies) expect(body).not.toContain(key)
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true)
  })
})

describe('POST /api/provider/test', () => {
  const provider = (baseUrl: string) => ({
    kind: 'openai-compatible',
    baseUrl,
    model: 'fake-model',
  })

  test('lists the models of an OpenAI-compatible server', async () => {
    fake = await startFakeOpenAI([], { models: ['llama3.2', 'qwen2.5'] })
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/provider/test', { provider: provider(fake.url) }),
    )
    // A server with none of the local servers' metadata routes reports nothing it was not told.
    expect(await json(response)).toEqual({
      ok: true,
      value: {
        models: ['llama3.2', 'qwen2.5'],
        probe: {
          server: null,
          listed: false,
          tools: null,
          contextWindow: null,
          trainedContext: null,
        },
      },
    })
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' })
  })

  test('a rejected key is a provider-auth error with the server message', async () => {
    fake = await startFakeOpenAI([], { apiKey: 'right' })
    const secrets = memorySecrets({ 'openai-compatible.apiKey': 'wrong' })
    const response = await call(
      testApi({ secrets }),
      apiRequest('POST', '/api/provider/test', { provider: provider(fake.url) }),
    )
    expect(response.status).toBe(502)
    const error = await readError(response)
    expect(error.code).toBe('provider-auth')
    expect(error.message).toContain('401')
    expect(error.message).toContain('refused the API key (HTTP 401: Incorrect API key provided)')
  })

  test('only http(s) base URLs: the stored key is never sent to data:, file: or other schemes', async () => {
    let called = 0
    const api = testApi({
      secrets: memorySecrets({ 'openai-compatible.apiKey': 'sk-stored' }),
      fetch: () => {
        called += 1
        return Promise.resolve(new Response('{}'))
      },
    })
    for (const baseUrl of ['data:text/plain,hi', 'file:///etc/passwd', 'ftp://10.0.0.1/']) {
      const response = await call(
        api,
        apiRequest('POST', '/api/provider/test', { provider: provider(baseUrl) }),
      )
      expect(response.status, baseUrl).toBe(400)
      expect((await readError(response)).message).toContain('http:// or https://')
    }
    expect(called).toBe(0)
  })

  test('a page that is not a provider error comes back as a category, not its body', async () => {
    const page = '<html>internal admin console: password=hunter2</html>'
    const response = await call(
      testApi({ fetch: () => Promise.resolve(new Response(page, { status: 404 })) }),
      apiRequest('POST', '/api/provider/test', { provider: provider('http://10.0.0.5/v1') }),
    )
    const error = await readError(response)
    expect(error.code).toBe('provider-error')
    expect(error.message).toBe(
      'The model at http://10.0.0.5/v1 answered HTTP 404: no model list there (check the base URL)',
    )
  })

  test('an unreachable Ollama is named as such', async () => {
    // Ollama's port may be taken on a developer's machine, so the refusal is simulated the way
    // undici reports it.
    const response = await call(
      testApi({
        fetch: () => Promise.reject(new TypeError('fetch failed', { cause: refused() })),
      }),
      apiRequest('POST', '/api/provider/test', { provider: provider('http://127.0.0.1:11434/v1') }),
    )
    expect(await readError(response)).toEqual({
      code: 'provider-unavailable',
      message:
        "The model server isn't reachable at http://127.0.0.1:11434/v1: nothing is listening there (connection refused). Is Ollama running, on that port?",
    })
  })

  test('a server that never answers is provider-timeout', async () => {
    fake = await startFakeOpenAI([], { models: 'hang' })
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/provider/test', { provider: provider(fake.url), timeoutMs: 200 }),
    )
    expect(response.status).toBe(504)
    expect(await readError(response)).toMatchObject({ code: 'provider-timeout' })
  })
})

describe('relay routes', () => {
  test('answer 501 when this host cannot run a relay', async () => {
    const response = await call(testApi(), apiRequest('GET', '/api/relay/status'))
    expect(response.status).toBe(501)
    expect(await readError(response)).toMatchObject({ code: 'not-found' })
  })

  test('route to the relay control', async () => {
    const calls: unknown[] = []
    let url: string | null = null
    const relay: RelayControl = {
      start: async (opts) => {
        calls.push(opts)
        url = 'ws://192.168.1.20:4871'
        return ok({ url })
      },
      stop: async () => {
        url = null
        return ok(undefined)
      },
      status: () => ({ running: url !== null, url }),
    }
    const api = testApi({ relay })
    const started = await call(
      api,
      apiRequest('POST', '/api/relay/start', { lan: true, port: 4871 }),
    )
    expect(await json(started)).toEqual({ ok: true, value: { url: 'ws://192.168.1.20:4871' } })
    expect(calls).toEqual([{ lan: true, port: 4871 }])
    expect(await json(await call(api, apiRequest('GET', '/api/relay/status')))).toEqual({
      ok: true,
      value: { running: true, url: 'ws://192.168.1.20:4871' },
    })
    expect(await json(await call(api, apiRequest('POST', '/api/relay/stop')))).toEqual({
      ok: true,
      value: null,
    })
    const bad = await call(api, apiRequest('POST', '/api/relay/start', { lan: 'yes' }))
    expect(await readError(bad)).toMatchObject({ code: 'validation', path: 'lan' })
  })
})

describe('POST /api/chat with Anthropic', () => {
  test('sends the saved key as x-api-key and streams the reply', async () => {
    const seen: { url: string; headers: Headers; body: unknown }[] = []
    const anthropicFetch: typeof fetch = async (input, init) => {
      seen.push({
        url: String(input),
        headers: new Headers(init?.headers),
        body: JSON.parse(String(init?.body)),
      })
      return new Response(anthropicStream(['Hi ', 'there']), {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
      })
    }
    const secrets = memorySecrets({ 'anthropic.apiKey': 'sk-ant-KEY' })
    const response = await call(
      testApi({ secrets, fetch: anthropicFetch }),
      apiRequest('POST', '/api/chat', {
        provider: { kind: 'anthropic', model: 'claude-sonnet-4-5' },
        system: 'Be brief.',
        messages: [{ role: 'user', content: 'Hello' }],
      }),
    )
    const text = await response.clone().text()
    expect(text).not.toContain('sk-ant-KEY')
    const events = await readEvents(response)
    expect(events.filter((e) => e.type === 'text').map((e) => e.delta)).toEqual(['Hi ', 'there'])
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' })
    expect(seen[0]?.url).toBe('https://api.anthropic.com/v1/messages')
    expect(seen[0]?.headers.get('x-api-key')).toBe('sk-ant-KEY')
    expect(seen[0]?.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true })
  })
})

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' })
}

/** A minimal Anthropic Messages event stream with one text block. */
function anthropicStream(pieces: string[]): string {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
  return [
    event('message_start', {
      message: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 12, output_tokens: 1 },
      },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ...pieces.map((text) =>
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ),
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 5 },
    }),
    event('message_stop', {}),
  ].join('')
}
