import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import {
  startLocalModelServer,
  type LocalModel,
  type LocalModelServer,
  type LocalServerKind,
  type LocalTurn,
} from '../support/local-model-server'

/**
 * Keepsake against servers that answer the way Ollama, llama.cpp's server and LM Studio do, with the
 * small models people run on them: calls written as text, models without tools, prompts over the
 * server's context, reasoning in the reply.
 */

let server: LocalModelServer | null = null
test.afterEach(async () => {
  await server?.close()
  server = null
})

async function serve(
  kind: LocalServerKind,
  model: LocalModel,
  script: LocalTurn[],
): Promise<LocalModelServer> {
  server = await startLocalModelServer(kind, script, { models: [model] })
  return server
}

async function useModel(app: KeepsakePage, s: LocalModelServer, model: string): Promise<void> {
  const r = await app.request('settings.update', {
    provider: { kind: 'openai-compatible', baseUrl: s.url, model },
  })
  expect(r.ok).toBe(true)
}

const bodyOf = (s: LocalModelServer, i: number): Record<string, unknown> =>
  (s.chats()[i]?.body ?? {}) as Record<string, unknown>

/** No tool-call JSON or markup is on screen anywhere in the conversation. */
async function expectNoRawCalls(app: KeepsakePage): Promise<void> {
  for (const raw of [
    '"name"',
    '"arguments"',
    'remember_fact',
    '<tool_call>',
    '```',
    '[TOOL_CALLS]',
  ]) {
    await expect(app.conversation).not.toContainText(raw)
  }
}

