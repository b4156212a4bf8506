import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1360, height: 860 })
})

test('memory: history, filters, search, edit, confirm a stale item, retract, source message', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  await app.say('My timezone is America/New_York')
  await app.say('My timezone is Europe/Paris')
  await app.say('Remember that I prefer pgvector over Pinecone')
  await app.say("I'm benchmarking hybrid search accuracy")
  await app.say('The staging server is broken')
  await expect(app.memoryItems).toHaveCount(4)

  // A superseded value is kept as history.
  const timezone = app.memoryItem('Europe/Paris')
  await timezone.getByRole('button', { name: 'History' }).click()
  await expect(timezone.getByRole('group', { name: /History of/ })).toContainText(
    /was America\/New_York until [A-Z][a-z]{2} \d{1,2}, \d{4}/,
  )

  // Filter by kind, then search.
  await app.kindFilter.getByRole('button', { name: /^Preferences/ }).click()
  // The timezone and the choice of pgvector over Pinecone.
  await expect(app.memoryItems).toHaveCount(2)
  await app.kindFilter.getByRole('button', { name: /^Issues/ }).click()
  await expect(app.memoryItems).toHaveCount(1)
  await expect(app.memoryItems).toContainText('staging server')
  await app.kindFilter.getByRole('button', { name: 'All' }).click()
  await expect(app.memoryItems).toHaveCount(4)
  await app.searchMemory.fill('pgvector')
  await expect(app.memoryItems).toHaveCount(1)
  await app.searchMemory.fill('')

  // Edit keeps the old wording in History.
  const fact = app.memoryItem('I prefer pgvector over Pinecone')
  await fact.getByRole('button', { name: 'Edit' }).click()
  const box = app.memory.getByRole('textbox', { name: 'Memory text' })
  await box.fill('I prefer pgvector over Pinecone for small projects')
  await box.press('Enter')
  const edited = app.memoryItem('for small projects')
  await expect(edited).toHaveCount(1)
  await edited.getByRole('button', { name: 'History' }).click()
  // A preference's history names its old value.
  await expect(edited).toContainText(/was (?:“I prefer pgvector over Pinecone”|pgvector) until/)

  // Retract: gone from the panel, kept as history.
  await app.memoryItem('staging server').getByRole('button', { name: 'Retract' }).click()
  await expect(app.memoryItems).toHaveCount(3)
  await expect(app.toasts).toContainText('Retracted')

  // Tasks go stale after five seconds: the badge appears on time, Confirm clears it.
  await app.request('settings.update', {
    freshness: { preference: 4320, fact: 2160, task: 5 / 3600, issue: 72 },
  })
  const task = app.memoryItem('benchmarking hybrid search accuracy')
  await expect(task).toContainText('Needs re-verify', { timeout: 20_000 })
  await app.screens('memory-stale')
  await task.getByRole('button', { name: 'Confirm' }).click()
  await expect(task.getByText('Needs re-verify')).toHaveCount(0)

  // Freshness is a setting: give tasks a day again.
  await app.openSettings()
  const tasks = app.settingsDialog.getByRole('spinbutton', { name: 'Tasks stay fresh for' })
  await tasks.fill('1')
  await tasks.press('Enter')
  await expect
    .poll(
      async () =>
        (await app.request<{ freshness: { task: number } }>('settings.get', {})).value?.freshness
          .task,
    )
    .toBe(24)
  await app.page.keyboard.press('Escape')
  await expect(app.settingsDialog).toBeHidden()

  // Source message: fill the conversation past a page, then jump back to where the timezone was set.
  await app.page.evaluate(async () => {
    type Client = {
      request(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }>
    }
    const c = (window as unknown as { keepsakeClient: Client }).keepsakeClient
    const list = (await c.request('conversations.list', {})) as { value: { id: string }[] }
    const id = list.value[0]!.id
    for (let i = 0; i < 70; i++)
      await c.request('chat.send', { conversationId: id, text: `Filler note ${i}` })
  })
  await expect(app.conversation).toContainText('Filler note 69')
  await expect(
    app.conversation.getByText('My timezone is Europe/Paris', { exact: true }),
  ).toHaveCount(0)
  await timezone.getByRole('button', { name: 'Source message' }).click()
  const source = app.conversation
    .getByRole('article')
    .filter({ hasText: 'My timezone is Europe/Paris' })
  await expect(source).toBeFocused()
  await expect(source).toBeInViewport()
})

test('unreadable records: shown, exported, discarded', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  const status = await app.request<{ spaceId: string }>('app.status', {})
  await app.page.evaluate(async (spaceId) => {
    const open = indexedDB.open(`keepsake-space-${spaceId}`)
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('quarantine', 'readwrite')
      tx.objectStore('quarantine').add({
        origin: 'memory',
        recordId: 'fact-7',
        raw: JSON.stringify({
          schemaVersion: 2,
          id: 'fact-7',
          kind: 'fact',
          text: 'I use Neovim',
          confirmedAt: 'last Tuesday',
        }),
        path: 'confirmedAt',
        reason: 'Expected an ISO date, got "last Tuesday"',
        at: new Date().toISOString(),
      })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, status.value!.spaceId)
  await app.page.reload()
  await expect(app.memory.getByRole('status')).toHaveText('1 record could not be read')

  await app.memory.getByRole('button', { name: 'View unreadable records' }).click()
  await expect(app.quarantineDialog).toBeVisible()
  const record = app.quarantineDialog.getByRole('listitem')
  await expect(record).toContainText('confirmedAt')
  await expect(record).toContainText('Expected an ISO date, got "last Tuesday"')
  await app.screens('quarantine')

  const download = app.page.waitForEvent('download')
  await record.getByRole('button', { name: 'Export' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('keepsake-unreadable-memory-fact-7.json')

  await record.getByRole('button', { name: 'Discard' }).click()
  await record.getByRole('button', { name: 'Discard for good' }).click()
  await expect(app.quarantineDialog).toContainText('No unreadable records')
  await app.page.keyboard.press('Escape')
  await expect(app.quarantineDialog).toBeHidden()
  await expect(app.memory.getByText('could not be read')).toHaveCount(0)
})

test('what the assistant saw: strategy, sections with tokens, retrieved memories, budget', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Remember that I prefer pgvector over Pinecone')
  await app.say('What do you know about pgvector?')
  const reply = app.lastReply()
  const inspect = reply.getByRole('button', { name: 'What the assistant saw' })
  await inspect.click()
  await expect(app.contextDialog).toBeVisible()
  await expect(app.contextDialog).toContainText('Selective')
  await expect(app.contextDialog).toContainText(/of 7,168 budget/)
  await expect(
    app.contextDialog.getByRole('meter', { name: 'Tokens used of the budget' }),
  ).toBeVisible()
  await expect(app.contextDialog.getByRole('group').first()).toContainText(/\d+ tokens/)
  const retrieved = app.contextDialog.getByRole('table')
  await expect(retrieved).toContainText('pgvector')
  await expect(retrieved.getByRole('cell').first()).toHaveText(/^\d+\.\d\d$/)
  await app.screens('context')
  await app.page.keyboard.press('Escape')
  await expect(app.contextDialog).toBeHidden()
  await expect(inspect).toBeFocused()
})
