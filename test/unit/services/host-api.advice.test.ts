import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { startFakeOpenAI, type FakeOpenAIServer } from '../../support/fake-openai-server'
import { startLocalModelServer, type LocalModelServer } from '../../support/local-model-server'
import {
  apiRequest,
  call,
  chatBody,
  memorySecrets,
  readError,
  readEvents,
  testApi,
} from './host-api-harness'

/**
 * Each way a model server fails gets advice that fits it, said by a real server on 127.0.0.1
 * behaving that way: nothing listening, a crash mid-reply, a connection closed before answering,
 * a model it does not have, a refused or missing key. Test connection works before a model is chosen.
 */

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

async function fakeWith(...args: Parameters<typeof startFakeOpenAI>): Promise<FakeOpenAIServer> {
  const fake = await startFakeOpenAI(...args)
  closers.push(() => fake.close())
  return fake
}

async function localWith(
  ...args: Parameters<typeof startLocalModelServer>
): Promise<LocalModelServer> {
  const server = await startLocalModelServer(...args)
  closers.push(() => server.close())
  return server
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return address.port
}

/** An Ollama too old for `/v1/models`: only its own `/api/tags` lists the models. */
async function oldOllama(models: string[]): Promise<string> {
  const server: Server = createHttpServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/tags') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ models: models.map((name) => ({ name, model: name, size: 1 })) }))
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('404 page not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const testConnection = (provider: object, secrets = memorySecrets()) =>
  call(testApi({ secrets }), apiRequest('POST', '/api/provider/test', { provider }))

describe('Test connection before a model is chosen', () => {
  test('lists an OpenAI-compatible server’s models with no model given', async () => {
    const fake = await fakeWith([], { models: ['llama3.2', 'qwen2.5:7b'] })
    const response = await testConnection({
      kind: 'openai-compatible',
      baseUrl: fake.url,
      model: '',
    })
    expect(await response.json()).toEqual({
      ok: true,
      value: { models: ['llama3.2', 'qwen2.5:7b'] },
    })
  })

  test('lists an Ollama without /v1/models by its /api/tags, and names the address chat needs', async () => {
    const root = await oldOllama(['llama3.2:latest', 'mistral:7b'])
    const atV1 = await testConnection({
      kind: 'openai-compatible',
      baseUrl: `${root}/v1`,
      model: '',
    })
    expect(await atV1.json()).toEqual({
      ok: true,
      value: { models: ['llama3.2:latest', 'mistral:7b'] },
    })
    const atRoot = await testConnection({ kind: 'openai-compatible', baseUrl: root, model: '' })
    expect(await atRoot.json()).toEqual({
      ok: true,
      value: { models: ['llama3.2:latest', 'mistral:7b'], suggestedBaseUrl: `${root}/v1` },
    })
  })
})

describe('advice that fits the failure', () => {
  test('nothing listening: the server is not reachable at that address', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`
    const tested = await readError(
      await testConnection({ kind: 'openai-compatible', baseUrl, model: '' }),
    )
    expect(tested).toEqual({
      code: 'provider-unavailable',
      message: `The model server isn't reachable at ${baseUrl}: nothing is listening there (connection refused).`,
    })
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(baseUrl))),
    )
    expect(events).toEqual([{ type: 'error', error: tested }])
  })

  test('a server that crashes mid-reply: the connection dropped mid-reply, after what arrived', async () => {
    const fake = await fakeWith([{ kind: 'crash', text: 'Once upon a time' }])
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(fake.url))),
    )
    expect(events).toEqual([
      { type: 'text', delta: 'Once upon a time' },
      {
        type: 'error',
        error: {
          code: 'provider-disconnected',
          message: `The connection to the model at ${fake.url} dropped mid-reply: the server closed it before finishing (it may have crashed or run out of memory).`,
        },
      },
    ])
  })

  test('a server that closes the connection before answering says so, not "unreachable"', async () => {
    const fake = await fakeWith([{ kind: 'drop' }])
    const events = await readEvents(
      await call(testApi(), apiRequest('POST', '/api/chat', chatBody(fake.url))),
    )
    expect(events).toEqual([
      {
        type: 'error',
        error: {
          code: 'provider-disconnected',
          message: `The model server at ${fake.url} closed the connection without answering (it may have crashed).`,
        },
      },
    ])
  })

  test('a model the server does not have: named, with the models it has', async () => {
    const server = await localWith('ollama', [], {
      models: [
        { id: 'llama3.2', context: 4096, tools: true },
        { id: 'qwen2.5:7b', context: 8192, tools: true },
      ],
    })
    const body = chatBody(server.url, {
      provider: { kind: 'openai-compatible', baseUrl: server.url, model: 'llama9' },
    })
    const events = await readEvents(await call(testApi(), apiRequest('POST', '/api/chat', body)))
    expect(events).toEqual([
      {
        type: 'error',
        error: {
          code: 'provider-model-missing',
          message: `The server at ${server.url} does not have "llama9" (model "llama9" not found, try pulling it first). It has: llama3.2, qwen2.5:7b.`,
        },
      },
    ])
  })

  test('a refused key says the key was refused; a missing one that none is saved', async () => {
    const fake = await fakeWith([{ kind: 'text', text: 'never' }], { apiKey: 'sk-right' })
    const provider = { kind: 'openai-compatible', baseUrl: fake.url, model: '' }
    const wrong = memorySecrets({ 'openai-compatible.apiKey': 'sk-wrong' })
    expect(await readError(await testConnection(provider, wrong))).toEqual({
      code: 'provider-auth',
      message: `The server at ${fake.url} refused the API key (HTTP 401: Incorrect API key provided).`,
    })
    expect(await readError(await testConnection(provider))).toEqual({
      code: 'provider-auth',
      message: `The server at ${fake.url} wants an API key, and none is saved (HTTP 401: Incorrect API key provided).`,
    })
    const events = await readEvents(
      await call(testApi({ secrets: wrong }), apiRequest('POST', '/api/chat', chatBody(fake.url))),
    )
    expect(events).toEqual([
      {
        type: 'error',
        error: {
          code: 'provider-auth',
          message: `The server at ${fake.url} refused the API key (HTTP 401: Incorrect API key provided).`,
        },
      },
    ])
  })
})
