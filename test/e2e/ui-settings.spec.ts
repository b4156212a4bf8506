import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { startFakeOpenAI } from '../support/fake-openai-server'

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1360, height: 860 })
})

test('first run, then Settings: theme, restore strategy, context window, storage', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)

  // The welcome says what is remembered and where, and the offline assistant is ready.
  await expect(app.welcome).toContainText('on this device, in this browser profile')
  await expect(app.welcome).toContainText('nothing leaves it unless you turn on sync')
  await expect(app.welcome).toContainText('the built-in assistant reads plain English statements')
  await app.welcome.getByRole('button', { name: "I can't eat gluten" }).click()
  await expect(app.message).toHaveValue("I can't eat gluten")
  await expect(app.message).toBeFocused()
  await app.message.press('Enter')
  await expect(app.settledMessages()).toHaveCount(2)
  await expect(app.lastReply()).toContainText('Noted: you cannot eat gluten')
  // The welcome is an empty conversation's page: messages have the column to themselves.
  await expect(app.welcome).toBeHidden()
  await app.newConversation.click()
  await app.dismissWelcome()
  await app.page.reload()
  await app.openReady(device.host.url)
  await expect(app.welcome).toBeHidden()

  // Every control has a name: no button is only an unlabelled icon.
  await expect(
    app.page.locator('button:not([aria-label])').filter({ hasText: /^\s*$/ }),
  ).toHaveCount(0)

  await app.openSettings()
  const settings = app.settingsDialog
  await expect(settings.getByRole('radio', { name: 'Offline' })).toBeChecked()
  await expect(settings.getByRole('radio', { name: 'Selective' })).toBeChecked()
  await expect(settings).toContainText('Only the most recent messages')
  await expect(settings).toContainText('The whole conversation')
  await expect(settings.getByRole('meter', { name: 'Storage used' })).toBeVisible()
  await expect(settings).toContainText(/\d+(\.\d)? (bytes|KB|MB|GB) used of/)
  await app.screens('settings')

  // Theme: forced dark and light set data-theme; System leaves it to the OS.
  const html = app.page.locator('html')
  await settings.getByRole('radio', { name: 'Dark' }).check()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await settings.getByRole('radio', { name: 'Light' }).check()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await settings.getByRole('radio', { name: 'System' }).check()
  await expect(html).not.toHaveAttribute('data-theme', /.*/)

  // Restore strategy.
  await settings.getByRole('radio', { name: 'Log' }).check()
  await expect
    .poll(async () => (await app.request<{ strategy: string }>('settings.get', {})).value?.strategy)
    .toBe('log')

  // Context window: an invalid value is explained and not saved; a valid one is.
  const window = settings.getByRole('spinbutton', { name: 'Model context window' })
  await window.fill('100')
  await window.press('Enter')
  await expect(settings).toContainText(/Model context window: use at least [\d,]+ tokens\./)
  await window.fill('16384')
  await window.press('Enter')
  await expect(settings).toContainText('prompts get up to 15,360 tokens')
  await expect
    .poll(
      async () =>
        (await app.request<{ contextWindow: number }>('settings.get', {})).value?.contextWindow,
    )
    .toBe(16384)

  // Esc closes and gives focus back; Ctrl+, opens it again.
  await app.page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await expect(app.settingsButton).toBeFocused()
  await app.page.keyboard.press('Control+Comma')
  await expect(settings).toBeVisible()
  await expect(settings.getByRole('radio', { name: 'Log' })).toBeChecked()
})

