import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { startFakeOpenAI, type FakeTurn } from '../support/fake-openai-server'

/** A long answer that streams one word a second, so there is time to stop or reload mid-reply. */
const SLOW: FakeTurn = {
  kind: 'text',
  text: 'Once upon a time there was a very long answer that kept going and going for ages',
  chunks: 16,
  delayMs: 1000,
}

const useFake = async (app: KeepsakePage, url: string): Promise<void> => {
  const r = await app.request('settings.update', {
    provider: { kind: 'openai-compatible', baseUrl: url, model: 'fake-model' },
  })
  expect(r.ok).toBe(true)
}

/** Types a message at a person's pace and sends it with Enter. */
const typeAndSend = async (app: KeepsakePage, text: string): Promise<void> => {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 40 })
  await app.page.keyboard.press('Enter')
}

/** Every message in the log as "author: text", top to bottom (short conversations: all rendered). */
const transcript = (app: KeepsakePage): Promise<string[]> =>
  app.conversation
    .getByRole('article')
    .evaluateAll((nodes) =>
      nodes.map(
        (n) =>
          `${n.querySelector('.author')?.textContent ?? ''}: ${n.querySelector('.message-body')?.textContent ?? ''}`,
      ),
    )

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })
})

test('Stop ends a streaming reply, keeps what came and cancels the model request', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([SLOW])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await useFake(app, fake.url)
    await typeAndSend(app, 'Tell me a long story')

    const writing = app.conversation.getByRole('article', { name: 'Keepsake, writing a reply' })
    await expect(writing).toContainText('Once upon a time')
    await app.screens('reply-streaming')
    await writing.getByRole('button', { name: 'Stop' }).click()

    const stopped = app.settledMessages().last()
    await expect(stopped).toContainText('Stopped.')
    await expect(stopped.locator('.message-body')).toContainText('Once upon a time')
    await expect(stopped).not.toHaveClass(/failed/)
    await expect(stopped.getByRole('button', { name: 'Regenerate' })).toBeVisible()
    await expect(stopped.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    // The request to the model was cancelled, not left running.
    await expect.poll(() => fake.openResponses()).toBe(0)
    const kept = await stopped.locator('.message-body').textContent()
    expect(SLOW.kind === 'text' && SLOW.text.startsWith(kept?.trim() ?? 'x')).toBe(true)
    await app.screens('reply-stopped')
  } finally {
    await fake.close()
  }
})

test('a reload mid-reply leaves an interrupted note with Retry; the retried answer stands under its question', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    SLOW,
    { kind: 'text', text: 'Noted, tea it is.' },
    { kind: 'text', text: 'Here is the whole story, start to end.' },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await useFake(app, fake.url)
    await typeAndSend(app, 'Tell me a long story')
    await expect(
      app.conversation.getByRole('article', { name: 'Keepsake, writing a reply' }),
    ).toContainText('Once upon a time')

    await app.page.reload()
    await app.openReady(device.host.url)
    const cut = app.settledMessages().filter({ hasText: 'Interrupted' })
    await expect(cut).toHaveCount(1)
    await expect(cut.getByRole('button', { name: 'Retry' })).toBeVisible()
    await app.screens('reply-interrupted')

    // Talk on, then retry the earlier reply: its answer goes under its question, not at the end.
    await typeAndSend(app, 'I prefer tea over coffee')
    await expect(app.lastReply()).toContainText('Noted, tea it is.')
    await cut.getByRole('button', { name: 'Retry' }).click()
    await expect
      .poll(() => transcript(app))
      .toEqual([
        'You: Tell me a long story',
        'Keepsake: Here is the whole story, start to end.',
        'You: I prefer tea over coffee',
        expect.stringMatching(/^Keepsake: Noted, tea it is\./),
      ])
    // The answer replaced the interrupted note: no error is left.
    await expect(app.conversation.getByText('Interrupted')).toHaveCount(0)
    await expect(app.conversation.locator('.failed')).toHaveCount(0)
  } finally {
    await fake.close()
  }
})

test('a retry that fails again replaces the old error and offers Retry again', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    { kind: 'http-error', status: 500, message: 'model crashed' },
    { kind: 'http-error', status: 500, message: 'model crashed again' },
    { kind: 'text', text: 'Third time lucky.' },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await useFake(app, fake.url)
    await typeAndSend(app, 'Are you there?')

    const failed = app.conversation.locator('article.failed')
    await expect(failed).toHaveCount(1)
    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(failed).toContainText('model crashed again')
    await expect(failed).toHaveCount(1)
    await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible()
    await app.screens('reply-failed-again')

    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(app.lastReply()).toContainText('Third time lucky.')
    await expect(failed).toHaveCount(0)
    await expect
      .poll(() => transcript(app))
      .toEqual(['You: Are you there?', expect.stringMatching(/^Keepsake: Third time lucky\./)])
  } finally {
    await fake.close()
  }
})

test('retrying an earlier failed reply writes the new one under its question, not at the end', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    { kind: 'http-error', status: 500, message: 'model crashed' },
    { kind: 'text', text: 'Noted, tea it is.' },
    {
      kind: 'text',
      text: 'The bridge opened in 1932 and was repainted in 2019 after a long debate.',
      chunks: 12,
      delayMs: 600,
    },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await useFake(app, fake.url)
    await typeAndSend(app, 'When did the bridge open?')
    const failed = app.conversation.locator('article.failed')
    await expect(failed).toHaveCount(1)
    await typeAndSend(app, 'I prefer tea over coffee')
    await expect(app.lastReply()).toContainText('Noted, tea it is.')
    // The reply is finished (its text shows while it is still being written and saved).
    await expect(
      app.conversation.getByRole('article', { name: 'Keepsake, writing a reply' }),
    ).toHaveCount(0)

    await failed.getByRole('button', { name: 'Retry' }).click()
    const writing = app.conversation.getByRole('article', { name: 'Keepsake, writing a reply' })
    await expect(writing).toContainText('The bridge opened')
    // While it is written, the reply stands under the question it answers, in the failed one's place.
    expect(await transcript(app)).toEqual([
      'You: When did the bridge open?',
      expect.stringMatching(/^Keepsake: The bridge opened/),
      'You: I prefer tea over coffee',
      expect.stringMatching(/^Keepsake: Noted, tea it is\./),
    ])
    await expect(writing).toBeInViewport()
    await app.screens('retry-writing-in-place')
    await device.browser.page.setViewportSize({ width: 900, height: 650 })
    await app.screens('retry-writing-in-place-small')

    await expect(writing).toHaveCount(0, { timeout: 20_000 })
    await expect
      .poll(() => transcript(app))
      .toEqual([
        'You: When did the bridge open?',
        expect.stringMatching(/^Keepsake: The bridge opened in 1932 .* debate\./),
        'You: I prefer tea over coffee',
        expect.stringMatching(/^Keepsake: Noted, tea it is\./),
      ])
    await expect(app.conversation.locator('.failed')).toHaveCount(0)
  } finally {
    await fake.close()
  }
})
