import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { writeSessionFile } from '../../shared/session/session-file'
import { BIG_CONVERSATION, generateSession, lastMessageText } from '../bench/session-data'
import { withYjsState } from '../support/session-yjs'
import { startDevice, test, type Device } from './fixtures'
import { newConversation, tell } from './pages/app-requests'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'

/** What the memory panel and the conversation list show, for comparing two profiles. */
async function visibleState(
  app: KeepsakePage,
): Promise<{ memory: string[]; conversations: string[] }> {
  await expect(app.memoryItems.first()).toBeVisible()
  // Item texts, titles and message counts: "confirmed 2 minutes ago" differs between the profiles.
  const memory = (await app.memoryItems.locator('.memory-text').allInnerTexts()).sort()
  const titles = await app.conversationRows.locator('.conv-title').allInnerTexts()
  const counts = await app.conversationRows.locator('.conv-meta').allInnerTexts()
  const conversations = titles
    .map((t, i) => `${t} (${/^[\d,]+ messages?/.exec(counts[i] ?? '')?.[0] ?? '?'})`)
    .sort()
  return { memory, conversations }
}

let second: Device | null = null
test.afterEach(async () => {
  await second?.browser.close()
  await second?.host.stop()
  second = null
})

test('a space exported in one profile imports into a fresh one, and a second import merges nothing new', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-files-'))
  const a = new KeepsakePage(device.browser.page)
  await a.open(device.host.url)
  // Two conversations whose replies leave three memory items, written through the app's client.
  const first = await newConversation(a.page)
  await tell(a.page, first, 'Remember that I prefer pgvector over Pinecone')
  await tell(a.page, first, 'My timezone is America/New_York')
  await tell(a.page, await newConversation(a.page), "I'm benchmarking hybrid search accuracy")
  await expect(a.memoryItems).toHaveCount(3)
  await expect(a.conversationRows).toHaveCount(2)
  await expect
    .poll(async () => (await visibleState(a)).conversations)
    .toEqual([
      "I'm benchmarking hybrid search accuracy (2 messages)",
      'Remember that I prefer pgvector over Pinecone (4 messages)',
    ])
  const before = await visibleState(a)

  for (const format of ['json', 'msgpack'] as const) {
    const path = await new FilesDialog(a.page).exportSpaceTo(dir, format)
    expect(path).toMatch(format === 'json' ? /\.keepsake\.json$/ : /\.keepsake$/)

    second = await startDevice()
    const b = new KeepsakePage(second.browser.page)
    await b.open(second.host.url)
    const files = new FilesDialog(b.page)
    await files.importFrom(path, files.asNewSpace)
    // The window reloads on the new space.
    await expect(b.memoryItems).toHaveCount(3)
    await expect.poll(() => visibleState(b)).toEqual(before)

    await files.importFrom(path, files.merge)
    await expect(files.status).toHaveText(
      'Nothing new: this space already has everything in the file.',
    )
    await files.close.click()
    await expect.poll(() => visibleState(b)).toEqual(before)
    await b.page.reload()
    await expect(b.memoryItems).toHaveCount(3)
    await expect.poll(() => visibleState(b)).toEqual(before)

    await second.browser.close()
    await second.host.stop()
    second = null
  }
})

test('a broken file is refused with its path and reason, and nothing changes', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-files-'))
  const app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  await tell(
    app.page,
    await newConversation(app.page),
    'Remember that I prefer pgvector over Pinecone',
  )
  await expect(app.memoryItems).toHaveCount(1)
  const path = join(dir, 'broken.keepsake.json')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(
    path,
    JSON.stringify({
      format: 'keepsake-session',
      formatVersion: 1,
      schemaVersion: 2,
      exportedAt: '2026-03-11T12:00:00.000Z',
      app: { name: 'keepsake', version: '0.1.0' },
      scope: 'space',
      space: { id: 's', name: 'Broken', createdAt: '2026-03-11T12:00:00.000Z' },
      memory: [],
      conversations: [
        {
          id: 'c',
          title: 'Broken',
          createdAt: '2026-03-11T12:00:00.000Z',
          updatedAt: '2026-03-11T12:00:00.000Z',
          deletedAt: null,
          messages: [
            {
              schemaVersion: 2,
              id: 'm',
              role: 'user',
              text: 'x',
              createdAt: 'yesterday',
              deviceId: 'd',
              speaker: null,
              replyTo: null,
              error: null,
            },
          ],
        },
      ],
    }),
  )
  const files = new FilesDialog(app.page)
  await files.importFrom(path, files.replace)
  await expect(files.alert).toContainText(
    'conversations[0].messages[0].createdAt: expected an ISO date',
  )
  await expect(files.alert).toContainText('nothing was changed')
  await files.close.click()
  await expect(app.memoryItems).toHaveCount(1)
  await expect(app.conversationRows).toHaveCount(1)
})

test('a Keepsake file holding a 100,000-message conversation imports as a new space', async ({
  device,
}) => {
  // The file carries the conversation's Yjs state beside its records, as Keepsake's export writes
  // it; checking that the two agree once overflowed the worker's stack at this size.
  test.setTimeout(300_000)
  const data = withYjsState(
    generateSession({ messages: 100_000, facts: 20, nowMs: Date.parse('2026-06-01T12:00:00Z') }),
  )
  const path = join(mkdtempSync(join(tmpdir(), 'keepsake-long-')), 'long.keepsake')
  writeFileSync(path, await writeSessionFile(data, 'msgpack', nodeGzip))

  const app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  const files = new FilesDialog(app.page)
  await files.importFrom(path, files.asNewSpace)
  const row = app.conversationRow(BIG_CONVERSATION)
  await expect(row).toContainText('100,000 messages', { timeout: 120_000 })
  await app.openConversation(BIG_CONVERSATION)
  await expect(app.conversation).toContainText(lastMessageText(data))
})
