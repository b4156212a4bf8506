import { afterEach, describe, expect, test } from 'vitest'
import {
  startLocalModelServer,
  type LocalModel,
  type LocalModelServer,
  type LocalServerKind,
  type LocalTurn,
} from '../../support/local-model-server'
import { ProviderModels, hostResultSchema } from '../../../shared/contract/host-api'
import { apiRequest, call, readEvents, testApi } from './host-api-harness'

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

let server: LocalModelServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function start(
  kind: LocalServerKind,
  script: LocalTurn[],
  models: LocalModel[] = [{ id: 'small', context: 8192, tools: true }],
): Promise<LocalModelServer> {
  server = await startLocalModelServer(kind, script, { models })
  return server
}

const chat = (url: string, extra: Record<string, unknown> = {}) =>
  apiRequest('POST', '/api/chat', {
    provider: { kind: 'openai-compatible', baseUrl: url, model: 'small' },
    system: 'You are Keepsake.',
    messages: [{ role: 'user', content: 'My dentist is Dr. Lee' }],
    ...extra,
  })

const KINDS: LocalServerKind[] = ['ollama', 'llama.cpp', 'lm-studio']

describe.each(KINDS)('%s', (kind) => {
  test('a streamed tool call arrives whole, however the server chunks its arguments', async () => {
    const s = await start(kind, [
      {
        kind: 'tool-calls',
        calls: [{ name: 'remember_fact', arguments: { text: 'My dentist is Dr. Lee' } }],
      },
    ])
    const events = await readEvents(await call(testApi(), chat(s.url, { tools })))
    expect(events.filter((e) => e.type === 'tool-call')).toMatchObject([
      { type: 'tool-call', toolName: 'remember_fact', input: { text: 'My dentist is Dr. Lee' } },
    ])
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool-calls' })
  })

  test('reasoning in its own field never reaches the text; it travels as reasoning events', async () => {
    const s = await start(kind, [
      { kind: 'text', text: 'Noted.', reasoning: 'The user states a fact.' },
    ])
    const events = await readEvents(await call(testApi(), chat(s.url)))
    const text = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('')
    expect(text).toBe('Noted.')
    // It travels apart, for "What the assistant saw" alone.
    const thought = events.flatMap((e) => (e.type === 'reasoning' ? [e.delta] : [])).join('')
    expect(thought).toBe('The user states a fact.')
  })

  test('a model that does not accept tools is named as such', async () => {
    const s = await start(kind, [], [{ id: 'small', context: 8192, tools: false }])
    const events = await readEvents(await call(testApi(), chat(s.url, { tools })))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'error', error: { code: 'provider-no-tools' } })
  })

  test('a model the server does not have is named as such', async () => {
    const s = await start(kind, [])
    const request = apiRequest('POST', '/api/chat', {
      provider: { kind: 'openai-compatible', baseUrl: s.url, model: 'llama9' },
      system: '',
      messages: [{ role: 'user', content: 'Hi' }],
    })
    const events = await readEvents(await call(testApi(), request))
    expect(events[0]).toMatchObject({
      type: 'error',
      error: { code: 'provider-model-missing', message: expect.stringContaining('"llama9"') },
    })
  })

  test('Test connection reads what the server says about the model', async () => {
    const s = await start(
      kind,
      [],
      [{ id: 'small', context: 8192, trainedContext: 131072, tools: kind !== 'llama.cpp' }],
    )
    const response = await call(
      testApi(),
      apiRequest('POST', '/api/provider/test', {
        provider: { kind: 'openai-compatible', baseUrl: s.url, model: 'small' },
      }),
    )
    const result = hostResultSchema('providerTest').parse(await response.json())
    expect(result.ok).toBe(true)
    const value = ProviderModels.parse(result.ok ? result.value : null)
    expect(value.models).toEqual(['small'])
    expect(value.probe).toEqual({
      server: kind,
      listed: true,
      // llama.cpp's /props does not say whether the template takes tools.
      tools: kind === 'llama.cpp' ? null : true,
      contextWindow: 8192,
      trainedContext: kind === 'llama.cpp' ? null : 131072,
    })
  })
})

describe('context overflow', () => {
  const long = 'word '.repeat(20_000)

  test.each(['llama.cpp', 'lm-studio'] as const)(
    '%s: the server’s refusal becomes context-overflow with its limit',
    async (kind) => {
      const s = await start(kind, [])
      const events = await readEvents(
        await call(testApi(), chat(s.url, { messages: [{ role: 'user', content: long }] })),
      )
      const counted = s.promptTokens[0]
      expect(events).toEqual([
        {
          type: 'error',
          error: {
            code: 'context-overflow',
            message: expect.stringContaining('(8,192 tokens)'),
          },
          overflow: { limit: 8192, promptTokens: counted },
        },
      ])
    },
  )

  test.each(KINDS)(
    '%s: an error sent inside a begun stream is read too (LM Studio’s mid-generation overflow)',
    async (kind) => {
      const s = await start(kind, [
        {
          kind: 'stream-error',
          text: 'The doc',
          message:
            'Reached context length of 4096 tokens with model (arch: qwen3) that does not currently support mid-generation context overflow. Try reloading with a larger context length or shortening the prompt/chat.',
        },
      ])
      const events = await readEvents(await call(testApi(), chat(s.url)))
      expect(events.at(-1)).toMatchObject({
        type: 'error',
        error: { code: 'context-overflow', message: expect.stringContaining('(4,096 tokens)') },
        overflow: { limit: 4096, promptTokens: null },
      })
    },
  )

  test('Ollama cuts an over-long prompt silently: no error to recognise', async () => {
    const s = await start('ollama', [{ kind: 'text', text: 'Hm.' }])
    const events = await readEvents(
      await call(testApi(), chat(s.url, { messages: [{ role: 'user', content: long }] })),
    )
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' })
  })
})

describe('the test server answers without streaming too', () => {
  test.each(KINDS)('%s: a whole completion, reasoning in its own field', async (kind) => {
    const s = await start(kind, [{ kind: 'text', text: 'Noted.', reasoning: 'A fact.' }])
    const response = await fetch(`${s.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'small', messages: [{ role: 'user', content: 'Hi' }] }),
    })
    const body = (await response.json()) as {
      object: string
      choices: { message: Record<string, unknown>; finish_reason: string }[]
    }
    expect(body.object).toBe('chat.completion')
    expect(body.choices[0]?.message.content).toBe('Noted.')
    expect(body.choices[0]?.message[kind === 'llama.cpp' ? 'reasoning_content' : 'reasoning']).toBe(
      'A fact.',
    )
    expect(body.choices[0]?.finish_reason).toBe('stop')
  })
})
