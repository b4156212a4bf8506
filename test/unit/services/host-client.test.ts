import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createHostApi, type HostApi } from '../../../electron/services/host-api'
import { sendWebResponse, toWebRequest } from '../../../electron/services/node-adapter'
import { newCapability } from '../../../electron/services/capability'
import { loopbackPolicy } from '../../../electron/services/request-guard'
import type { ChatStreamEvent } from '../../../shared/contract/host-api'
import { createHostClient, type HostClient } from '../../../renderer/runtime/services/host-client'
import {
  startFakeOpenAI,
  type FakeOpenAIServer,
  type FakeTurn,
} from '../../support/fake-openai-server'
import { memoryRelays, memorySecrets } from './host-api-harness'

/** The host API behind a real loopback server, the way the browser host mounts it. */
async function serveHostApi(): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  let api: HostApi | null = null
  const server = createServer((req, res) => {
    void (async () => {
      const response = api === null ? null : await api(toWebRequest(req))
      await sendWebResponse(res, response ?? new Response('not the API', { status: 404 }))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  // The client under test runs in Node, which keeps no cookies; the capability has its own tests.
  api = createHostApi(
    { secrets: memorySecrets(), relay: null, relays: memoryRelays() },
    { ...loopbackPolicy(port, newCapability(port)), capability: null },
  )
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const out: ChatStreamEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

let host: Awaited<ReturnType<typeof serveHostApi>>
let client: HostClient
let fake: FakeOpenAIServer | null = null

beforeEach(async () => {
  host = await serveHostApi()
  client = createHostClient(`http://127.0.0.1:${host.port}`)
})
afterEach(async () => {
  await fake?.close()
  fake = null
  await host.close()
})

const provider = (baseUrl: string) =>
  ({ kind: 'openai-compatible', baseUrl, model: 'fake-model' }) as const

async function fakeWith(script: FakeTurn[]): Promise<FakeOpenAIServer> {
  fake = await startFakeOpenAI(script)
  return fake
}

describe('streamChat over the loopback host', () => {
  test('streams text and ends with finish', async () => {
    const server = await fakeWith([{ kind: 'text', text: 'Your timezone is America/New_York.' }])
    const events = await collect(
      client.streamChat({
        provider: provider(server.url),
        system: 'You are Keepsake.',
        messages: [{ role: 'user', content: 'What is my timezone?' }],
      }),
    )
    const text = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('')
    expect(text).toBe('Your timezone is America/New_York.')
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' })
  })

  test('runs a tool round trip the way the runtime does', async () => {
    const server = await fakeWith([
      { kind: 'tool-calls', calls: [{ name: 'search_memory', arguments: { query: 'timezone' } }] },
      { kind: 'text', text: 'America/New_York.' },
    ])
    const tools = [
      {
        name: 'search_memory',
        description: 'Searches memory.',
        inputSchema: { type: 'object', properties: { query: { type: 'string' } } },
      },
    ]
    const base = { provider: provider(server.url), system: '', tools }
    const first = await collect(
      client.streamChat({ ...base, messages: [{ role: 'user', content: 'My timezone?' }] }),
    )
    const call = first.find((e) => e.type === 'tool-call')
    if (call?.type !== 'tool-call') throw new Error('expected a tool call')
    expect(call).toMatchObject({ toolName: 'search_memory', input: { query: 'timezone' } })
    const second = await collect(
      client.streamChat({
        ...base,
        messages: [
          { role: 'user', content: 'My timezone?' },
          { role: 'assistant', content: '', toolCalls: [call] },
          {
            role: 'tool',
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            output: [{ text: 'timezone: America/New_York' }],
          },
        ],
      }),
    )
    expect(second.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' })
    expect(JSON.stringify(server.requests[1]?.body)).toContain('timezone: America/New_York')
  })

  test('a refused request becomes a single error event', async () => {
    const events = await collect(
      client.streamChat({
        provider: { kind: 'offline' },
        system: '',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    )
    expect(events).toEqual([
      {
        type: 'error',
        error: expect.objectContaining({ code: 'validation', path: 'provider.kind' }),
      },
    ])
  })

  test('a provider failure arrives as the last event', async () => {
    const server = await fakeWith([{ kind: 'http-error', status: 503, message: 'overloaded' }])
    const events = await collect(
      client.streamChat({
        provider: provider(server.url),
        system: '',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    )
    expect(events).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'provider-error' }) },
    ])
  })

  test('aborting ends with a cancelled event and stops the model call', async () => {
    const server = await fakeWith([{ kind: 'stall', text: 'Hello' }])
    const controller = new AbortController()
    const events: ChatStreamEvent[] = []
    for await (const event of client.streamChat(
      { provider: provider(server.url), system: '', messages: [{ role: 'user', content: 'hi' }] },
      controller.signal,
    )) {
      events.push(event)
      if (event.type === 'text') controller.abort()
    }
    expect(events).toEqual([
      { type: 'text', delta: 'H' },
      { type: 'error', error: expect.objectContaining({ code: 'cancelled' }) },
    ])
    // The abort travelled page → loopback host → provider: the model's response was dropped.
    await server.idle()
  })
})

describe('streamChat against a misbehaving host', () => {
  const request = {
    provider: provider('http://127.0.0.1:1/v1'),
    system: '',
    messages: [{ role: 'user' as const, content: 'hi' }],
  }
  const answering =
    (body: string): typeof fetch =>
    async () =>
      new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })

  test('a line that is not a valid event becomes an error event, not a throw', async () => {
    const bad = createHostClient('', answering('{"type":"text","delta":"a"}\nnot json\n'))
    expect(await collect(bad.streamChat(request))).toEqual([
      { type: 'text', delta: 'a' },
      { type: 'error', error: expect.objectContaining({ code: 'validation' }) },
    ])
    const wrongShape = createHostClient('', answering('{"type":"text","delta":3}\n'))
    expect(await collect(wrongShape.streamChat(request))).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'validation' }) },
    ])
  })

  test('a stream that ends without finish or error gets an error event', async () => {
    const cut = createHostClient('', answering('{"type":"text","delta":"a"}'))
    expect(await collect(cut.streamChat(request))).toEqual([
      { type: 'text', delta: 'a' },
      { type: 'error', error: expect.objectContaining({ code: 'provider-error' }) },
    ])
  })

  test('a host that dies mid-reply is a host-unavailable error after the text so far', async () => {
    const dying = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' })
      res.write(`${JSON.stringify({ type: 'text', delta: 'Once upon' })}\n`)
      setTimeout(() => res.socket?.destroy(), 100)
    })
    await new Promise<void>((resolve) => dying.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = dying.address() as AddressInfo
      const events = await collect(createHostClient(`http://127.0.0.1:${port}`).streamChat(request))
      expect(events).toEqual([
        { type: 'text', delta: 'Once upon' },
        {
          type: 'error',
          error: {
            code: 'host-unavailable',
            message: expect.stringMatching(/^The connection to Keepsake's host dropped mid-reply/),
          },
        },
      ])
    } finally {
      dying.closeAllConnections()
      await new Promise<void>((resolve) => dying.close(() => resolve()))
    }
  })

  test('an unreachable host is an error event and an error result', async () => {
    await host.close()
    const gone = createHostClient(`http://127.0.0.1:${host.port}`)
    // Keepsake's own host, not the model server: its own code, so the advice is not about models.
    expect(await collect(gone.streamChat(request))).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 'host-unavailable' }) },
    ])
    expect(await gone.health()).toMatchObject({
      ok: false,
      error: { code: 'host-unavailable' },
    })
  })
})

