import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { FilesDialog } from './pages/files-dialog'
import { scanStoredText } from '../support/stored-text'

/** Words only the second space ever held, in every form storage could keep them. */
const SECRET = 'The spare key is under the Quarrelwick flowerpot'
const NEEDLES = ['Quarrelwick', 'quarrelwick']

const spacesSection = (page: Page) => page.getByRole('region', { name: 'Spaces on this device' })
const spaceRows = (page: Page) => spacesSection(page).getByRole('listitem')

const typeInto = async (page: Page, text: string): Promise<void> => {
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text, { delay: 25 })
  await page.keyboard.press('Enter')
}

test('spaces list: same names told apart by date, size and id; rename the open and a closed space; delete one for good', async ({
  device,
}) => {
  const page = device.browser.page
  await page.setViewportSize({ width: 1400, height: 900 })
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('I keep bees behind the shed', { typed: true })
  const firstId = (await app.request<{ spaceId: string }>('app.status', {})).value?.spaceId ?? ''

  // A second space of the same name: the first exported and imported as a new space.
  const files = new FilesDialog(page)
  const path = await files.exportSpaceTo(mkdtempSync(join(tmpdir(), 'keepsake-export-')), 'json')
  await files.importFrom(path, files.asNewSpace)
  // The window reloads onto the new space; asking while it does may meet the old page.
  await expect
    .poll(() =>
      app
        .request<{ spaceId: string }>('app.status', {})
        .then((r) => r.value?.spaceId)
        .catch(() => null),
    )
    .not.toMatch(new RegExp(`^(${firstId})?$`))
  await app.openReady(device.host.url)
  const secondId = (await app.request<{ spaceId: string }>('app.status', {})).value?.spaceId ?? ''
  await app.newConversation.click()
  await expect(app.chatTitle).toHaveText('New conversation')
  await app.say(SECRET, { typed: true })

  await files.open.click()
  await expect(spaceRows(page)).toHaveCount(2)
  const first = spaceRows(page).filter({ hasText: `#${firstId.slice(0, 6)}` })
  const second = spaceRows(page).filter({ hasText: `#${secondId.slice(0, 6)}` })
  // Both are called "My memory": each shows a short id, its dates and what it holds.
  for (const row of [first, second]) {
    await expect(row).toContainText('My memory')
    await expect(row).toContainText(/Created \w{3} \d+, \d{4}/)
    await expect(row).toContainText(/last used (just now|\d+ min ago)/)
  }
  await expect(first).toContainText('1 conversation · 2 messages')
  await expect(second).toContainText('2 conversations · 4 messages')
  // And what each keeps on this device, measured from its database's rows.
  const stored = /about (\d+(\.\d)? (KB|MB)|\d+ bytes) stored/
  for (const row of [first, second]) await expect(row).toContainText(stored)
  await expect(second).toContainText('open')
  await expect(second).toContainText('To delete this space, open another one first.')
  await expect(second.getByRole('button', { name: /^Delete/ })).toHaveCount(0)
  await spacesSection(page).scrollIntoViewIfNeeded()
  await app.screens('spaces-1400')
  await page.setViewportSize({ width: 900, height: 650 })
  await spacesSection(page).scrollIntoViewIfNeeded()
  await app.screens('spaces-900')
  await page.setViewportSize({ width: 1400, height: 900 })

  // Rename the open space, then the other one, typing as a person would.
  await second.getByRole('button', { name: /^Rename/ }).click()
  await typeInto(page, 'Holiday house')
  const holiday = spaceRows(page).filter({ hasText: 'Holiday house' })
  await expect(holiday).toHaveCount(1)
  // Names differ now: no ids needed.
  await expect(spaceRows(page).filter({ hasText: '#' })).toHaveCount(0)
  await expect
    .poll(async () => (await app.request<{ spaceName: string }>('app.status', {})).value?.spaceName)
    .toBe('Holiday house')
  await spaceRows(page)
    .filter({ hasText: 'My memory' })
    .getByRole('button', { name: 'Rename My memory' })
    .click()
  await typeInto(page, 'Work')
  await expect(spaceRows(page).filter({ hasText: 'Work' })).toHaveCount(1)
  // An empty name is refused with the reason, and nothing changes.
  await holiday.getByRole('button', { name: 'Rename Holiday house' }).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')
  await expect(spacesSection(page).getByRole('alert')).toContainText('Type a name for the space.')
  await page.keyboard.press('Escape')
  await expect(spaceRows(page).filter({ hasText: 'Holiday house' })).toHaveCount(1)

  // Before deleting: the scan finds the second space's words where they are stored.
  const before = await scanStoredText(page, NEEDLES)
  expect(before.hits.some((h) => h.where.includes(`keepsake-space-${secondId}`))).toBe(true)

  // Delete it: open the other space first, then delete from the list, after a Cancel.
  const reloaded = page.waitForEvent('load')
  await spaceRows(page)
    .filter({ hasText: 'Work' })
    .getByRole('button', { name: 'Open Work' })
    .click()
  await reloaded
  await expect(app.settingsButton).toBeVisible()
  await page.waitForFunction(() => 'keepsakeClient' in window)
  await expect(app.conversationRow('I keep bees behind the shed')).toHaveCount(1)
  await files.open.click()
  await spaceRows(page)
    .filter({ hasText: 'Holiday house' })
    .getByRole('button', { name: 'Delete Holiday house' })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Delete “Holiday house”?' })
  await expect(confirm).toContainText('2 conversations · 4 messages')
  await expect(confirm).toContainText('deleted from this device for good')
  await app.screens('spaces-delete-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(spaceRows(page)).toHaveCount(2)
  await spaceRows(page)
    .filter({ hasText: 'Holiday house' })
    .getByRole('button', { name: 'Delete Holiday house' })
    .click()
  await confirm.getByRole('button', { name: 'Delete space' }).click()
  await expect(spaceRows(page)).toHaveCount(1)
  await expect(spaceRows(page)).toContainText('Work')
  await expect(app.toasts).toContainText('Deleted “Holiday house” from this device.')

  // Gone from storage: no database of that space, and its words nowhere the profile stores data.
  const databases = await page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name ?? ''),
  )
  expect(databases).not.toContain(`keepsake-space-${secondId}`)
  expect(databases).toContain(`keepsake-space-${firstId}`)
  const after = await scanStoredText(page, NEEDLES)
  expect(after.hits).toEqual([])
  expect(after.rows).toBeGreaterThan(0)

  await page.reload()
  await app.openReady(device.host.url)
  await files.open.click()
  await expect(spaceRows(page)).toHaveCount(1)
  await expect(spaceRows(page)).toContainText('Work')
  await expect(spaceRows(page)).toContainText('1 conversation · 2 messages')
})
