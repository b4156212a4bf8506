import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { chatGptShards } from '../fixtures/imports/chatgpt-export'
import { chatGptShardedZip, chatGptSingleZip, claudeZip } from '../fixtures/imports/export-zips'
import { generateChatGptShards } from '../fixtures/imports/generate-chatgpt'
import { test } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** The Files dialog's import part and its report, as a person sees them. */
class ImportDialog {
  readonly open: Locator
  readonly dialog: Locator
  readonly file: Locator
  readonly asNewSpace: Locator
  readonly merge: Locator
  readonly importButton: Locator
  readonly status: Locator
  readonly report: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.open = page.getByRole('button', { name: 'Export & import' })
    this.dialog = page.getByRole('dialog', { name: 'Files' })
    this.file = this.dialog.getByLabel('Import file')
    this.asNewSpace = this.dialog.getByRole('radio', { name: 'As a new space' })
    this.merge = this.dialog.getByRole('radio', { name: 'Merge into this space' })
    this.importButton = this.dialog.getByRole('button', { name: 'Import', exact: true })
    this.status = this.dialog.getByRole('status')
    this.report = this.dialog.getByRole('region', { name: 'Import report' })
    this.close = this.dialog.getByRole('button', { name: 'Close' })
  }

  async importFrom(path: string, mode: Locator): Promise<void> {
    await this.open.click()
    await this.file.setInputFiles(path)
    await mode.check()
    await this.importButton.click()
  }
}

/** What the search palette lists under Messages for a query. */
async function messageHits(app: KeepsakePage, query: string): Promise<Locator> {
  await app.page.keyboard.press('Control+K')
  await expect(app.palette).toBeVisible()
  await app.page.keyboard.type(query, { delay: 20 })
  return app.palette.getByRole('group', { name: 'Messages' }).getByRole('option')
}

test('a sharded ChatGPT zip and a Claude zip import through the Files dialog with their report, are searchable, and import again adds nothing', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-imports-'))
  const chatgpt = join(dir, 'chatgpt-export.zip')
  const claude = join(dir, 'claude-export.zip')
  writeFileSync(chatgpt, chatGptShardedZip())
  writeFileSync(claude, claudeZip())
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const files = new ImportDialog(app.page)

  // As a new space: the window reloads on it and says what it imported, with the way to the report.
  await files.importFrom(chatgpt, files.asNewSpace)
  await expect(app.conversationRows).toHaveCount(4)
  const told = app.toasts.getByRole('status').filter({ hasText: 'imported into “ChatGPT”' })
  await expect(told).toContainText('Read 4 conversations and 27 messages from a ChatGPT export')
  await told.getByRole('button', { name: 'See the report' }).click()
  await expect(files.report).toContainText('chatgpt-export.zip')
  await expect(files.report).toContainText(
    'Read 4 conversations and 27 messages from a ChatGPT export (2 files).',
  )
  await expect(files.report).toContainText('27 new messages were added.')
  await expect(files.report.getByRole('listitem')).toHaveText([
    '12 tool calls and results kept as tool steps',
    '3 images kept as placeholders',
    '1 file or attachment kept as a placeholder',
    '2 voice messages kept as their transcript',
    '3 messages with citation markup cleaned',
    '1 interrupted answer marked as interrupted',
    '7 message times moved to keep the conversation in order (original times kept)',
    '4 message ids shared with another conversation given new ids',
    '4 hidden system and context messages left out',
    '4 reasoning and thinking steps left out',
    '2 messages on branches that were not current left out (edits, regenerations)',
  ])
  await files.report.scrollIntoViewIfNeeded()
  await app.screens('import-report')
  await files.close.click()

  // The conversation reads question first; tool steps are folded lines, not the assistant talking.
  await app.openConversation('Quiet hotel in Lisbon')
  const rows = app.conversation.getByRole('article')
  await expect(rows).toHaveCount(6)
  await expect(rows.nth(0)).toContainText('Find me a quiet hotel in Alfama for late May')
  await expect(rows.nth(1)).toHaveAccessibleName(/^Tool step: Used web search/)
  await expect(rows.nth(2)).toHaveAccessibleName(/^Tool step: Web search results/)
  await expect(rows.nth(2).getByText('Casa do Largo: quiet rooms')).toBeHidden()
  await expect(rows.nth(3)).toContainText(
    'Casa do Largo is quiet and close to the tram. Ask for a courtyard room.',
  )
  // ChatGPT answered, not Keepsake.
  await expect(rows.nth(3)).toHaveAccessibleName(/^ChatGPT, /)
  await expect(rows.nth(4)).toContainText('[image: balcony.jpg]')
  await rows.nth(2).getByText('Web search results').click()
  await expect(rows.nth(2).getByText('Casa do Largo: quiet rooms')).toBeVisible()
  await rows.nth(2).scrollIntoViewIfNeeded()
  await app.screens('import-tool-steps')

  // Search finds what was said; a word only the search results held finds no message.
  let hits = await messageHits(app, 'courtyard room')
  await expect(hits.first()).toContainText('courtyard')
  await app.page.keyboard.press('Escape')
  hits = await messageHits(app, 'Chafariz')
  await expect(hits).toHaveCount(0)
  await app.page.keyboard.press('Escape')

  // The Claude zip merges into this space with its own report.
  await files.importFrom(claude, files.merge)
  await expect(files.status).toHaveText('Merged 8 new messages and 0 memory items.')
  await expect(files.report).toContainText(
    'Read 2 conversations and 8 messages from a Claude.ai export.',
  )
  await expect(files.report.getByRole('listitem')).toContainText([
    '2 tool calls and results kept as tool steps',
    '1 reasoning or thinking step left out',
  ])
  await files.close.click()
  await expect(app.conversationRows).toHaveCount(6)
  hits = await messageHits(app, 'Sungold')
  await expect(hits.first()).toContainText('Sungold')
  await app.page.keyboard.press('Escape')

  // Both again: nothing new, and the report says so.
  for (const path of [chatgpt, claude]) {
    await files.importFrom(path, files.merge)
    await expect(files.status).toHaveText(
      'Nothing new: this space already has everything in the file.',
    )
    await expect(files.report).toContainText('Nothing new was added')
    await files.close.click()
  }
  await expect(app.conversationRows).toHaveCount(6)
  await app.page.reload()
  await expect(app.conversationRows).toHaveCount(6)
})

