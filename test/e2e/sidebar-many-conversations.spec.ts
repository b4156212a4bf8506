import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chatGptShardedZip } from '../fixtures/imports/export-zips'
import { generateChatGptShards } from '../fixtures/imports/generate-chatgpt'
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'

// A person arriving with years of ChatGPT history: 1,500 conversations (two messages each, so the
// import is quick). Conversation c is titled "<topic> #c+1"; the newest, #1500, is listed first.
const CONVERSATIONS = 1_500
const TOPICS = [
  'pgvector index tuning',
  'a weekend in Porto',
  'sourdough hydration',
  'learning the cello',
  'a budget for the new flat',
  'hybrid search accuracy',
  'running a 10k in spring',
  'moving to America/New_York time',
]
const title = (n: number): string => `${TOPICS[(n - 1) % TOPICS.length]} #${n}`

/** Waits until the list has stopped scrolling (wheel events land over several frames). */
async function settled(list: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const before = await list.evaluate((el) => el.scrollTop)
      await list.page().waitForTimeout(250)
      return (await list.evaluate((el) => el.scrollTop)) === before
    })
    .toBe(true)
}

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1360, height: 860 })
})

test('a space with 1,500 conversations lists them all without putting 1,500 rows in the page, and scrolls and moves by keyboard', async ({
  device,
}) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-sidebar-'))
  const zip = join(dir, 'chatgpt-export.zip')
  writeFileSync(zip, chatGptShardedZip(generateChatGptShards(CONVERSATIONS * 2, 2)))
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const files = new FilesDialog(app.page)
  await files.importFrom(zip, files.asNewSpace)

  // The newest conversation heads the list, which says how long it is.
  const first = app.conversationRows.first()
  await expect(first).toContainText(title(CONVERSATIONS), { timeout: 60_000 })
  await expect(first).toHaveAttribute('aria-setsize', String(CONVERSATIONS))
  await expect(first).toHaveAttribute('aria-posinset', '1')
  // Only the rows in view (and a few beyond) are in the page.
  expect(await app.conversationRows.count()).toBeLessThan(60)
  await app.screens('sidebar-many-conversations')

  // Scrolling the list with the wheel brings older conversations in and lets the top ones go.
  const list = app.sidebar.locator('.conv-groups')
  await list.hover()
  for (let i = 0; i < 10; i++) await app.page.mouse.wheel(0, 1200)
  await settled(list)
  await expect(app.conversationRow(title(CONVERSATIONS))).toHaveCount(0)
  const deeper = Number(await app.conversationRows.first().getAttribute('aria-posinset'))
  expect(deeper).toBeGreaterThan(100)
  await expect(app.conversationRow(title(CONVERSATIONS + 1 - deeper - 5))).toBeVisible()
  expect(await app.conversationRows.count()).toBeLessThan(60)

  // Back at the top, the keyboard reaches every conversation: End goes to the oldest, ArrowUp to
  // the one before it, Enter opens it.
  await list.evaluate((el) => el.scrollTo({ top: 0 }))
  await app.conversationRow(title(CONVERSATIONS)).locator('button.conv-open').focus()
  await app.page.keyboard.press('End')
  const oldest = app.conversationRow(title(1)).locator('button.conv-open')
  await expect(oldest).toBeFocused()
  await expect(oldest).toBeInViewport()
  await app.page.keyboard.press('ArrowUp')
  await expect(app.conversationRow(title(2)).locator('button.conv-open')).toBeFocused()
  await app.page.keyboard.press('Enter')
  await expect(app.chatTitle).toHaveText(title(2))

  // The focused row stays in the page while the person scrolls away from it, so the keys still
  // move on from it.
  await app.page.keyboard.press('Home')
  const newest = app.conversationRow(title(CONVERSATIONS)).locator('button.conv-open')
  await expect(newest).toBeFocused()
  await list.hover()
  for (let i = 0; i < 10; i++) await app.page.mouse.wheel(0, 1200)
  await expect(newest).not.toBeInViewport()
  await expect(newest).toBeFocused()
  await app.page.keyboard.press('ArrowDown')
  await expect(
    app.conversationRow(title(CONVERSATIONS - 1)).locator('button.conv-open'),
  ).toBeFocused()

  // The filter still searches every conversation, not only the rows in the page.
  await app.searchConversations.fill(`#${17}`)
  await expect(app.conversationRow(title(17))).toBeVisible()
})
