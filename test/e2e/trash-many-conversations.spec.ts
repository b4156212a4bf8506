import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/current'
import type { SessionData } from '../../shared/session/session-data'
import { writeSessionFile } from '../../shared/session/session-file'
import { expect, test } from './fixtures'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'

// A space whose Trash holds 800 conversations (a session file from a laptop that trashed a lot),
// and one that is not trashed. Trashed conversation n was trashed n hours after the start, so
// Trash lists "Old notes 800" first and "Old notes 1" last.
const TRASHED = 800

function trashHeavySession(): SessionData {
  const start = Date.parse('2025-06-01T09:00:00.000Z')
  const at = (hours: number): string => new Date(start + hours * 3_600_000).toISOString()
  const conversation = (n: number, deletedAt: string | null) => ({
    id: `trash-test-${n}`,
    title: n === 0 ? 'Still here' : `Old notes ${n}`,
    createdAt: at(0),
    updatedAt: at(0),
    deletedAt,
    messages: [
      {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id: `trash-test-${n}-m0`,
        role: 'user' as const,
        text: `Note number ${n}`,
        createdAt: at(0),
        deviceId: 'trash-test',
        speaker: null,
        replyTo: null,
        error: null,
      },
    ],
    yjs: null,
  })
  return {
    exportedAt: at(TRASHED + 1),
    app: { name: 'Keepsake trash test', version: '0.0.0' },
    scope: 'space',
    space: { id: 'trash-test-space', name: 'Trash test', createdAt: at(0) },
    memory: [],
    quarantine: [],
    conversations: [
      conversation(0, null),
      ...Array.from({ length: TRASHED }, (_, i) => conversation(i + 1, at(i + 1))),
    ],
    yjs: null,
  }
}

test('a Trash of 800 conversations lists them all without putting 800 rows in the page, and the oldest can be restored', async ({
  device,
}) => {
  test.setTimeout(180_000)
  await device.browser.page.setViewportSize({ width: 1360, height: 860 })
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-trash-'))
  const path = join(dir, 'trash.keepsake')
  writeFileSync(path, await writeSessionFile(trashHeavySession(), 'msgpack', nodeGzip))
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const files = new FilesDialog(app.page)
  await files.importFrom(path, files.asNewSpace)
  await expect(app.conversationRow('Still here')).toBeVisible({ timeout: 60_000 })
  await expect(app.trashButton).toHaveText(/800/)

  await app.trashButton.click()
  const rows = app.trash.getByRole('listitem')
  await expect(rows.first()).toContainText('Old notes 800')
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(TRASHED))
  // Only the rows in view (and a few beyond) are in the page.
  expect(await rows.count()).toBeLessThan(60)
  await app.screens('trash-many')

  // Scrolled to the end, the oldest is there and can be restored; it opens in the conversation list.
  await app.trash.locator('.trash-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  const oldest = app.trash.getByRole('button', { name: 'Restore “Old notes 1”' })
  await expect(oldest).toBeVisible()
  expect(await rows.count()).toBeLessThan(60)
  await oldest.click()
  await expect(app.trash).toBeHidden()
  await expect(app.chatTitle).toHaveText('Old notes 1')
  await expect(app.trashButton).toHaveText(/799/)
})
