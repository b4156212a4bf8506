import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { startFakeOpenAI, type ReceivedRequest } from '../support/fake-openai-server'

type Client = {
  request(name: string, input: unknown): Promise<{ ok: boolean; error?: { message: string } }>
}

/** Changes settings through the page's runtime client, as the Settings dialog does. */
const updateSettings = async (
  page: KeepsakePage['page'],
  patch: Record<string, unknown>,
): Promise<void> => {
  const r = await page.evaluate(
    (p) =>
      (window as unknown as { keepsakeClient: Client }).keepsakeClient.request(
        'settings.update',
        p,
      ),
    patch,
  )
  expect(r.ok).toBe(true)
}

const useProvider = (page: KeepsakePage['page'], provider: unknown): Promise<void> =>
  updateSettings(page, { provider })

/** Everything the model was shown in one chat request, as one string. */
const promptOf = (request: ReceivedRequest | undefined): string =>
  JSON.stringify(request?.body ?? '')

test('the article’s scenario is restored after a restart and used by the model in the next turn', async ({
  device,
}) => {
  let app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  for (const line of [
    'I prefer concise answers',
    'My timezone is America/New_York',
    'Remember that I am working on a RAG pipeline and prefer pgvector over Pinecone',
    "I'm benchmarking hybrid search accuracy",
    'The last thing I did was ran evaluation script, results pending',
  ]) {
    await app.say(line)
  }
  await device.crashAndRestart()

  const fake = await startFakeOpenAI([
    {
      kind: 'tool-calls',
      calls: [
        { name: 'update_task', arguments: { lastAction: 'reviewed the evaluation results' } },
      ],
    },
    {
      kind: 'text',
      text: 'Check the evaluation results, then compare **pgvector** recall.',
      chunks: 4,
    },
  ])
  try {
    app = new KeepsakePage(device.browser.page)
    await app.open(device.host.url)
    await useProvider(app.page, {
      kind: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-model',
    })
    await app.say('What should I do next?')
    await expect(app.lastReply()).toContainText('Check the evaluation results')

    const chats = fake.requests.filter((r) => r.path.endsWith('/chat/completions'))
    expect(chats).toHaveLength(2)
    const first = promptOf(chats[0])
    for (const known of [
      'concise answers',
      'America/New_York',
      'RAG pipeline',
      'pgvector over Pinecone',
      'benchmarking hybrid search accuracy',
      'ran evaluation script, results pending',
      'What should I do next?',
    ]) {
      // Memory files a task with a capital ("Benchmarking hybrid search accuracy"); whether the
      // person's own message also fits in the prompt depends on the budget, so case is not the point.
      expect(first.toLowerCase()).toContain(known.toLowerCase())
    }
    // The tool result went back to the model, and the change it made is durable memory.
    expect(promptOf(chats[1])).toContain('reviewed the evaluation results')
    await expect(
      app.memoryItems.filter({ hasText: 'benchmarking hybrid search accuracy' }),
    ).toHaveCount(1)
  } finally {
    await fake.close()
  }
})

test('a provider error is a clear message in the conversation and the user’s message stays saved', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    { kind: 'http-error', status: 500, message: 'model crashed' },
    { kind: 'text', text: 'Back online.' },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.open(device.host.url)
    await useProvider(app.page, {
      kind: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-model',
    })
    await app.say('Are you there?')
    await expect(app.lastReply()).toContainText("I couldn't get an answer from the model")
    await expect(app.conversation).toContainText('Are you there?')
    await app.conversation.getByRole('button', { name: 'Retry' }).last().click()
    await expect(app.conversation).toContainText('Back online.')
  } finally {
    await fake.close()
  }
})

test('with a model that fails or ignores memory, what the person stated is still remembered, once', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    { kind: 'http-error', status: 500, message: 'model crashed' },
    { kind: 'text', text: "Got it! I'll remember that." },
    {
      kind: 'tool-calls',
      calls: [
        {
          name: 'set_preference',
          arguments: { key: 'timezone', value: 'CEST', text: 'My timezone is CEST' },
        },
      ],
    },
    { kind: 'text', text: 'Saved your timezone.' },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.open(device.host.url)
    await useProvider(app.page, {
      kind: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-model',
    })

    // The model is down: the reply says so, and says what was saved anyway.
    await app.say('I work at Acme Corp.')
    await expect(app.lastReply()).toContainText("I couldn't get an answer from the model")
    await expect(app.lastReply()).toContainText(
      'The model did not answer, but I saved what you told me',
    )
    await expect(app.lastReply()).toContainText('Noted: you work at Acme Corp')
    await expect(app.memoryItems.filter({ hasText: 'Acme Corp' })).toHaveCount(1)

    // The model answers but calls no memory tool: offline understanding records it and says so.
    await app.say('Remember that Dr. Lee is my dentist.')
    await expect(app.lastReply()).toContainText("Got it! I'll remember that.")
    await expect(app.lastReply()).toContainText('Saved to memory:')
    await expect(app.lastReply()).toContainText('Dr. Lee is your dentist')
    await expect(app.memoryItems.filter({ hasText: 'Dr. Lee is my dentist' })).toHaveCount(1)

    // The model writes memory itself: nothing is written twice.
    await app.say('My timezone is CEST.')
    await expect(app.lastReply()).toContainText('Saved your timezone.')
    await expect(app.lastReply()).not.toContainText('Saved to memory:')
    await expect(app.memoryItems.filter({ hasText: 'CEST' })).toHaveCount(1)
  } finally {
    await fake.close()
  }
})

test('when the prompt cannot be sent to the model at all, what the person stated is still remembered', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([{ kind: 'text', text: 'never asked' }])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.open(device.host.url)
    await useProvider(app.page, {
      kind: 'openai-compatible',
      baseUrl: fake.url,
      model: 'fake-model',
    })
    // The server once refused a prompt as too long and taught a window smaller than the reply
    // reserve (Settings itself refuses a window that small).
    await updateSettings(app.page, {
      strategy: 'full',
      models: {
        [`${fake.url.replace(/\/+$/, '')} fake-model`]: {
          tools: true,
          serverContext: null,
          learnedWindow: 1000,
          checkedAt: new Date().toISOString(),
        },
      },
    })
    await app.say('I work at Acme Corp.')
    await expect(app.lastReply()).toContainText(
      'The model did not answer, but I saved what you told me',
    )
    await expect(app.lastReply()).toContainText('Noted: you work at Acme Corp')
    await expect(app.memoryItems.filter({ hasText: 'Acme Corp' })).toHaveCount(1)
    // The welcome card may look the model up (what it is, whether it answers); it is never asked.
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0)
  } finally {
    await fake.close()
  }
})
