import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1360, height: 860 })
})

test('conversations: start, rename, filter, move to Trash and restore', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await expect(app.welcome).toBeVisible()
  await app.screens('first-run')
  await app.dismissWelcome()

  await app.say('Remember that I prefer pgvector over Pinecone')
  await expect(app.lastReply()).toContainText('Noted: you prefer pgvector over Pinecone')
  // The first message names the conversation.
  await expect(app.conversationRow('Remember that I prefer pgvector over Pinecone')).toHaveCount(1)

  // Rename in place.
  const first = app.conversationRow('Remember that I prefer pgvector over Pinecone')
  await first.hover()
  await first.getByRole('button', { name: /^Rename/ }).click()
  const title = app.sidebar.getByRole('textbox', { name: 'Conversation title' })
  await title.fill('Vector databases')
  await title.press('Enter')
  await expect(app.conversationRow('Vector databases')).toHaveCount(1)
  await expect(app.chatTitle).toHaveText('Vector databases')

  // A second conversation, with Shift+Enter for a new line.
  await app.newConversation.click()
  await expect(app.settledMessages()).toHaveCount(0)
  await app.message.fill('My timezone is America/New_York')
  await app.message.press('Shift+Enter')
  await app.message.pressSequentially('I am benchmarking hybrid search accuracy')
  await expect(app.message).toHaveValue(
    'My timezone is America/New_York\nI am benchmarking hybrid search accuracy',
  )
  await app.message.press('Enter')
  await expect(app.settledMessages()).toHaveCount(2)
  await expect(app.lastReply()).toContainText('America/New_York')
  await expect(app.conversationRows).toHaveCount(2)

  // Each message shows when it was written.
  await expect(app.settledMessages().first().locator('time')).toHaveAttribute(
    'datetime',
    /\d{4}-\d\d-\d\dT/,
  )

  // Filter by title.
  await app.searchConversations.fill('vector')
  await expect(app.conversationRows).toHaveCount(1)
  await expect(app.conversationRow('Vector databases')).toHaveCount(1)
  await app.searchConversations.fill('nothing like this')
  await expect(app.conversationRows).toHaveCount(0)
  await expect(app.sidebar).toContainText('No conversation title or message matches')
  await app.searchConversations.fill('')
  await expect(app.conversationRows).toHaveCount(2)
  await app.screens('conversations')

  // Move to Trash, undo from the notice.
  const vectors = app.conversationRow('Vector databases')
  await vectors.hover()
  await vectors.getByRole('button', { name: /to Trash$/ }).click()
  await expect(app.conversationRows).toHaveCount(1)
  await expect(app.toasts.getByRole('status')).toContainText('Moved “Vector databases” to Trash')
  await app.toasts.getByRole('button', { name: 'Undo' }).click()
  await expect(app.conversationRows).toHaveCount(2)

  // Trash it again and restore it from the Trash view.
  await vectors.hover()
  await vectors.getByRole('button', { name: /to Trash$/ }).click()
  await expect(app.conversationRows).toHaveCount(1)
  await app.trashButton.click()
  await expect(app.trash).toBeVisible()
  await expect(app.trash.getByRole('listitem')).toHaveCount(1)
  await app.screens('trash')
  await app.trash.getByRole('button', { name: 'Restore “Vector databases”' }).click()
  await expect(app.trash).toBeHidden()
  await expect(app.conversationRows).toHaveCount(2)
  await expect(app.chatTitle).toHaveText('Vector databases')
  await expect(app.conversation).toContainText('Remember that I prefer pgvector over Pinecone')
})
