import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { startRelayProcess } from '../support/relay-process'
import { KeepsakePage } from './pages/keepsake-page'
import { Laptop } from './pages/sync-page'

/** Pinned conversations stay on top of the list, across sends, reloads, kills and laptops. */

const pinnedList = (app: KeepsakePage) => app.sidebar.getByRole('list', { name: 'Pinned' })
const recentList = (app: KeepsakePage) => app.sidebar.getByRole('list', { name: 'Recent' })
const titles = (app: KeepsakePage) => app.sidebar.locator('.conv-open .conv-title').allInnerTexts()

test('pin a conversation from the keyboard: it stays on top through new messages, a reload and a kill', async ({
  device,
}) => {
  const page = device.browser.page
  await page.setViewportSize({ width: 1400, height: 900 })
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Recipes to try this week', { typed: true })
  for (const text of ['Car service booking on Friday', 'Notes on the garden']) {
    await app.newConversation.click()
    await app.say(text, { typed: true })
  }
  // Newest activity first, and no groups while nothing is pinned.
  await expect
    .poll(() => titles(app))
    .toEqual(['Notes on the garden', 'Car service booking on Friday', 'Recipes to try this week'])
  await expect(app.sidebar.getByRole('heading', { name: 'Pinned' })).toHaveCount(0)

  // From the keyboard: the row's own buttons follow it in the tab order.
  await app.conversationRow('Recipes to try this week').locator('button.conv-open').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const pin = app.sidebar.getByRole('button', { name: 'Pin “Recipes to try this week”' })
  await expect(pin).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(pinnedList(app).getByRole('listitem')).toHaveCount(1)
  await expect(pinnedList(app)).toContainText('Recipes to try this week')
  await expect(recentList(app).getByRole('listitem')).toHaveCount(2)
  await expect
    .poll(() => titles(app))
    .toEqual(['Recipes to try this week', 'Notes on the garden', 'Car service booking on Friday'])

  // New activity elsewhere reorders the rest, never above the pin.
  await app.openConversation('Car service booking on Friday')
  await app.say('It needs new brake pads too', { typed: true })
  await expect
    .poll(() => titles(app))
    .toEqual(['Recipes to try this week', 'Car service booking on Friday', 'Notes on the garden'])
  await app.conversationRow('Recipes to try this week').hover()
  await app.screens('pin-1400')
  await page.setViewportSize({ width: 900, height: 650 })
  await app.conversationRow('Recipes to try this week').hover()
  await app.screens('pin-900')

  await page.reload()
  await app.openReady(device.host.url)
  await expect(pinnedList(app)).toContainText('Recipes to try this week')

  await device.crashAndRestart()
  const after = new KeepsakePage(device.browser.page)
  await after.openReady(device.host.url)
  await expect(pinnedList(after).getByRole('listitem')).toHaveCount(1)
  await expect(pinnedList(after)).toContainText('Recipes to try this week')

  // Unpinned, it goes back to its place by activity and the groups go.
  await after.conversationRow('Recipes to try this week').hover()
  await after.sidebar.getByRole('button', { name: 'Unpin “Recipes to try this week”' }).click()
  await expect(after.sidebar.getByRole('heading', { name: 'Pinned' })).toHaveCount(0)
  await expect
    .poll(() => titles(after))
    .toEqual(['Car service booking on Friday', 'Notes on the garden', 'Recipes to try this week'])
})

test('a pin made on one laptop shows on the other, and unpinning there unpins it here', async () => {
  const relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const laptops: Laptop[] = []
  try {
    const a = await Laptop.open('laptop A')
    laptops.push(a)
    await a.app.say('Plan the trip to Oslo', { typed: true })
    await a.app.newConversation.click()
    await a.app.say('Weekly shopping list', { typed: true })
    const code = await a.sync.createPairing(relay.url, 'laptop A')
    await a.sync.expectConnected()
    await a.sync.closeDialog()
    const b = await Laptop.open('laptop B')
    laptops.push(b)
    await b.sync.joinWith(code, 'laptop B')
    await b.sync.expectConnected()
    await b.sync.closeDialog()
    await expect
      .poll(() => titles(b.app))
      .toEqual(['Weekly shopping list', 'Plan the trip to Oslo'])

    await a.app.conversationRow('Plan the trip to Oslo').hover()
    await a.app.sidebar.getByRole('button', { name: 'Pin “Plan the trip to Oslo”' }).click()
    await expect(pinnedList(a.app)).toContainText('Plan the trip to Oslo')
    await expect(pinnedList(b.app)).toContainText('Plan the trip to Oslo')
    await expect
      .poll(() => titles(b.app))
      .toEqual(['Plan the trip to Oslo', 'Weekly shopping list'])

    await b.app.conversationRow('Plan the trip to Oslo').hover()
    await b.app.sidebar.getByRole('button', { name: 'Unpin “Plan the trip to Oslo”' }).click()
    await expect(b.app.sidebar.getByRole('heading', { name: 'Pinned' })).toHaveCount(0)
    await expect(a.app.sidebar.getByRole('heading', { name: 'Pinned' })).toHaveCount(0)
    await expect
      .poll(() => titles(a.app))
      .toEqual(['Weekly shopping list', 'Plan the trip to Oslo'])
  } finally {
    await Promise.all(laptops.map((l) => l.close()))
    await relay.stop()
  }
})
