import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'
import { startLocalModelServer, type LocalModelServer } from '../support/local-model-server'

let server: LocalModelServer | null = null
test.afterEach(async () => {
  await server?.close()
  server = null
})

/** Replaces what a field holds the way a person does: select all, then type at a person's pace. */
async function retype(
  app: KeepsakePage,
  field: ReturnType<KeepsakePage['page']['getByRole']>,
  text: string,
) {
  await field.click()
  await app.page.keyboard.press('Control+A')
  await app.page.keyboard.type(text, { delay: 40 })
}

test('sidebar: Esc out of rename gives focus back to the conversation, and “just now” ages', async ({
  device,
}) => {
  const page = device.browser.page
  // The page's clock runs normally until fast-forwarded (the runtime's worker keeps real time).
  await page.clock.install()
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.message.click()
  await page.keyboard.type('Rust is a nice language', { delay: 40 })
  await page.keyboard.press('Enter')
  const row = app.conversationRow('Rust is a nice language')
  await expect(row).toContainText('just now')

  // F2 renames from the keyboard; Esc puts focus back on the row, not on the page body.
  const open = row.getByRole('button', { name: /Rust is a nice language/ }).first()
  await open.focus()
  await page.keyboard.press('F2')
  const title = app.sidebar.getByRole('textbox', { name: 'Conversation title' })
  await expect(title).toBeFocused()
  await page.keyboard.type(' and more', { delay: 40 })
  await page.keyboard.press('Escape')
  await expect(title).toBeHidden()
  await expect(open).toBeFocused()
  await expect(row).toHaveCount(1)

  // Five minutes later the row says so, with nothing else happening.
  await page.clock.fastForward('05:00')
  await expect(row).toContainText('5 min ago')
  await expect(open).toHaveAttribute('title', 'Rust is a nice language')
})

test('settings: refused values say which field and what it takes; errors show above the dialog', async ({
  device,
}) => {
  server = await startLocalModelServer('llama.cpp', [], {
    models: [{ id: 'tiny-model', context: 1024, tools: true }],
  })
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.openSettings()
  const settings = app.settingsDialog

  // Freshness of a billion days: named, with its range, and not saved.
  const facts = settings.getByRole('spinbutton', { name: 'Facts stay fresh for' })
  await retype(app, facts, '1000000000')
  await app.page.keyboard.press('Enter')
  await expect(settings).toContainText('Facts stay fresh for: use between 0.01 and 36,500 days.')
  await expect(settings).not.toContainText('Something went wrong')
  expect(
    (await app.request<{ freshness: { fact: number } }>('settings.get', {})).value?.freshness.fact,
  ).toBe(90 * 24)

  // A context window too small to hold the instructions and memory is refused with the minimum.
  const window = settings.getByRole('spinbutton', { name: 'Model context window' })
  await retype(app, window, '1024')
  await app.page.keyboard.press('Enter')
  await expect(settings).toContainText(/Model context window: use at least [\d,]+ tokens\./)
  expect(
    (await app.request<{ contextWindow: number }>('settings.get', {})).value?.contextWindow,
  ).toBe(8192)

  // A model server: the model name is not asked for before the person has been to its field.
  await settings.getByRole('radio', { name: 'OpenAI-compatible' }).check()
  await expect(settings).not.toContainText('Enter a model name.')
  await retype(app, settings.getByLabel('Base URL'), server.url)
  await retype(app, settings.getByRole('combobox', { name: 'Model' }), 'tiny-model')
  await settings.getByRole('button', { name: 'Test connection' }).click()
  const status = settings.getByRole('status')
  await expect(status).toContainText('with a context of 1,024 tokens')

  // Taking the server's tiny context is refused, and the error is drawn inside the dialog, on top.
  await status.getByRole('button', { name: 'Use 1,024 as the context window' }).click()
  const error = settings.locator('.toasts').getByRole('alert')
  await expect(error).toBeVisible()
  await expect(error).toContainText(/Model context window: use at least [\d,]+ tokens/)
  const box = await error.boundingBox()
  expect(box).not.toBeNull()
  // What is on top at the toast's centre is the toast itself, not the dialog over it.
  const onTop = await app.page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.toast') !== null,
    [box!.x + box!.width / 2, box!.y + box!.height / 2],
  )
  expect(onTop).toBe(true)
  await app.screens('settings-refused')
})

test('Import “Replace” asks first, then says what it did with the backup ready to download', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.message.click()
  await app.page.keyboard.type('My timezone is America/New_York', { delay: 40 })
  await app.page.keyboard.press('Enter')
  await expect(app.memoryItem('America/New_York')).toHaveCount(1)
  const files = new FilesDialog(app.page)
  const path = await files.exportSpaceTo(mkdtempSync(join(tmpdir(), 'keepsake-export-')), 'json')

  // Replace does nothing until confirmed; Cancel changes nothing.
  await files.open.click()
  await files.importFile.setInputFiles(path)
  await files.replace.check()
  await files.importButton.click()
  const confirm = app.page.getByRole('dialog', { name: /^Replace “.*”\?$/ })
  await expect(confirm).toContainText('A backup of the space as it is now is kept here')
  await app.screens('replace-confirm')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(files.status).toHaveCount(0)

  await files.importButton.click()
  await confirm.getByRole('button', { name: 'Replace', exact: true }).click()
  // The window reloads onto the replaced space and the dialog says what happened, backup link included.
  await expect(files.dialog).toBeVisible()
  await expect(files.status).toContainText(/Replaced the space with .*\.keepsake\.json/)
  await expect(files.status).toContainText('The space as it was is kept as')
  await expect(files.dialog.getByRole('button', { name: 'Download backup' })).toBeVisible()
  await app.screens('replace-done')
})

test('the sidebar filter finds a conversation by what was said in it, not only its title', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Rust is a nice language')
  await app.say('The Quarnbeck bridge was lovely in the fog')
  await app.newConversation.click()
  await app.say('Go is a fine language too')
  await expect(app.conversationRows).toHaveCount(2)

  await app.searchConversations.click()
  await app.page.keyboard.type('quarnbeck', { delay: 40 })
  await expect(app.conversationRows).toHaveCount(1)
  await expect(app.conversationRow('Rust is a nice language')).toHaveCount(1)
  await app.page.keyboard.press('Control+A')
  await app.page.keyboard.type('zzqxv', { delay: 40 })
  await expect(app.sidebar).toContainText('No conversation title or message matches “zzqxv”.')
})
