import { createServer } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import {
  startFakeOpenAI,
  type FakeOpenAIServer,
  type FakeTurn,
} from '../../support/fake-openai-server'
import {
  apiRequest,
  call,
  chatBody,
  memorySecrets,
  readError,
  readEvents,
  testApi,
} from './host-api-harness'

const tools = [
  {
    name: 'remember_fact',
    description: 'Saves a fact the person told you.',
    inputSchema: {
      type: 'object',
      properties: { text: { type: 'string' } },
      required: ['text'],
    },
  },
]

let fake: FakeOpenAIServer | null = null
afterEach(async () => {
  await fake?.close()
  fake = null
})

async function fakeWith(
  script: FakeTurn[],
  options?: { apiKey?: string },
): Promise<FakeOpenAIServer> {
  fake = await startFakeOpenAI(script, options)
  return fake
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('POST /api/chat with an OpenAI-compatible server', () => {
  test('streams the reply as text events, then finish with usage', async () => {
    const server = await fakeWith([{ kind: 'text', text: 'I remember: pgvector.', chunks: 3 }])
    const response = await call(testApi(), apiRequest('POST', '/api/chat', chatBody(server.url)))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/x-ndjson')
    const events = await readEvents(response)
    const texts = events.filter((e) => e.type === 'text')
    expect(texts.length).toBe(3)
    expect(texts.map((e) => e.delta).join('')).toBe('I remember: pgvector.')
    expect(events.at(-1)).toEqual({
      type: 'finish',
      reason: 'stop',
      usage: { inputTokens: 10, outputTokens: 3, totalTokens: 13 },
    })
    // The prompt reached the model as sent.
    expect(server.requests[0]?.body).toMatchObject({
      model: 'fake-model',
      stream: true,
      messages: [
        { role: 'system', content: 'You are Keepsake.' },
        { role: 'user', content: 'Hello' },
      ],
    })
  })

  test('a tool call ends the step; the tool result goes back in the next request', async () => {
    const server = await fakeWith([
      {
        kind: 'tool-calls',
        calls: [{ id: 'call_7', name: 'remember_fact', arguments: { text: 'prefers pgvector' } }],
      },
      { kind: 'text', text: 'Noted.' },
    ])
    const api = testApi()

    const first = await readEvents(
      await call(api, apiRequest('POST', '/api/chat', chatBody(server.url, { tools }))),
    )
    expect(first).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_7',
        toolName: 'remember_fact',
        input: { text: 'prefers pgvector' },
      },
      expect.objectContaining({ type: 'finish', reason: 'tool-calls' }),
    ])
    expect(server.requests[0]?.body).toMatchObject({
      tools: [
        {
          type: 'function',
          function: { name: 'remember_fact', parameters: tools[0]?.inputSchema },
        },
      ],
    })

    const second = await readEvents(
      await call(
        api,
        apiRequest(
          'POST',
          '/api/chat',
          chatBody(server.url, {
            tools,
            messages: [
              { role: 'user', content: 'I prefer pgvector over Pinecone' },
              {
                role: 'assistant',
                content: '',
                toolCalls: [
                  {
                    toolCallId: 'call_7',
                    toolName: 'remember_fact',
                    input: { text: 'prefers pgvector' },
                  },
                ],
              },
              {
                role: 'tool',
                toolCallId: 'call_7',
                toolName: 'remember_fact',
                output: { id: 'f1' },
              },
            ],
          }),
        ),
      ),
    )
    expect(second.map((e) => e.type)).toEqual(['text', 'text', 'text', 'finish'])
    expect(server.requests).toHaveLength(2)
    const sent = server.requests[1]?.body as { messages: unknown[] }
    expect(sent.messages.slice(1)).toEqual([
      { role: 'user', content: 'I prefer pgvector over Pinecone' },
      expect.objectContaining({
        role: 'assistant',
        tool_calls: [
          {
            id: 'call_7',
            type: 'function',
            function: { name: 'remember_fact', arguments: '{"text":"prefers pgvector"}' },
          },
        ],
      }),
      { role: 'tool', tool_call_id: 'call_7', content: '{"id":"f1"}' },
    ])
  })

  test('calls to unknown tools or with broken arguments still reach the runtime to answer', async () => {
    const server = await fakeWith([
      { kind: 'tool-calls', calls: [{ name: 'no_such_tool', arguments: { a: 1 } }] },
      { kind: 'tool-calls', calls: [{ name: 'remember_fact', arguments: '{"text": ' }] },
    ])
    const api = testApi()
    const send = async () =>
      readEvents(await call(api, apiRequest('POST', '/api/chat', chatBody(server.url, { tools }))))
    expect((await send())[0]).toMatchObject({
      type: 'tool-call',
      toolName: 'no_such_tool',
      input: { a: 1 },
    })
    // The raw text comes through so the runtime can tell the model its arguments did not parse.
    expect((await send())[0]).toMatchObject({
      type: 'tool-call',
      toolName: 'remember_fact',
      input: '{"text": ',
    })
  })

  test('an HTTP 500 becomes a provider-error event carrying the provider message', async () => {
    const server = await fakeWith([{ kind: 'http-error', status: 500, message: 'model exploded' }])
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(server.url))),
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'error', error: { code: 'provider-error' } })
    const [event] = events
    if (event?.type !== 'error') throw new Error('expected an error')
    expect(event.error.message).toContain('500')
    expect(event.error.message).toContain('model exploded')
    // No retries behind the runtime's back.
    expect(server.requests).toHaveLength(1)
  })

  test('a model that never answers becomes provider-timeout', async () => {
    const server = await fakeWith([{ kind: 'hang' }])
    const events = await readEvents(
      await call(
        testApi(),
        apiRequest('POST', '/api/chat', chatBody(server.url, { timeoutMs: 300 })),
      ),
    )
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'provider-timeout', message: expect.stringContaining('300 ms') },
      },
    ])
  })

  test('a stream that goes silent midway becomes provider-timeout after the text so far', async () => {
    const server = await fakeWith([{ kind: 'stall', text: 'Hello' }])
    const events = await readEvents(
      await call(
        testApi(),
        apiRequest('POST', '/api/chat', chatBody(server.url, { timeoutMs: 300 })),
      ),
    )
    expect(events).toEqual([
      { type: 'text', delta: 'H' },
      { type: 'error', error: expect.objectContaining({ code: 'provider-timeout' }) },
    ])
  })

  test('a malformed stream becomes a provider-error that says so', async () => {
    const server = await fakeWith([{ kind: 'malformed' }])
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(server.url))),
    )
    expect(events[0]).toEqual({ type: 'text', delta: 'Hel' })
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'provider-error' } })
    const last = events.at(-1)
    if (last?.type !== 'error') throw new Error('expected an error')
    expect(last.error.message).toContain('malformed stream')
    expect(events.filter((e) => e.type === 'error' || e.type === 'finish')).toHaveLength(1)
  })

  test('nothing listening becomes provider-unavailable naming the address', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(baseUrl))),
    )
    expect(events).toEqual([
      {
        type: 'error',
        error: {
          code: 'provider-unavailable',
          message: `The model server isn't reachable at ${baseUrl}: nothing is listening there (connection refused).`,
        },
      },
    ])
  })

  test('the saved key is sent to the provider as a bearer token', async () => {
    const server = await fakeWith([{ kind: 'text', text: 'ok' }], { apiKey: 'sk-local-123' })
    const secrets = memorySecrets({ 'openai-compatible.apiKey': 'sk-local-123' })
    const events = await readEvents(
      await call(testApi({ secrets }), apiRequest('POST', '/api/chat', chatBody(server.url))),
    )
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' })
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-local-123')
  })

  test('cancelling the answer aborts the call to the model', async () => {
    const server = await fakeWith([{ kind: 'stall', text: 'Hello' }])
    const response = await call(testApi(), apiRequest('POST', '/api/chat', chatBody(server.url)))
    const reader = response.body?.getReader()
    if (reader === undefined) throw new Error('no body')
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toContain('"delta":"H"')
    await reader.cancel()
    // The fake sees its connection dropped; with the default 60 s timeout only the abort can do it.
    await server.idle()
    expect(server.openResponses()).toBe(0)
  })
})