describe('the other routes through the client', () => {
  test('health', async () => {
    const health = await client.health()
    expect(health.ok).toBe(true)
  })

  test('secrets: set, ask, delete; the value never comes back', async () => {
    expect(await client.secretPresent('anthropic.apiKey')).toEqual({
      ok: true,
      value: { present: false },
    })
    expect(await client.setSecret('anthropic.apiKey', 'sk-ant-1')).toEqual({
      ok: true,
      value: null,
    })
    expect(await client.secretPresent('anthropic.apiKey')).toEqual({
      ok: true,
      value: { present: true },
    })
    expect(await client.deleteSecret('anthropic.apiKey')).toEqual({ ok: true, value: null })
    expect(await client.secretPresent('anthropic.apiKey')).toEqual({
      ok: true,
      value: { present: false },
    })
  })

  test('testProvider lists models', async () => {
    const server = await fakeWith([])
    expect(await client.testProvider({ provider: provider(server.url) })).toMatchObject({
      ok: true,
      value: { models: ['fake-model'], probe: { listed: true } },
    })
  })

  test('relay routes answer an error result on a host without a relay', async () => {
    expect(await client.relayStatus()).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await client.relayStart({ lan: false })).toMatchObject({ ok: false })
    expect(await client.relayStop()).toMatchObject({ ok: false })
  })
})

describe('the node adapter', () => {
  test('keeps the Host header, so a rebinding attack is refused over real HTTP', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/health',
          headers: { host: 'evil.example' },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  test('leaves non-API paths to the host', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/index.html`)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('not the API')
  })
})
