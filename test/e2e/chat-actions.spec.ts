import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { Laptop } from './pages/sync-page'
import { startFakeOpenAI } from '../support/fake-openai-server'
import { startRelayProcess } from '../support/relay-process'

const typeAndSend = async (app: KeepsakePage, text: string): Promise<void> => {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 40 })
  await app.page.keyboard.press('Enter')
}

const bodies = (app: KeepsakePage): Promise<string[]> =>
  app.settledMessages().locator('.message-body').allTextContents()

test('each message has Copy; your own has Edit and resend; the newest reply has Regenerate', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.page.setViewportSize({ width: 1400, height: 900 })
  await device.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(device.host.url).origin,
  })
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await typeAndSend(app, 'I live in Berlin')
  await expect(app.lastReply()).toContainText('Noted: you live in Berlin.')

  const mine = app.settledMessages().first()
  await mine.hover()
  await mine.getByRole('button', { name: 'Copy' }).click()
  await expect(mine.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe('I live in Berlin')

  // Edit and resend: the message comes back into the box, is changed and sent as a new one.
  await mine.getByRole('button', { name: 'Edit and resend' }).click()
  await expect(app.message).toHaveValue('I live in Berlin')
  await expect(app.message).toBeFocused()
  await app.page.keyboard.type(' and work at Acme Corp', { delay: 40 })
  await app.page.keyboard.press('Enter')
  await expect(app.lastReply()).toContainText('Acme Corp')
  await expect.poll(() => bodies(app)).toHaveLength(4)
  expect((await bodies(app))[2]).toBe('I live in Berlin and work at Acme Corp')

  // Regenerate asks again for the newest reply: a new answer under the same question.
  const reply = app.lastReply()
  await reply.hover()
  await app.screens('message-actions')
  await reply.getByRole('button', { name: 'Regenerate' }).click()
  await expect.poll(() => bodies(app)).toHaveLength(5)
  // Only the newest answer to a question offers Regenerate.
  await expect(app.conversation.getByRole('button', { name: 'Regenerate' })).toHaveCount(2)
})

test('on the other laptop, a failure that was answered shows neither the error nor Retry', async () => {
  const relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const fake = await startFakeOpenAI([
    { kind: 'http-error', status: 500, message: 'model crashed' },
    { kind: 'text', text: 'Answered on the second try.' },
  ])
  const laptops: Laptop[] = []
  try {
    const a = await Laptop.open('laptop A')
    laptops.push(a)
    const code = await a.sync.createPairing(relay.url, 'laptop A')
    await a.sync.expectConnected()
    await a.sync.closeDialog()
    const b = await Laptop.open('laptop B')
    laptops.push(b)
    await b.sync.joinWith(code, 'laptop B')
    await b.sync.expectConnected()
    await b.sync.closeDialog()

    const set = await a.app.request('settings.update', {
      provider: { kind: 'openai-compatible', baseUrl: fake.url, model: 'fake-model' },
    })
    expect(set.ok).toBe(true)
    await typeAndSend(a.app, 'Are you there?')
    const failed = a.app.conversation.locator('article.failed')
    await failed.getByRole('button', { name: 'Retry' }).click()
    await expect(a.app.lastReply()).toContainText('Answered on the second try.')
    await expect(failed).toHaveCount(0)

    await b.app.openConversation('Are you there?')
    await expect(b.app.lastReply()).toContainText('Answered on the second try.')
    await expect(b.app.conversation.locator('article.failed')).toHaveCount(0)
    await expect(b.app.conversation.getByRole('button', { name: 'Retry' })).toHaveCount(0)
  } finally {
    await Promise.all(laptops.map((l) => l.close()))
    await relay.stop()
    await fake.close()
  }
})
