import { mkdtempSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { Laptop } from './pages/sync-page'
import { scanStoredText, type StorageScan } from '../support/stored-text'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'

/** Said in passing, so the offline assistant files nothing from it and its words live only in the log. */
const SECRET = 'Rust is a nice language, says Quillonvex from the Zarnitsa office'
/** Every form the secret could be stored in: as typed, and as the search index lowercases its words. */
const SECRET_NEEDLES = [SECRET, 'Quillonvex', 'quillonvex', 'Zarnitsa', 'zarnitsa']
const KEPT = 'Rust is a nice language, says Bellamorph'
const LATER = 'Rust is a nice language, says Kestrowyn'

const where = (scan: StorageScan): string[] => scan.hits.map((h) => `${h.needle} @ ${h.where}`)

/** Types like a person: key by key, then Enter, and waits for the reply. */
async function sayTyped(app: KeepsakePage, text: string): Promise<void> {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 40 })
  await app.page.keyboard.press('Enter')
  await expect(app.message).toHaveValue('')
  await expect(app.conversation).toContainText(text)
  await expect(app.lastReply()).toContainText("I kept your message but didn't store anything")
}

test('a conversation deleted for good from Trash is in no stored row, and Empty Trash does the same', async ({
  device,
}) => {
  const page = device.browser.page
  await page.setViewportSize({ width: 1400, height: 900 })
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  await sayTyped(app, SECRET)
  const secretTitle = (await app.chatTitle.textContent()) ?? ''
  await app.newConversation.click()
  await sayTyped(app, KEPT)
  await app.newConversation.click()
  await sayTyped(app, 'Rust is a nice language, says Ottoline')
  const otherTitle = (await app.chatTitle.textContent()) ?? ''
  await expect(app.memoryItems).toHaveCount(0)

  // Not vacuous: before deleting, the scan finds the secret in the log, the read model and the index.
  const before = await scanStoredText(page, SECRET_NEEDLES)
  expect(before.hits.some((h) => h.where.includes('/messagePages['))).toBe(true)
  expect(before.hits.some((h) => /\/(updates|snapshots)\[/.test(h.where))).toBe(true)

  // Trash it, then preview it read-only from Trash: the full title is a tooltip.
  for (const title of [secretTitle, otherTitle]) {
    const row = app.conversationRow(title)
    await row.hover()
    await row.getByRole('button', { name: /to Trash$/ }).click()
    await expect(app.conversationRow(title)).toHaveCount(0)
  }
  await app.trashButton.click()
  await expect(app.trash).toBeVisible()
  const trashed = app.trash.getByRole('button', { name: `Preview “${secretTitle}”` })
  await expect(trashed).toHaveAttribute('title', secretTitle)
  await trashed.click()
  const preview = page.getByRole('dialog', { name: secretTitle })
  await expect(preview).toContainText('read-only')
  await expect(preview).toContainText(SECRET)
  await expect(preview.getByRole('textbox')).toHaveCount(0)
  await app.screens('trash-preview')
  await preview.getByRole('button', { name: 'Delete forever…' }).click()

  const confirm = page.getByRole('dialog', { name: `Delete “${secretTitle}” forever?` })
  await expect(confirm).toContainText('every device it syncs with')
  // The safe choice has focus: Enter here would cancel, not delete.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await app.screens('delete-forever-confirm')
  await confirm.getByRole('button', { name: 'Delete forever' }).click()
  await expect(confirm).toBeHidden()
  await expect(app.toasts).toContainText(`Deleted “${secretTitle}” for good.`)
  await expect(app.trash.getByRole('listitem')).toHaveCount(1)

  // Empty Trash takes the rest, after asking.
  await app.trash.getByRole('button', { name: 'Empty Trash…' }).click()
  const emptyConfirm = page.getByRole('dialog', { name: 'Empty Trash?' })
  await expect(emptyConfirm).toContainText('1 conversation (2 messages)')
  await emptyConfirm.getByRole('button', { name: 'Delete 1 forever' }).click()
  await expect(app.trash).toContainText('Trash is empty.')
  await expect(app.toasts).toContainText('Deleted 1 conversation for good.')

  const after = await scanStoredText(page, [...SECRET_NEEDLES, 'Ottoline', KEPT])
  expect(where(after).filter((w) => !w.startsWith(KEPT))).toEqual([])
  // The scan read real data: the kept conversation is found where the secret used to be.
  expect(after.hits.some((h) => h.needle === KEPT && h.where.includes('/messagePages['))).toBe(true)
  expect(after.hits.some((h) => h.needle === KEPT && /\/(updates|snapshots)\[/.test(h.where))).toBe(
    true,
  )
  expect(after.databases.some((d) => d.startsWith('keepsake-space-'))).toBe(true)

  // After a restart nothing comes back, and search finds nothing of it.
  await page.reload()
  await app.openReady(device.host.url)
  await expect(app.conversationRows).toHaveCount(1)
  const found = await app.request<unknown[]>('search.all', { query: 'Quillonvex Zarnitsa' })
  expect(found.value).toEqual([])
  expect(where(await scanStoredText(page, SECRET_NEEDLES))).toEqual([])
})

test('a message deleted for good is in no stored row; the rest of its conversation stays', async ({
  device,
}) => {
  const page = device.browser.page
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await sayTyped(app, KEPT)
  await sayTyped(app, SECRET)
  // Delete it from its action bar, after confirming.
  const message = app.conversation.getByRole('article').filter({ hasText: SECRET })
  await message.hover()
  await message.getByRole('button', { name: 'Delete', exact: true }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete this message for good?' })
  await expect(confirm).toContainText(SECRET)
  await app.screens('delete-message-confirm')
  await confirm.getByRole('button', { name: 'Delete forever' }).click()
  await expect(app.toasts).toContainText('Message deleted for good.')
  await expect(app.conversation).not.toContainText('Quillonvex')
  await expect(app.conversation).toContainText(KEPT)
  await expect(app.conversationRows.first()).toContainText('3 messages')

  const after = await scanStoredText(page, [...SECRET_NEEDLES, KEPT])
  expect(where(after).filter((w) => !w.startsWith(KEPT))).toEqual([])
  expect(after.hits.some((h) => h.needle === KEPT && h.where.includes('/messagePages['))).toBe(true)
  await page.reload()
  await app.openReady(device.host.url)
  await expect(app.conversation).toContainText(KEPT)
  await expect(app.conversation).not.toContainText('Quillonvex')

  // Deleting the message the title was made from renames the conversation: the title kept its words.
  const first = app.conversation.getByRole('article').filter({ hasText: KEPT })
  await first.hover()
  await first.getByRole('button', { name: 'Delete', exact: true }).click()
  await page
    .getByRole('dialog', { name: 'Delete this message for good?' })
    .getByRole('button', { name: 'Delete forever' })
    .click()
  await expect(app.chatTitle).toHaveText('New conversation')
  await expect(app.conversationRows.first()).toContainText('2 messages')
  expect(where(await scanStoredText(page, ['Bellamorph', ...SECRET_NEEDLES]))).toEqual([])
})

test.describe('on two laptops', () => {
  let relay: RelayProcess
  const laptops: Laptop[] = []
  test.beforeAll(async () => {
    relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  })
  test.afterEach(async () => {
    await Promise.all(laptops.splice(0).map((l) => l.close()))
  })
  test.afterAll(async () => {
    await relay.stop()
  })

  test('a deletion for good reaches the other laptop and leaves nothing in its storage either', async () => {
    const a = await Laptop.open('laptop A')
    laptops.push(a)
    await sayTyped(a.app, SECRET)
    const title = (await a.app.chatTitle.textContent()) ?? ''
    await a.app.newConversation.click()
    await sayTyped(a.app, KEPT)
    await sayTyped(a.app, LATER)
    const code = await a.sync.createPairing(relay.url, 'laptop A')
    await a.sync.expectConnected()
    await a.sync.closeDialog()

    const b = await Laptop.open('laptop B')
    laptops.push(b)
    await b.sync.joinWith(code, 'laptop B')
    await b.sync.expectConnected()
    await b.sync.closeDialog()
    await expect(b.app.conversationRow(title)).toHaveCount(1)
    await b.app.openConversation(title)
    await expect(b.app.conversation).toContainText(SECRET)
    expect((await scanStoredText(b.app.page, SECRET_NEEDLES)).hits.length).toBeGreaterThan(0)

    // A deletes it for good from Trash.
    const row = a.app.conversationRow(title)
    await row.hover()
    await row.getByRole('button', { name: /to Trash$/ }).click()
    await a.app.trashButton.click()
    await a.app.trash.getByRole('button', { name: `Delete “${title}” forever` }).click()
    await a.app.page
      .getByRole('dialog', { name: `Delete “${title}” forever?` })
      .getByRole('button', { name: 'Delete forever' })
      .click()
    await expect(a.app.trash).toContainText('Trash is empty.')
    await expect(a.app.toasts).toContainText(`Deleted “${title}” for good.`)

    // B loses it too, from its list, its open view and its storage.
    await expect(b.app.conversationRow(title)).toHaveCount(0)
    await expect(b.app.conversation).not.toContainText('Quillonvex')
    await expect
      .poll(async () => where(await scanStoredText(b.app.page, SECRET_NEEDLES)), {
        timeout: 30_000,
      })
      .toEqual([])
    expect(where(await scanStoredText(a.app.page, SECRET_NEEDLES))).toEqual([])
    // Still synced both ways afterwards, and B keeps what was not deleted.
    await b.app.openConversation(KEPT)
    await expect(b.app.conversation).toContainText(KEPT)

    // A message deleted for good on B leaves A's screen and A's storage.
    await a.app.trash.getByRole('button', { name: 'Back to conversations' }).click()
    await a.app.openConversation(KEPT)
    await expect(a.app.conversation).toContainText(KEPT)
    const kept = b.app.conversation.getByRole('article').filter({ hasText: LATER })
    await kept.hover()
    await kept.getByRole('button', { name: 'Delete', exact: true }).click()
    await b.app.page
      .getByRole('dialog', { name: 'Delete this message for good?' })
      .getByRole('button', { name: 'Delete forever' })
      .click()
    await expect(b.app.toasts).toContainText('Message deleted for good.')
    await expect(a.app.conversation.getByRole('article').filter({ hasText: LATER })).toHaveCount(0)
    await expect(a.app.conversation).toContainText(KEPT)
    await expect
      .poll(async () => where(await scanStoredText(a.app.page, ['Kestrowyn'])), {
        timeout: 30_000,
      })
      .toEqual([])

    // The relay only ever held ciphertext: the deleted words are in none of its files (this relay
    // serves only this test's space).
    const files = (await readdir(relay.dataDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
    const stored = Buffer.concat(await Promise.all(files.map((f) => readFile(f))))
    expect(stored.length).toBeGreaterThan(1000)
    for (const plain of [...SECRET_NEEDLES, 'Bellamorph'])
      expect(stored.includes(Buffer.from(plain))).toBe(false)
  })
})
