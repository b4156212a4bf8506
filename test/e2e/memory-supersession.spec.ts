import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** A laptop window; the default headless page is smaller than any desktop window. */
const DESKTOP = { width: 1360, height: 860 }

test('a contradicting statement supersedes the old value, which stays as history with its end date', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  await app.say('My timezone is America/New_York')
  await expect(app.lastReply()).toContainText('America/New_York')
  await app.say('My timezone is Europe/Berlin')
  await expect(app.lastReply()).toContainText('Europe/Berlin')

  const berlin = app.memoryItems.filter({ hasText: 'Europe/Berlin' })
  await expect(berlin).toHaveCount(1)
  await expect(app.memoryItems.filter({ hasText: 'America/New_York' })).toHaveCount(0)

  await berlin.getByRole('button', { name: 'History' }).click()
  await expect(berlin).toContainText(/was America\/New_York until \w+/)

  // Provenance: the current value links to the message that said it (the third message, index 2).
  type View = { items: { item: { id: string; status: string; text: string } }[] }
  const list = await app.request<View>('memory.list', {})
  const current = list.value?.items.find(
    (v) => v.item.status === 'active' && v.item.text.includes('Berlin'),
  )
  const source = await app.request('memory.source', { id: current?.item.id })
  expect(source).toMatchObject({ ok: true, value: { offset: 2 } })
  await expect(berlin.getByRole('button', { name: 'Source message' })).toBeVisible()

  await app.say('What do you know about me?')
  await expect(app.lastReply()).toContainText('Europe/Berlin')
  await expect(app.lastReply()).not.toContainText('New_York')
})
