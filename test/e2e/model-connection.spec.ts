import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { startFakeOpenAI } from '../support/fake-openai-server'
import { startLocalModelServer } from '../support/local-model-server'

/**
 * Settings → Model as a person uses it: Test connection before knowing a model's name, choosing one
 * from what the server lists, and advice that fits each way a model server (or Keepsake's own host)
 * fails — every server a real one on 127.0.0.1 behaving that way.
 */

const closers: (() => Promise<void>)[] = []
test.afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.()
})

/** Replaces what a field holds the way a person does: select all, then type at a person's pace. */
async function retype(app: KeepsakePage, label: string | RegExp, text: string): Promise<void> {
  const field =
    label === 'Model'
      ? app.settingsDialog.getByRole('combobox', { name: 'Model' })
      : app.settingsDialog.getByLabel(label)
  await field.click()
  await app.page.keyboard.press('Control+A')
  await app.page.keyboard.type(text, { delay: 30 })
}

/** Types a message at a person's pace and sends it with Enter. */
async function typeAndSend(app: KeepsakePage, text: string): Promise<void> {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 30 })
  await app.page.keyboard.press('Enter')
}

async function useModel(app: KeepsakePage, baseUrl: string, model: string): Promise<void> {
  const r = await app.request('settings.update', {
    provider: { kind: 'openai-compatible', baseUrl, model },
  })
  expect(r.ok).toBe(true)
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('Test connection lists the server’s models before a model is typed, and one press chooses one', async ({
  device,
}) => {
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })
  const server = await startLocalModelServer(
    'ollama',
    [{ kind: 'text', text: 'Hello from qwen.' }],
    {
      models: [
        { id: 'llama3.2', context: 4096, tools: true },
        { id: 'qwen2.5:7b', context: 8192, tools: true },
      ],
    },
  )
  closers.push(() => server.close())
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.openSettings()
  const settings = app.settingsDialog
  await settings.getByRole('radio', { name: 'OpenAI-compatible' }).check()
  await retype(app, 'Base URL', server.url)

  // No model yet: nothing red, a plain hint, and Test connection is there to find one.
  await expect(settings.locator('.field-problem')).toHaveCount(0)
  await expect(settings).toContainText(
    'Choose a model: Test connection lists the ones this server has.',
  )
  const testButton = settings.getByRole('button', { name: 'Test connection' })
  await expect(testButton).toBeEnabled()
  await testButton.click()
  const status = settings.getByRole('status').and(settings.locator('.test-result'))
  await expect(status).toContainText('Connected — 2 models available: llama3.2, qwen2.5:7b')
  const picker = status.getByRole('group', { name: 'Models on this server' })
  await expect(picker.getByRole('button')).toHaveText(['llama3.2', 'qwen2.5:7b'])
  await expect(settings.locator('.field-problem')).toHaveCount(0)
  await status.scrollIntoViewIfNeeded()
  await app.screens('model-list-before-typing')
  await device.browser.page.setViewportSize({ width: 900, height: 650 })
  await status.scrollIntoViewIfNeeded()
  await app.screens('model-list-before-typing-small')
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })

  // One press chooses the model and asks the server about it.
  await picker.getByRole('button', { name: 'qwen2.5:7b' }).click()
  await expect(settings.getByRole('combobox', { name: 'Model' })).toHaveValue('qwen2.5:7b')
  await expect(picker.getByRole('button', { name: 'qwen2.5:7b' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(status).toContainText('qwen2.5:7b accepts tools')
  await expect(status).toContainText('Ollama runs qwen2.5:7b with a context of 8,192 tokens')
  await settings.getByRole('button', { name: 'Use this model' }).click()
  await app.page.keyboard.press('Escape')
  await typeAndSend(app, 'Hi there')
  await expect(app.lastReply()).toContainText('Hello from qwen.')
  expect(server.chats().at(-1)?.body).toMatchObject({ model: 'qwen2.5:7b' })
})

test('Test connection: nothing listening and a refused key each get their own advice', async ({
  device,
}) => {
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })
  const guarded = await startFakeOpenAI([], { apiKey: 'sk-right', models: ['fake-model'] })
  closers.push(() => guarded.close())
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.openSettings()
  const settings = app.settingsDialog
  const status = settings.getByRole('status').and(settings.locator('.test-result'))
  await settings.getByRole('radio', { name: 'OpenAI-compatible' }).check()

  // Nothing listening at the address.
  const down = `http://127.0.0.1:${await closedPort()}/v1`
  await retype(app, 'Base URL', down)
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(status).toContainText(
    `The model server isn't reachable at ${down}: nothing is listening there (connection refused).`,
  )
  await expect(status).toContainText('Check that the model server is running and that the Base URL')
  await expect(status).not.toContainText('model name')
  await app.screens('test-connection-refused')

  // A server that wants a key: none saved, then a wrong one.
  await retype(app, 'Base URL', guarded.url)
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(status).toContainText(
    `The server at ${guarded.url} wants an API key, and none is saved`,
  )
  await retype(app, 'API key', 'sk-wrong')
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(status).toContainText(`The server at ${guarded.url} refused the API key (HTTP 401`)
  await expect(status).toContainText('Enter the key the server expects under API key in Settings')
  await app.screens('test-connection-key-refused')
  await retype(app, 'API key', 'sk-right')
  await settings.getByRole('button', { name: 'Test connection' }).click()
  await expect(status).toContainText('Connected — 1 model available: fake-model')
})

