import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'
import { FilesDialog } from './pages/files-dialog'

/**
 * A space's name lives in its document: joining keeps the name it has, a rename on one laptop
 * reaches the other through the relay, and a Spaces list open there follows without being reopened.
 */

const laptops: Laptop[] = []
let relay: RelayProcess | null = null

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await relay?.stop()
  relay = null
})

const open = async (name: string): Promise<Laptop> => {
  const laptop = await Laptop.open(name)
  laptops.push(laptop)
  return laptop
}

/** The row of the space open in this window, in the Files dialog's Spaces list. */
const openSpaceRow = (page: Page) =>
  page
    .getByRole('region', { name: 'Spaces on this device' })
    .getByRole('listitem')
    .filter({ has: page.locator('.space-open') })

/** The open space's name as its row shows it (followed by "open"). */
const openSpaceName = (page: Page) => openSpaceRow(page).locator('.space-name')

/** Renames the open space from its row in the Files dialog, typing at a person's pace. */
const renameOpenSpace = async (page: Page, to: string): Promise<void> => {
  await openSpaceRow(page)
    .getByRole('button', { name: /^Rename/ })
    .click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(to, { delay: 40 })
  await page.keyboard.press('Enter')
}

const statusName = async (laptop: Laptop): Promise<string | undefined> =>
  (await laptop.app.request<{ spaceName: string }>('app.status', {})).value?.spaceName

test('joining keeps the space’s name; a rename on one laptop reaches the other, in a Spaces list already open there', async () => {
  relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const a = await open('laptop A')
  await a.app.say('I keep bees behind the shed', { typed: true })
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expect(b.app.conversationRow('I keep bees behind the shed')).toHaveCount(1)

  // Joining does not rename the space: both laptops call it what A called it.
  const filesA = new FilesDialog(a.app.page)
  const filesB = new FilesDialog(b.app.page)
  await filesA.open.click()
  await expect(openSpaceName(a.app.page)).toHaveText(/^My memory/)
  await filesB.open.click()
  await expect(openSpaceName(b.app.page)).toHaveText(/^My memory/)
  expect(await statusName(a)).toBe('My memory')
  // Nothing the join wrote was left unreadable (a space document's meta without its dates would be).
  await expect(b.app.memory).not.toContainText('could not be read')

  // B looks at its spaces while A renames the shared one.
  await renameOpenSpace(a.app.page, 'Holiday house')
  await expect(openSpaceName(a.app.page)).toHaveText(/^Holiday house/)
  await expect(openSpaceName(b.app.page)).toHaveText(/^Holiday house/)
  await expect.poll(() => statusName(b)).toBe('Holiday house')
  for (const size of [
    { width: 1400, height: 900 },
    { width: 900, height: 650 },
  ]) {
    await b.app.page.setViewportSize(size)
    await openSpaceRow(b.app.page).scrollIntoViewIfNeeded()
    await b.app.screens(`space-renamed-by-sync-${size.width}`)
  }

  // And back the other way: B renames, A's open list follows.
  await renameOpenSpace(b.app.page, 'Family')
  await expect(openSpaceName(b.app.page)).toHaveText(/^Family/)
  await expect(openSpaceName(a.app.page)).toHaveText(/^Family/)

  // The name is stored: after a reload B still calls it Family.
  await b.app.page.reload()
  await b.app.openReady(b.device.host.url)
  await filesB.open.click()
  await expect(openSpaceName(b.app.page)).toHaveText(/^Family/)
})