test('a model provider: test connection, streamed Markdown reply, failure with Retry', async ({
  device,
}) => {
  const fake = await startFakeOpenAI(
    [
      {
        kind: 'text',
        text: 'Enable it once per database:\n\n```sql\nCREATE EXTENSION vector;\n```\n\nThat is **all**. <b>raw</b>',
        chunks: 8,
        delayMs: 300,
      },
      { kind: 'http-error', status: 500, message: 'model overloaded' },
      { kind: 'text', text: 'Second try worked.' },
    ],
    { models: ['fake-model', 'fake-large'], apiKey: 'sk-test-123' },
  )
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await app.openSettings()
    const settings = app.settingsDialog
    await settings.getByRole('radio', { name: 'OpenAI-compatible' }).check()
    // Port 9 is one fetch refuses: the failure reads as a sentence with a next step, not a code.
    await settings.getByRole('textbox', { name: 'Base URL' }).fill('http://127.0.0.1:9/v1')
    await settings.getByRole('combobox', { name: 'Model' }).fill('fake-model')
    await settings.getByRole('button', { name: 'Test connection' }).click()
    await expect(settings.getByRole('status')).toContainText(
      "The model server isn't reachable at http://127.0.0.1:9/v1: port 9 is one that web requests may not use.",
    )
    await expect(settings.getByRole('status')).toContainText(
      'Check that the model server is running',
    )
    await expect(settings.getByRole('status')).not.toContainText('provider-unavailable')
    await settings.getByRole('textbox', { name: 'Base URL' }).fill(fake.url)
    await settings.getByRole('combobox', { name: 'Model' }).fill('fake-model')
    await settings.getByLabel('API key').fill('sk-test-123')
    await settings.getByRole('button', { name: 'Test connection' }).click()
    await expect(settings.getByRole('status')).toContainText(
      'Connected — 2 models available: fake-model, fake-large',
    )
    await expect(settings.getByLabel('API key')).toHaveValue('')
    await expect(settings).toContainText('A key is saved on this device')
    await settings.getByRole('button', { name: 'Use this model' }).click()
    await expect(app.toasts).toContainText('Replies now come from fake-model')
    await app.screens('settings-provider')
    // The key went to the host and never comes back to the page.
    const stored = await app.request('settings.get', {})
    expect(JSON.stringify(stored)).not.toContain('sk-test-123')
    expect(await app.page.content()).not.toContain('sk-test-123')
    await app.page.keyboard.press('Escape')

    // The reply streams in (aria-busy while it is being written), then renders as Markdown.
    await app.message.fill('How do I enable pgvector?')
    await app.message.press('Enter')
    const writing = app.conversation.locator('article[aria-busy="true"]')
    await expect(writing).toContainText('Enable it')
    await expect(writing).toHaveCount(0)
    const reply = app.lastReply()
    await expect(reply.locator('pre code')).toHaveText('CREATE EXTENSION vector;')
    await expect(reply.getByRole('button', { name: 'Copy code' })).toBeVisible()
    await expect(reply.locator('strong')).toHaveText('all')
    await expect(reply.locator('b')).toHaveCount(0)
    await app.screens('chat-markdown')

    // A failure says what to do next and offers Retry; retrying answers.
    await app.message.fill('And an index?')
    await app.message.press('Enter')
    const failed = app.conversation.getByRole('article').filter({ hasText: 'model overloaded' })
    await expect(failed).toContainText('check the model and its server in Settings')
    await expect(failed).not.toContainText('provider-error')
    await app.screens('chat-failed')
    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(app.lastReply()).toContainText('Second try worked.')
    await expect(failed.getByRole('button', { name: 'Retry' })).toHaveCount(0)
  } finally {
    await fake.close()
  }
})

test('keyboard: Ctrl+K searches everything, Enter opens, Esc closes', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Remember that I prefer pgvector over Pinecone')
  await app.say('My timezone is America/New_York')
  await app.newConversation.click()
  await expect(app.settledMessages()).toHaveCount(0)
  await app.say("I'm benchmarking hybrid search accuracy")

  await app.message.focus()
  await app.page.keyboard.press('Control+K')
  await expect(app.palette).toBeVisible()
  await expect(app.paletteInput).toBeFocused()
  await app.page.keyboard.type('pgvector')
  const options = app.palette.getByRole('option')
  await expect(
    app.palette.getByRole('group', { name: 'Memory' }).getByRole('option'),
  ).toContainText(['I prefer pgvector over Pinecone'])
  await expect(
    app.palette.getByRole('group', { name: 'Messages' }).getByRole('option').first(),
  ).toBeVisible()
  await app.screens('palette')

  // Esc closes and gives focus back to the message box.
  await app.page.keyboard.press('Escape')
  await expect(app.palette).toBeHidden()
  await expect(app.message).toBeFocused()

  // A memory result brings the item into view in the Memory panel.
  await app.page.keyboard.press('Control+K')
  await app.page.keyboard.type('pgvector')
  const memoryOption = app.palette
    .getByRole('group', { name: 'Memory' })
    .getByRole('option')
    .first()
  await expect(memoryOption).toBeVisible()
  while ((await memoryOption.getAttribute('aria-selected')) !== 'true')
    await app.page.keyboard.press('ArrowDown')
  await app.page.keyboard.press('Enter')
  await expect(app.palette).toBeHidden()
  await expect(app.memoryItem('I prefer pgvector over Pinecone')).toBeFocused()

  // A message result opens its conversation at that message.
  await app.page.keyboard.press('Control+K')
  await app.page.keyboard.type('timezone')
  const messageOption = app.palette
    .getByRole('group', { name: 'Messages' })
    .getByRole('option')
    .first()
  await expect(messageOption).toBeVisible()
  await messageOption.click()
  await expect(app.chatTitle).toHaveText('Remember that I prefer pgvector over Pinecone')
  await expect(
    app.conversation
      .getByRole('article')
      .filter({ hasText: /timezone/ })
      .first(),
  ).toBeVisible()
  await expect(options).toHaveCount(0)
})