test('the shards of an unpacked ChatGPT export chosen together import as one export', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-shards-'))
  const paths = chatGptShards().map((shard, i) => {
    const path = join(dir, `conversations-00${i}.json`)
    writeFileSync(path, JSON.stringify(shard))
    return path
  })
  writeFileSync(join(dir, 'user.json'), '{}')
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  const files = new ImportDialog(app.page)
  await files.open.click()
  await files.file.setInputFiles([...paths, join(dir, 'user.json')])
  await files.merge.check()
  await files.importButton.click()
  await expect(files.status).toHaveText('Merged 27 new messages and 0 memory items.')
  await expect(files.report).toContainText(
    'Read 4 conversations and 27 messages from a ChatGPT export (2 files).',
  )
})

test("an older export's large conversations.json, read as it unpacks, imports everything that reading it whole does", async ({
  device,
}) => {
  // 7,000 messages: about 5 MiB of JSON, above the size from which a zip's file is read as it
  // unpacks; the same conversations in shards of 20 are each read whole.
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-large-'))
  const conversations = generateChatGptShards(7000, 50, 20)
  const single = join(dir, 'older-export.zip')
  const sharded = join(dir, 'sharded-export.zip')
  writeFileSync(single, chatGptSingleZip(conversations.flat()))
  writeFileSync(sharded, chatGptShardedZip(conversations))
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const files = new ImportDialog(app.page)
  await files.importFrom(single, files.merge)
  await expect(files.status).toHaveText(/^Merged [\d,]+ new messages and 0 memory items\.$/, {
    timeout: 60_000,
  })
  await expect(files.report).toContainText('Read 140 conversations and')
  await files.close.click()
  await files.importFrom(sharded, files.merge)
  await expect(files.status).toHaveText(
    'Nothing new: this space already has everything in the file.',
    { timeout: 60_000 },
  )
  await files.close.click()
  // The last answer of the last conversation is found.
  const hits = await messageHits(app, 'answer 6998')
  await expect(hits.first()).toContainText('answer 6998')
  await expect(hits.first()).toContainText('learning the cello #140')
})

/** The names of this profile's space databases, as the page's origin lists them. */
const spaceDatabases = (page: Page): Promise<string[]> =>
  page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.startsWith('keepsake-space-'))
      .sort(),
  )

test('an import into a new space killed partway leaves nothing on disk after the next start', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-killed-import-'))
  const zip = join(dir, 'chatgpt-export.zip')
  writeFileSync(zip, chatGptShardedZip(generateChatGptShards(50_000)))
  let app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.say('I prefer pgvector over Pinecone')
  const before = await spaceDatabases(app.page)
  expect(before).toHaveLength(1)

  const files = new ImportDialog(app.page)
  await files.importFrom(zip, files.asNewSpace)
  // The new space's database is on disk, unlisted, while its conversations are written.
  await expect(files.dialog.getByText('Writing conversations')).toBeVisible({ timeout: 60_000 })
  await expect.poll(() => spaceDatabases(app.page), { intervals: [50] }).toHaveLength(2)
  await device.crashAndRestart()

  app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  // The import never finished: the space that was open is still the only one, with its memory.
  const listed = await app.request<{ spaces: unknown[] }>('spaces.list', {})
  expect(listed.value?.spaces).toHaveLength(1)
  await expect(app.memoryItems.filter({ hasText: 'pgvector' })).toHaveCount(1)
  await expect.poll(() => spaceDatabases(app.page)).toEqual(before)
})