test('a reply cut off by the model server, a model it lacks, and Keepsake’s host dying each say what happened', async ({
  device,
}) => {
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })
  const fake = await startFakeOpenAI([
    { kind: 'crash', text: 'Once upon a time' },
    {
      kind: 'text',
      text: 'A slow answer that takes its time to arrive in full',
      chunks: 12,
      delayMs: 500,
    },
  ])
  closers.push(() => fake.close())
  const ollama = await startLocalModelServer('ollama', [], {
    models: [
      { id: 'llama3.2', context: 4096, tools: true },
      { id: 'qwen2.5:7b', context: 8192, tools: true },
    ],
  })
  closers.push(() => ollama.close())
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  // The model server crashes mid-reply: what arrived is kept, and the advice is about the server.
  await useModel(app, fake.url, 'fake-model')
  await typeAndSend(app, 'Tell me a story')
  const crashed = app.settledMessages().last()
  await expect(crashed).toContainText('Once upon a time')
  await expect(crashed).toContainText(
    `The connection to the model at ${fake.url} dropped mid-reply`,
  )
  await expect(crashed).toContainText('What had arrived is kept. Retry')
  await expect(crashed).not.toContainText('API key')
  await expect(crashed).not.toContainText('model name')
  await app.screens('reply-dropped-mid-reply')

  // A model the server does not have: named, with what it has.
  await useModel(app, ollama.url, 'llama9')
  await typeAndSend(app, 'Are you there?')
  const missing = app.settledMessages().last()
  await expect(missing).toContainText(`does not have "llama9"`)
  await expect(missing).toContainText('It has: llama3.2, qwen2.5:7b.')
  await expect(missing).toContainText('Choose one of the models the server has in Settings')

  // Keepsake's own host dies mid-reply: said as such, never as a model or key problem.
  await useModel(app, fake.url, 'fake-model')
  await typeAndSend(app, 'Tell me a slow story')
  const writing = app.conversation.getByRole('article', { name: 'Keepsake, writing a reply' })
  await expect(writing).toContainText('A slow answer')
  await device.host.kill()
  const cut = app.settledMessages().last()
  await expect(cut).toContainText("The connection to Keepsake's host dropped mid-reply")
  await expect(cut).toContainText('Restart Keepsake')
  await expect(cut).not.toContainText('API key')
  await expect(cut).not.toContainText('model name')
  await app.screens('reply-host-died')
})
