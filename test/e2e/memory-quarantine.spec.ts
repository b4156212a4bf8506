import * as Y from 'yjs'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** A laptop window; the default headless page is smaller than any desktop window. */
const DESKTOP = { width: 1360, height: 860 }

/**
 * Runs `change` on one object store of this profile's space database, from the page, the way a damaged
 * disk or a buggy build would: straight into IndexedDB, beside the running runtime.
 */
async function tamper(
  app: KeepsakePage,
  store: 'updates' | 'messagePages',
  change: { add: { docId: string; update: number[] } } | { corruptMessageWithText: string },
): Promise<void> {
  const status = await app.request<{ spaceId: string }>('app.status', {})
  const spaceId = status.value?.spaceId
  expect(spaceId).toBeTruthy()
  await app.page.evaluate(
    async ({ spaceId, store, change }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(`keepsake-space-${spaceId}`)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      // Strict, so the damage is on disk before the browser is killed.
      const tx = db.transaction(store, 'readwrite', { durability: 'strict' })
      const os = tx.objectStore(store)
      if ('add' in change) {
        os.add({
          docId: change.add.docId,
          update: new Uint8Array(change.add.update),
          at: new Date().toISOString(),
        })
      } else {
        const cursor = os.openCursor()
        cursor.onsuccess = () => {
          const c = cursor.result
          if (!c) return
          // A page of the messages read model: the one message in it is damaged, the rest kept.
          const page = c.value as { messages: { record?: Record<string, unknown> }[] }
          const at = page.messages.findIndex(
            (m) => m.record?.text === change.corruptMessageWithText,
          )
          const hit = page.messages[at]
          if (hit) {
            const messages = [...page.messages]
            messages[at] = { ...hit, record: { ...hit.record, createdAt: 'not a date', role: 42 } }
            c.update({ ...page, messages })
          }
          c.continue()
        }
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { spaceId, store, change },
  )
}

/** A Yjs update that puts a memory record this build cannot read into the space document. */
function badMemoryUpdate(): number[] {
  const doc = new Y.Doc()
  doc.getMap('memory').set('broken-1', { schemaVersion: 2, id: 'broken-1', kind: 'fact', text: 42 })
  return Array.from(Y.encodeStateAsUpdate(doc))
}

test('a memory record that fails validation is quarantined, shown, exported and discarded; the rest loads', async ({
  device,
}) => {
  let app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Remember that I use pgvector for embeddings')
  await expect(app.memoryItems.filter({ hasText: 'I use pgvector for embeddings' })).toHaveCount(1)

  await tamper(app, 'updates', {
    add: { docId: 'space', update: badMemoryUpdate() },
  })
  await device.crashAndRestart()

  app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await expect(app.memory.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
    '1 record could not be read',
  )
  await expect(app.memoryItems.filter({ hasText: 'I use pgvector for embeddings' })).toHaveCount(1)
  await expect(app.conversation).toContainText('Remember that I use pgvector for embeddings')

  const exported = await app.request<{ json: string; count: number }>('quarantine.export', {})
  expect(exported.value?.count).toBe(1)
  expect(JSON.parse(exported.value?.json ?? '{}')).toMatchObject({
    records: [
      { origin: 'memory', recordId: 'broken-1', path: 'text', raw: { id: 'broken-1', text: 42 } },
    ],
  })

  await app.memory.getByRole('button', { name: 'View unreadable records' }).click()
  const dialog = app.quarantineDialog
  await expect(dialog).toContainText('broken-1')
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Discard' }).click()
  await dialog.getByRole('button', { name: 'Discard for good' }).click()
  await expect(app.memory.getByRole('status').filter({ hasText: 'could not be read' })).toHaveCount(
    0,
  )

  // Discarding removed the record itself, so it does not come back after another restart.
  await device.crashAndRestart()
  app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await expect(app.memoryItems.filter({ hasText: 'I use pgvector for embeddings' })).toHaveCount(1)
  await expect(app.memory.getByRole('status').filter({ hasText: 'could not be read' })).toHaveCount(
    0,
  )
})

test('a damaged message row is quarantined when its conversation is read; the other messages show', async ({
  device,
}) => {
  let app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Remember that I use pgvector for embeddings')
  await app.say('My timezone is America/New_York')

  await tamper(app, 'messagePages', {
    corruptMessageWithText: 'My timezone is America/New_York',
  })
  await device.crashAndRestart()

  app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await expect(app.conversation).toContainText('Remember that I use pgvector for embeddings')
  await expect(app.conversation).toContainText('Noted: your timezone is America/New_York')
  await expect(app.memory.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
    '1 record could not be read',
  )
  await expect(
    app.conversation.getByRole('article').filter({ hasText: 'My timezone is America/New_York' }),
  ).toHaveCount(0)
})
