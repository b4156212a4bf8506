import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { startFakeOpenAI } from '../support/fake-openai-server'
import { freePort } from '../support/ports'

const SMALL = { width: 900, height: 650 }
const LARGE = { width: 1400, height: 900 }

const useProvider = async (app: KeepsakePage, baseUrl: string): Promise<void> => {
  const r = await app.request('settings.update', {
    provider: { kind: 'openai-compatible', baseUrl, model: 'fake-model' },
  })
  expect(r.ok).toBe(true)
}

const typeAndSend = async (app: KeepsakePage, text: string): Promise<void> => {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 40 })
  await app.page.keyboard.press('Enter')
}

test('in a small window the welcome is an empty conversation’s page, whole, and gone for good after Got it', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.page.setViewportSize(SMALL)
  await app.openReady(device.host.url)
  await expect(app.welcome).toBeVisible()
  await app.screens('welcome-900')
  // Every button of the card can be reached and none sits over the message box.
  const composerTop = (await app.message.boundingBox())?.y ?? 0
  for (const button of await app.welcome.getByRole('button').all()) {
    await button.scrollIntoViewIfNeeded()
    const box = await button.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(composerTop)
  }

  // Once the conversation has messages, they have the column: no card above them.
  await typeAndSend(app, 'I work at Acme Corp')
  await expect(app.lastReply()).toContainText('Noted: you work at Acme Corp')
  await expect(app.welcome).toBeHidden()
  await expect(app.settledMessages().first()).toBeInViewport()
  await app.screens('first-messages-900')

  // An empty conversation shows it again until Got it; then never again, reload or not.
  await app.newConversation.click()
  await expect(app.welcome).toBeVisible()
  await app.dismissWelcome()
  await app.openConversation('I work at Acme Corp')
  await expect(app.welcome).toBeHidden()
  await app.newConversation.click()
  await expect(app.chatTitle).toHaveText('New conversation')
  await expect(app.welcome).toBeHidden()
  await app.page.reload()
  await app.openReady(device.host.url)
  await expect(app.welcome).toBeHidden()
})

test('the welcome never calls an unreachable model ready; a reachable one is named', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.page.setViewportSize(SMALL)
  await app.openReady(device.host.url)
  const closed = `http://127.0.0.1:${await freePort()}/v1`
  await useProvider(app, closed)
  const ready = app.welcome.getByRole('status')
  await expect(ready).toContainText(`fake-model at ${closed} can’t answer right now`)
  await expect(ready).toContainText('switch to the offline assistant')
  await expect(app.welcome).not.toContainText('Replies come from')
  await expect(app.welcome).not.toContainText('the built-in assistant reads')
  await app.screens('welcome-unreachable-900')

  const fake = await startFakeOpenAI([])
  try {
    await useProvider(app, fake.url)
    await expect(ready).toHaveText(`Replies come from fake-model at ${fake.url}.`)
  } finally {
    await fake.close()
  }
})

test('Latest sits below the log, never over a message', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.page.setViewportSize(SMALL)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await typeAndSend(app, 'I live in Berlin')
  await expect(app.lastReply()).toContainText('Berlin')
  const id = (await app.request<{ id: string }[]>('conversations.list', {})).value?.[0]?.id
  for (let i = 0; i < 15; i++)
    await app.request('chat.send', { conversationId: id, text: `Note number ${i} for the log` })
  await expect(app.conversation).toHaveAttribute('data-total', '32')

  const latest = app.page.getByRole('button', { name: 'Latest' })
  for (const size of [SMALL, LARGE]) {
    await app.page.setViewportSize(size)
    await app.conversation.hover()
    await app.page.mouse.wheel(0, -1200)
    await expect(latest).toBeVisible()
    const log = await app.conversation.boundingBox()
    const button = await latest.boundingBox()
    expect(log && button).toBeTruthy()
    // The button is entirely below the log's box, so it covers no header in it.
    expect(button!.y).toBeGreaterThanOrEqual(log!.y + log!.height)
    await app.screens(`latest-${size.width}`)
    await latest.click()
    await expect(latest).toBeHidden()
  }
})

test('a neutralised javascript: link in a reply is plain text; a web link still opens', async ({
  device,
}) => {
  const fake = await startFakeOpenAI([
    {
      kind: 'text',
      text: 'See [the docs](javascript:alert(1)) or [the site](https://example.com/) or [home](/index.html).',
    },
  ])
  try {
    const app = new KeepsakePage(device.browser.page)
    await app.page.setViewportSize(LARGE)
    await app.openReady(device.host.url)
    await app.dismissWelcome()
    await useProvider(app, fake.url)
    await typeAndSend(app, 'Where are the docs?')
    const reply = app.lastReply()
    await expect(reply).toContainText('See the docs or the site or home.')
    await expect(reply.getByRole('link')).toHaveCount(1)
    await expect(reply.getByRole('link', { name: 'the site' })).toHaveAttribute(
      'href',
      'https://example.com/',
    )
    await expect(reply.locator('a[href=""], a:not([href])')).toHaveCount(0)
  } finally {
    await fake.close()
  }
})