test('Ollama: a small model writes the call in a ```json fence after prose; memory is recorded and the JSON is hidden', async ({
  device,
}) => {
  const s = await serve('ollama', { id: 'llama3.2:3b', context: 8192, tools: true }, [
    {
      kind: 'text',
      text: 'Sure! I will save that.\n\n```json\n{"name": "remember_fact", "arguments": {"text": "My dentist is Dr. Lee"}}\n```',
      chunks: 6,
    },
    { kind: 'text', text: 'Your dentist, Dr. Lee, is noted.' },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'llama3.2:3b')
  await app.say('My dentist is Dr. Lee')
  await expect(app.memoryItem('My dentist is Dr. Lee')).toHaveCount(1)
  await expect(app.lastReply()).toContainText('Sure! I will save that.')
  await expect(app.lastReply()).toContainText('Your dentist, Dr. Lee, is noted.')
  await expectNoRawCalls(app)
  // The call went back to the model as a tool result, so it could answer in words.
  expect(JSON.stringify(bodyOf(s, 1))).toContain('My dentist is Dr. Lee')
  await app.screens('local-ollama-text-call')
})

test('LM Studio: a model that ignores its tools still leaves the memory recorded, and the reply says so', async ({
  device,
}) => {
  const s = await serve('lm-studio', { id: 'phi-3-mini', context: 8192, tools: true }, [
    { kind: 'text', text: "Got it! I'll remember that." },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'phi-3-mini')
  await app.say('My dentist is Dr. Lee')
  await expect(app.memoryItems.filter({ hasText: 'Dr. Lee' })).toHaveCount(1)
  await expect(app.lastReply()).toContainText("Got it! I'll remember that.")
  await expect(app.lastReply()).toContainText('Saved to memory:')
  expect(bodyOf(s, 0).tools).toBeDefined()
})

test('llama.cpp: <tool_call> blocks and arguments split across many chunks both record memory', async ({
  device,
}) => {
  const s = await serve('llama.cpp', { id: 'qwen2.5-3b-instruct', context: 8192, tools: true }, [
    {
      kind: 'tool-calls',
      calls: [
        {
          name: 'set_preference',
          arguments: {
            key: 'timezone',
            value: 'America/New_York',
            text: 'My timezone is America/New_York',
          },
        },
      ],
    },
    { kind: 'text', text: 'Noted your timezone.' },
    {
      kind: 'text',
      text: '<tool_call>\n{"name": "open_issue", "arguments": {"text": "The nightly eval job is flaky"}}\n</tool_call>',
    },
    { kind: 'text', text: 'I will keep an eye on the flaky eval job.' },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'qwen2.5-3b-instruct')
  await app.say('My timezone is America/New_York')
  await expect(app.memoryItem('My timezone is America/New_York')).toHaveCount(1)
  await app.say('The nightly eval job is flaky')
  await expect(app.memoryItem('The nightly eval job is flaky')).toHaveCount(1)
  await expect(app.lastReply()).toContainText('I will keep an eye on the flaky eval job.')
  await expectNoRawCalls(app)
})

test('Ollama: a model without tools is asked again without them, writes its call as text, and is remembered as tool-less', async ({
  device,
}) => {
  const s = await serve('ollama', { id: 'gemma3:4b', context: 8192, tools: false }, [
    {
      kind: 'text',
      text: '{"name": "remember_fact", "arguments": {"text": "My sister lives in Lisbon"}}',
    },
    { kind: 'text', text: 'Got it — your sister lives in Lisbon.' },
    { kind: 'text', text: 'Lisbon.' },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'gemma3:4b')
  await app.say('My sister lives in Lisbon')
  await expect(app.memoryItem('My sister lives in Lisbon')).toHaveCount(1)
  await expect(app.lastReply()).toContainText('Got it — your sister lives in Lisbon.')
  await expect(app.lastReply()).not.toContainText("couldn't get an answer")
  await expectNoRawCalls(app)

  // The refusal was an HTTP 400 to the request with tools; every request after it has none.
  expect(bodyOf(s, 0).tools).toBeDefined()
  expect(bodyOf(s, 1).tools).toBeUndefined()
  expect(JSON.stringify(bodyOf(s, 1))).toContain('end your reply with one line of JSON')
  await app.say('Where does my sister live?')
  await expect(app.lastReply()).toContainText('Lisbon.')
  expect(
    s
      .chats()
      .slice(1)
      .every((r) => !('tools' in (r.body as object))),
  ).toBe(true)

  // Settings says so for this model.
  await app.openSettings()
  await expect(app.settingsDialog).toContainText('This model does not accept tools')
})

test('llama.cpp: a pasted document over the server’s context is named context-overflow, and the conversation recovers', async ({
  device,
}) => {
  // The server runs the model with 2,048 tokens while Settings still says 8,192: a usual mistake.
  const s = await serve('llama.cpp', { id: 'llama-3.2-3b', context: 2048, tools: true }, [
    { kind: 'text', text: 'The doc proposes hybrid retrieval with a reranker.' },
    { kind: 'text', text: 'Start with BM25 plus dense, then add the reranker.' },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'llama-3.2-3b')
  // A pasted log: long, and nothing in it for memory to take.
  const log = Array.from(
    { length: 700 },
    (_, i) =>
      `10:${String(i % 60).padStart(2, '0')}:07 worker-${i % 4} batch ${1000 + i} ok ${40 + (i % 50)} ms`,
  ).join('\n')
  const doc = `Design doc review log:\n${log}\nWhat do you think?`
  await app.message.fill(doc)
  await app.message.press('Enter')
  await expect(app.message).toHaveValue('')
  const failed = app.conversation.getByRole('article').filter({ hasText: 'context window' })
  await expect(failed).toContainText("longer than the model's context window (2,048 tokens)")
  await expect(failed).toContainText('Retry: Keepsake sends less of the conversation now')
  await expect(failed).not.toContainText('API key')
  await app.screens('local-overflow')

  await failed.getByRole('button', { name: 'Retry' }).click()
  await expect(app.lastReply()).toContainText('The doc proposes hybrid retrieval')
  await app.say('What should I build first?')
  await expect(app.lastReply()).toContainText('Start with BM25 plus dense')

  // The server counted 2,048 or fewer for every prompt after the refused one.
  expect(s.promptTokens[0]).toBeGreaterThan(2048)
  expect(s.promptTokens.slice(1).every((n) => n <= 2048)).toBe(true)
  expect(s.promptTokens.length).toBe(3)
  // The log keeps the document whole; only the prompt was cut.
  const conversations = await app.request<{ id: string }[]>('conversations.list', {})
  const id = conversations.value?.[0]?.id ?? ''
  const page = await app.request<{ messages: { text: string }[] }>('conversations.messages', {
    id,
    offset: 0,
    limit: 50,
  })
  expect(page.value?.messages.some((m) => m.text === doc)).toBe(true)
  expect(JSON.stringify(bodyOf(s, 1))).toContain('tokens of this message left out')
  // The failed reply is not resent as the model's words.
  expect(JSON.stringify(bodyOf(s, 2))).not.toContain("couldn't get an answer")
  // Settings says why prompts for this model are smaller than the window there.
  await app.openSettings()
  await expect(app.settingsDialog).toContainText(
    'The server refused a longer prompt for llama-3.2-3b',
  )
})

test('LM Studio: reasoning in <think> is neither shown, stored, resent nor searchable', async ({
  device,
}) => {
  const s = await serve('lm-studio', { id: 'qwen3-4b', context: 8192, tools: true }, [
    {
      kind: 'text',
      text: '<think>The user asks a capital. Zanzibarquill is my private scratch word.</think>\n\nParis.',
    },
    // LM Studio streams the thinking of some models in its own `reasoning` field instead.
    {
      kind: 'text',
      text: 'About 2.1 million people.',
      reasoning: 'Quillbright: city proper only.',
    },
  ])
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await useModel(app, s, 'qwen3-4b')
  await app.say('What is the capital of France?')
  await expect(app.lastReply()).toHaveText(/Paris\./)
  await expect(app.conversation).not.toContainText('Zanzibarquill')
  // "What the assistant saw" is the one place the reasoning can be read.
  await app.lastReply().getByRole('button', { name: 'What the assistant saw' }).click()
  await expect(app.contextDialog).toContainText('The model’s reasoning')
  await expect(app.contextDialog).toContainText('Zanzibarquill is my private scratch word')
  await app.page.keyboard.press('Escape')
  await expect(app.contextDialog).toBeHidden()
  await app.say('How many people live there?')
  expect(JSON.stringify(bodyOf(s, 1))).not.toContain('Zanzibarquill')
  expect(JSON.stringify(bodyOf(s, 1))).toContain('Paris.')
  const found = await app.request<unknown[]>('search.all', { query: 'Zanzibarquill' })
  expect(found.value).toEqual([])
  await expect(app.conversation).not.toContainText('Quillbright')
  await app.lastReply().getByRole('button', { name: 'What the assistant saw' }).click()
  await expect(app.contextDialog).toContainText('Quillbright: city proper only.')
})

test('Settings: server presets, Test connection reports tools and context honestly, and a missing model gets a useful message', async ({
  device,
}) => {
  await device.browser.page.setViewportSize({ width: 1360, height: 900 })
  const s = await serve(
    'ollama',
    { id: 'llama3.2', context: 4096, trainedContext: 131072, tools: true },
    [{ kind: 'text', text: 'Hello from llama3.2.' }],
  )
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await expect(app.welcome).toContainText('the built-in assistant reads plain English statements')
  await app.openSettings()
  const settings = app.settingsDialog
  await settings.getByRole('radio', { name: 'OpenAI-compatible' }).check()
  const url = settings.getByLabel('Base URL')
  for (const [preset, address] of [
    ['LM Studio', 'http://127.0.0.1:1234/v1'],
    ['llama.cpp', 'http://127.0.0.1:8080/v1'],
    ['Ollama', 'http://127.0.0.1:11434/v1'],
  ] as const) {
    await settings.getByRole('button', { name: preset, exact: true }).click()
    await expect(url).toHaveValue(address)
  }
  await expect(settings).toContainText('ollama pull')

  await url.fill(s.url)
  await settings.getByRole('combobox', { name: 'Model' }).fill('llama3.2')
  await settings.getByRole('button', { name: 'Test connection' }).click()
  // The connection test's result, not a toast shown over the dialog.
  const status = settings.getByRole('status').and(settings.locator('.test-result'))
  await expect(status).toContainText('Connected — 1 model available: llama3.2')
  await expect(status).toContainText('llama3.2 accepts tools')
  await expect(status).toContainText('Ollama runs llama3.2 with a context of 4,096 tokens')
  await expect(status).toContainText('trained for 131,072')
  await app.screens('settings-local-probe')
  await status.getByRole('button', { name: 'Use 4,096 as the context window' }).click()
  await expect
    .poll(
      async () =>
        (await app.request<{ contextWindow: number }>('settings.get', {})).value?.contextWindow,
    )
    .toBe(4096)
  await settings.getByRole('button', { name: 'Use this model' }).click()
  await app.page.keyboard.press('Escape')
  await expect(app.welcome).toContainText(`Replies come from llama3.2 at ${s.url}`)
  await expect(app.welcome).not.toContainText(
    'the built-in assistant reads plain English statements',
  )
  await app.say('Hi')
  await expect(app.lastReply()).toContainText('Hello from llama3.2.')

  // A model the server does not have: Test connection says so, and a turn says what to do.
  await app.openSettings()
  await settings.getByRole('combobox', { name: 'Model' }).fill('llama9')
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(status).toContainText('Ollama does not list llama9')
  await settings.getByRole('button', { name: 'Use this model' }).click()
  await app.page.keyboard.press('Escape')
  await app.say('Are you there?')
  await expect(app.lastReply()).toContainText('does not have "llama9"')
  await expect(app.lastReply()).toContainText('Choose one of the models the server has in Settings')
  await expect(app.lastReply()).toContainText('It has: llama3.2.')
  await expect(app.lastReply()).not.toContainText('API key')
})