describe('POST /api/chat refusals before streaming', () => {
  test('the offline provider is refused as a JSON validation error', async () => {
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/chat', {
        provider: { kind: 'offline' },
        system: '',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    )
    expect(response.status).toBe(400)
    expect(await readError(response)).toMatchObject({ code: 'validation', path: 'provider.kind' })
  })

  test('an invalid body names the bad path', async () => {
    const response = await call(
      testApi(),
      apiRequest(
        'POST',
        '/api/chat',
        chatBody('http://127.0.0.1:1/v1', { messages: [{ role: 'robot' }] }),
      ),
    )
    expect(response.status).toBe(400)
    expect(await readError(response)).toMatchObject({
      code: 'validation',
      path: 'messages[0].role',
    })
  })

  test('a tool whose schema is not an object schema is refused', async () => {
    const bad = [{ name: 'x', description: '', inputSchema: { type: 'string' } }]
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/chat', chatBody('http://127.0.0.1:1/v1', { tools: bad })),
    )
    expect(await readError(response)).toMatchObject({ path: 'tools[0].inputSchema' })
  })

  test('a body that is not JSON, or too large, is refused', async () => {
    const api = testApi()
    const notJson = await call(
      api,
      new Request(apiRequest('POST', '/api/chat', {}), { body: '{ nope' }),
    )
    expect(notJson.status).toBe(400)
    expect(await readError(notJson)).toMatchObject({ code: 'validation' })

    const small = testApi({}, { maxChatBodyBytes: 1024 })
    const huge = chatBody('http://127.0.0.1:1/v1', {
      messages: [{ role: 'user', content: 'x'.repeat(4096) }],
    })
    const tooLarge = await call(small, apiRequest('POST', '/api/chat', huge))
    expect(tooLarge.status).toBe(413)
    expect(await readError(tooLarge)).toMatchObject({ code: 'file-too-large' })
  })

  test('Anthropic without a saved key is refused with a clear message', async () => {
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/chat', {
        provider: { kind: 'anthropic', model: 'claude-sonnet-4-5' },
        system: '',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    )
    expect(await readError(response)).toMatchObject({
      code: 'provider-error',
      message: 'No Anthropic API key is saved. Add one in Settings.',
    })
  })
})
